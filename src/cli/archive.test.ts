import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packArchive, readArchive } from '../archive';
import { HOSTILE_CASES, MINIMAL_BPMN } from '../archive/hostile/corpus';
import { main } from './main';
import { REPO_ROOT } from './run-in-process';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-archive-'));
  temps.push(dir);
  return dir;
}

async function flowdeck(args: string[], extra: { env?: Record<string, string>; fetch?: typeof fetch } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd: REPO_ROOT, env: extra.env ?? {}, fetch: extra.fetch });
  return { code, stdout, stderr };
}

/** Every file below `dir`, relative path → content. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

describe('flowdeck pack, check and unpack', () => {
  it('given the examples folder, when packed, checked and unpacked, then the unpacked folder holds the same files, byte for byte, and repacks to the same hashes', async () => {
    const dir = tempDir();
    const archive = join(dir, 'examples.flowdeck');

    const packed = await flowdeck(['pack', 'docs/examples', '-o', archive, '--project', 'Examples']);
    const checked = await flowdeck(['check', archive]);
    const unpacked = await flowdeck(['unpack', archive, join(dir, 'out')]);

    expect(packed.code).toBe(0);
    expect(packed.stderr).toContain('skipped book-trip/README.md');
    expect(checked).toMatchObject({ code: 0, stdout: expect.stringContaining('"Examples" (format version 1): 5 bpmn, 11 scenario, 1 dmn, 1 cpt') });
    expect(unpacked.code).toBe(0);
    const original = tree(join(REPO_ROOT, 'docs/examples'));
    delete original['book-trip/README.md'];
    expect(tree(join(dir, 'out'))).toEqual(original);
    const again = join(dir, 'again.flowdeck');
    expect((await flowdeck(['pack', join(dir, 'out'), '-o', again, '--project', 'Examples'])).code).toBe(0);
    const hashes = (path: string) => readArchive(new Uint8Array(readFileSync(path))).manifest.entries.map((e) => [e.path, e.sha256]);
    expect(hashes(again)).toEqual(hashes(archive));
  });

  it('given hostile archives, when checked, then each exits 1 naming the entry and the reason', async () => {
    const dir = tempDir();
    for (const name of ['path traversal ../', 'symbolic link (Unix mode 120777)', 'JSON with __proto__', 'newer format version']) {
      const hostile = HOSTILE_CASES.find((c) => c.name === name)!;
      const file = join(dir, 'hostile.flowdeck');
      writeFileSync(file, hostile.build());
      const r = await flowdeck(['check', file]);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toContain(`  ${hostile.entry}: `);
      expect(r.stderr).toContain(`[${hostile.code}]`);
    }
  });

  it('given an archive whose BPMN calls a decision no DMN defines, when checked, then the task and the missing decision are named', async () => {
    const dir = tempDir();
    const file = join(dir, 'missing.flowdeck');
    writeFileSync(file, packArchive({ project: 'P', files: [{ path: 'pricing.bpmn', content: readFileSync(join(REPO_ROOT, 'docs/examples/pricing/pricing.bpmn')) }] }));

    const r = await flowdeck(['check', file]);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pricing.bpmn Decide: calls decision "discount", which no DMN in the archive defines [model]');
  });

  it('given a refused archive, when unpacked over an empty folder or a new path, then the folder is as it was and nothing else appeared beside it', async () => {
    const dir = tempDir();
    const hostile = join(dir, 'h.flowdeck');
    const badModel = join(dir, 'm.flowdeck');
    writeFileSync(hostile, HOSTILE_CASES.find((c) => c.code === 'badPath')!.build());
    writeFileSync(badModel, packArchive({ project: 'P', files: [{ path: 'ok.bpmn', content: MINIMAL_BPMN }, { path: 'broken.bpmn', content: MINIMAL_BPMN.replace('<bpmn:startEvent id="s" />', '<bpmn:exclusiveGateway id="g"><bpmn:outgoing>nowhere</bpmn:outgoing></bpmn:exclusiveGateway>').replace('id="p"', 'id="p2"') }] }));
    mkdirSync(join(dir, 'empty'));
    const before = readdirSync(dir).sort();

    const r1 = await flowdeck(['unpack', hostile, join(dir, 'empty')]);
    const r2 = await flowdeck(['unpack', hostile, join(dir, 'new')]);
    const r3 = await flowdeck(['unpack', badModel, join(dir, 'new')]);

    expect([r1.code, r2.code, r3.code]).toEqual([3, 3, 3]);
    expect(r1.stderr).toMatch(/archive refused: \.\.\/evil\.bpmn: leaves the archive folder/);
    expect(r3.stderr).toMatch(/archive refused: broken\.bpmn: does not deploy/);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
  });

  it('given a folder that already has files, when unpacking into it, then it is refused and its files are untouched', async () => {
    const dir = tempDir();
    const archive = join(dir, 'a.flowdeck');
    writeFileSync(archive, packArchive({ project: 'P', files: [{ path: 'p.bpmn', content: MINIMAL_BPMN }] }));
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'mine.txt'), 'keep');

    const r = await flowdeck(['unpack', archive, join(dir, 'full')]);

    expect(r.code).toBe(3);
    expect(r.stderr).toContain('already exists and is not an empty folder');
    expect(tree(join(dir, 'full'))).toEqual({ 'mine.txt': 'keep' });
  });

  it('given wrong command lines, then each is a usage error (exit 2)', async () => {
    expect((await flowdeck(['pack', 'docs/examples'])).stderr).toContain('pack needs -o');
    expect((await flowdeck(['unpack', 'a.flowdeck'])).code).toBe(2);
    expect((await flowdeck(['export', 'a', 'b'])).stderr).toContain('say --camunda');
    expect((await flowdeck(['deploy', 'docs/examples'])).stderr).toContain('deploy needs --camunda');
  });
});

describe('flowdeck export --camunda and deploy --camunda', () => {
  it('given a project Camunda 8 runs, when exported, then the folder is a process application with its resources, and the scenarios are listed as left out', async () => {
    const dir = tempDir();
    const r = await flowdeck(['export', '--camunda', 'docs/examples/pricing', join(dir, 'c8'), '--camunda-version', '8.6']);

    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Camunda 8.6 check: every element runs on Camunda 8');
    expect(r.stderr).toMatch(/left out 2 files, each a Flowdeck test scenario/);
    expect(Object.keys(tree(join(dir, 'c8'))).sort()).toEqual(['.process-application', 'discount.dmn', 'pricing.bpmn']);
    expect(JSON.parse(readFileSync(join(dir, 'c8', '.process-application'), 'utf8'))).toEqual({});
  });

  it('given a transaction and a JavaScript script task, when exported, then each element is listed, nothing is written, and --force writes it anyway', async () => {
    const dir = tempDir();
    const out = join(dir, 'c8');
    const r = await flowdeck(['export', '--camunda', 'docs/examples/book-trip', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error {3}book-trip\.bpmn Trip: Element of type <bpmn:Transaction> not allowed \(camunda-compat\/element-type\)/);
    expect(readdirSync(dir)).toEqual([]);

    const js = await flowdeck(['export', '--camunda', 'docs/examples/order', out, '--force']);
    expect(js.stderr).toMatch(/order\.bpmn Score: JavaScript script \(Flowdeck only\)/);
    expect(js.code).toBe(0);
    expect(readdirSync(out)).toContain('order.bpmn');
  });

  it('given a cluster (faked at the fetch port) and basic credentials in the environment, when deploying, then one multipart request carries every resource and the deployed items are printed', async () => {
    const seen: Request[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      seen.push(new Request(url, init));
      const deployments = [{ processDefinition: { processDefinitionId: 'pricing', processDefinitionVersion: 1, resourceName: 'pricing.bpmn', tenantId: '<default>', processDefinitionKey: '22' }, decisionDefinition: null, decisionRequirements: null, form: null, resource: null }];
      return new Response(JSON.stringify({ deploymentKey: '21', tenantId: '<default>', deployments }), { status: 200 });
    }) as typeof fetch;

    const r = await flowdeck(['deploy', '--camunda', 'http://c8:8080', 'docs/examples/pricing'], { fetch: fake, env: { CAMUNDA_BASIC_AUTH_USERNAME: 'demo', CAMUNDA_BASIC_AUTH_PASSWORD: 'demo' } });

    expect(r.code).toBe(0);
    expect(r.stdout).toContain('process pricing version 1 (key 22)');
    expect(seen).toHaveLength(1);
    expect(seen[0].headers.get('authorization')).toBe(`Basic ${btoa('demo:demo')}`);
    const names = (await seen[0].formData()).getAll('resources').map((f) => (f as File).name);
    expect(names.sort()).toEqual(['discount.dmn', 'pricing.bpmn']);
  });

  it('given elements Camunda 8 would not run, or half the OAuth settings, when deploying, then nothing is sent', async () => {
    let calls = 0;
    const fake = (async () => { calls++; return new Response('{}'); }) as typeof fetch;
    const blocked = await flowdeck(['deploy', '--camunda', 'http://c8', 'docs/examples/order'], { fetch: fake });
    const half = await flowdeck(['deploy', '--camunda', 'http://c8', 'docs/examples/pricing'], { fetch: fake, env: { CAMUNDA_CLIENT_ID: 'x' } });
    const refused = await flowdeck(['deploy', '--camunda', 'http://c8', 'docs/examples/pricing'], { fetch: (async () => new Response('{"title":"INVALID_ARGUMENT","detail":"bad"}', { status: 400 })) as typeof fetch });

    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('not deployed');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('needs CAMUNDA_CLIENT_SECRET and CAMUNDA_OAUTH_URL too');
    expect(calls).toBe(0);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 400 INVALID_ARGUMENT): bad');
  });
});
