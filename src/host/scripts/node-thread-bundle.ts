import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';

/**
 * The file a Node script thread starts from. Loading the thread's TypeScript through tsx in every
 * new thread costs ~1 s (tsx starts its own esbuild in each thread), which is what replacing a
 * stopped thread would cost; so the thread code is bundled once into plain JavaScript with the
 * esbuild that tsx itself uses, and kept in the temp folder while its inputs are unchanged (a
 * manifest of their sizes and times). Without esbuild, threads fall back to tsx
 * (script-thread.node.mjs).
 *
 * @example
 * new Worker(scriptThreadEntry(), { workerData: init });
 */
export function scriptThreadEntry(): URL {
  try {
    return bundledEntry();
  } catch {
    return new URL('./script-thread.node.mjs', import.meta.url);
  }
}

interface Manifest {
  file: string;
  inputs: Record<string, string>;
}

let cached: URL | undefined;

function bundledEntry(): URL {
  if (cached) return cached;
  const entry = fileURLToPath(new URL('./script-thread.node-main.ts', import.meta.url));
  const dir = join(tmpdir(), 'flowdeck-script-thread');
  const manifestPath = join(dir, `${createHash('sha256').update(entry).digest('hex').slice(0, 16)}.json`);
  const fresh = readManifest(manifestPath);
  if (fresh) return (cached = pathToFileURL(fresh));

  // esbuild is tsx's own dependency: resolve it from tsx rather than depend on it a second time.
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild') as typeof Esbuild;
  const result = esbuild.buildSync({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    write: false, metafile: true, logLevel: 'silent',
    // the bundle lives in the temp folder: `require` of Node built-ins must still work there
    banner: { js: "import { createRequire as __flowdeckCreateRequire } from 'node:module'; const require = __flowdeckCreateRequire(import.meta.url);" },
  });
  const code = result.outputFiles[0].text;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  writeAtomically(file, code);
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = join(process.cwd(), input);
    inputs[path] = signature(path);
  }
  writeAtomically(manifestPath, JSON.stringify({ file, inputs } satisfies Manifest));
  return (cached = pathToFileURL(file));
}

/** The bundle the manifest names, when every input it was built from is unchanged. */
function readManifest(path: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    for (const [input, sig] of Object.entries(manifest.inputs)) {
      if (signature(input) !== sig) return undefined;
    }
    statSync(manifest.file);
    return manifest.file;
  } catch {
    return undefined;
  }
}

function signature(path: string): string {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
