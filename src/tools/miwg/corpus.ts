/** The BPMN MIWG files beside the repository (`../shared/bpmn-miwg`), as the TCK runner finds its data. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface CorpusFile {
  /** Path relative to the corpus folder, e.g. `Vendors/Bonita BPM 7.2.3/A.1.0-export.bpmn`. */
  name: string;
  path: string;
}

/**
 * The corpus folder: `$BPMN_MIWG_DIR`, else `shared/bpmn-miwg` beside the repository (or beside
 * its parent, for a git worktree under a folder of its own). Throws, naming every place it
 * looked, when none exists.
 */
export function miwgDir(repoRoot: string): string {
  const candidates = process.env.BPMN_MIWG_DIR
    ? [resolve(process.env.BPMN_MIWG_DIR)]
    : [join(repoRoot, '..', 'shared', 'bpmn-miwg'), join(repoRoot, '..', '..', 'shared', 'bpmn-miwg')];
  const found = candidates.find((dir) => existsSync(join(dir, 'Reference')) && existsSync(join(dir, 'Vendors')));
  if (!found) {
    throw new Error(`The BPMN MIWG files were not found; looked for Reference/ and Vendors/ in ${candidates.join(' and ')}. Put the suite there or set BPMN_MIWG_DIR.`);
  }
  return found;
}

/** Every `.bpmn` file of `Reference/` and `Vendors/`, sorted by name. */
export function listCorpus(dir: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.toLowerCase().endsWith('.bpmn')) out.push({ name: relative(dir, path).split('\\').join('/'), path });
    }
  };
  walk(join(dir, 'Reference'));
  walk(join(dir, 'Vendors'));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
