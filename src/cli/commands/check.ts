import { resolve } from 'node:path';
import { ArchiveError, validateArchiveModels } from '../../archive';
import type { CheckArgs } from '../archive-args';
import { EXIT, type ExitCode } from '../errors';
import type { CliIo } from '../io';
import { readArchiveFile } from '../project-folder';

/**
 * `flowdeck check <archive> [--json]`: validates only (the archive's structure and hashes, then
 * every model and reference) and prints each reason it is refused. Exit 0 sound, 1 refused,
 * 3 unreadable.
 */
export async function checkCommand(args: CheckArgs, io: CliIo): Promise<ExitCode> {
  let problems: Array<{ entry: string | null; elementId?: string; code: string; reason: string }>;
  let summary = '';
  try {
    const contents = await readArchiveFile(resolve(io.cwd, args.archive));
    problems = (await validateArchiveModels(contents)).map((p) => ({ entry: p.path, elementId: p.elementId, code: 'model', reason: p.message }));
    const kinds = new Map<string, number>();
    for (const f of contents.files) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    const data = Object.keys(contents.data).length > 0 ? `, engine data (${Object.keys(contents.data).join(', ')})` : '';
    summary = `"${contents.manifest.project}" (format version ${contents.manifest.formatVersion}): ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'no files'}${data}`;
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    problems = [{ entry: error.entry, code: error.code, reason: error.reason }];
  }
  if (args.json) io.stdout(`${JSON.stringify({ ok: problems.length === 0, problems })}\n`);
  else if (problems.length === 0) io.stdout(`ok: ${args.archive}: ${summary}\n`);
  else {
    io.stderr(`${args.archive} is refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`);
    for (const p of problems) io.stderr(`  ${p.entry ?? '(archive)'}${p.elementId ? ` ${p.elementId}` : ''}: ${p.reason} [${p.code}]\n`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.failed;
}
