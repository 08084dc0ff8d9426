import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args';
import { main } from '../main';

const run = async (argv: string[]) => {
  let stderr = '';
  const code = await main(argv, { stdout: () => undefined, stderr: (s) => void (stderr += s), cwd: mkdtempSync(join(tmpdir(), 'flowdeck-serve-cli-')) });
  return { code, stderr };
};

describe('flowdeck serve (command line)', () => {
  it('given options, then they parse; two sources or an unknown option are usage errors', () => {
    expect(parseArgs(['serve', 'project', '--port', '9090', '--db=x.sqlite'])).toEqual({ command: 'serve', source: 'project', port: '9090', db: 'x.sqlite', host: undefined });
    expect(() => parseArgs(['serve', 'a', 'b'])).toThrow(/one folder or archive/);
    expect(() => parseArgs(['serve', '--verbose'])).toThrow(/unknown option "--verbose" for serve/);
  });

  it('given a wrong port, then it stops with exit 3 naming the variable; a missing folder likewise', async () => {
    const port = await run(['serve', '--port', 'eighty']);
    expect(port.code).toBe(3);
    expect(port.stderr).toMatch(/FLOWDECK_PORT: .*\(got "eighty"\)/);
    const folder = await run(['serve', 'no-such-folder', '--port', '0', '--db', ':memory:']);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toMatch(/no-such-folder: no such folder or archive/);
  });
});
