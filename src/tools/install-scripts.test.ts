import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Flowdeck is offline and local-first: installing it must not start anything that reports
// anywhere. npm 11 runs a dependency's install scripts only when `allowScripts` approves them;
// the collectors are denied explicitly, so that no blanket approval can let them in (README,
// "Installing").
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean; dependencies?: Record<string, string> }>;
};

describe('install scripts', () => {
  it('given the lock file, every package whose install script is a telemetry collector is denied in allowScripts', () => {
    const collectors = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript && Object.keys(entry.dependencies ?? {}).some((dep) => dep.includes('telemetry')))
      .map(([path]) => path.replace(/^.*node_modules\//, ''));

    expect(collectors).toEqual(expect.arrayContaining(['@carbon/grid', '@carbon/layout']));
    for (const name of collectors) expect(pkg.allowScripts?.[name], name).toBe(false);
  });
});
