import { ValidationError } from './errors';

const MAX_NAME_LENGTH = 200;

/** Trims a user-given name and refuses empty or absurdly long ones. */
export function cleanName(raw: string, what: 'project' | 'file'): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name) throw new ValidationError(`A ${what} name cannot be empty`);
  if (name.length > MAX_NAME_LENGTH) throw new ValidationError(`A ${what} name is limited to ${MAX_NAME_LENGTH} characters`);
  if (/[\\/:*?"<>|]/.test(name) && what === 'file') {
    // The name becomes a file name on download; these characters are refused by common file systems.
    throw new ValidationError('A file name cannot contain \\ / : * ? " < > |');
  }
  return name;
}

/**
 * The first of `base`, `base (2)`, `base (3)`... that is not in `taken` (compared
 * case-insensitively, as file systems on Windows and macOS do).
 */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const lower = new Set(Array.from(taken, (t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Case-insensitive "contains" used by the workspace search. */
export function matchesQuery(name: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || name.toLowerCase().includes(q);
}
