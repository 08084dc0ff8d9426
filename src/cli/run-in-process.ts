import { join } from 'node:path';
import { main } from './main';

/** The repository root: specs run the CLI from there, as a user of a clone would. */
export const REPO_ROOT = join(import.meta.dirname, '../..');

/**
 * Runs the real CLI entry in-process (the path `bin.mjs` takes, minus the process boundary) and
 * collects what it printed. For specs: spawning Node, tsx and QuickJS per call takes seconds.
 *
 * @example
 * const r = await runInProcess('test', 'docs/examples', '--json');
 * r.code; // 0
 */
export async function runInProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd: REPO_ROOT });
  return { code, stdout, stderr };
}
