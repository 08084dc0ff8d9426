import type { ArchiveLimits } from './limits';

/**
 * Why `path` may not name a file inside an archive folder, or `null` when it may. A path is
 * relative, `/`-separated, with no empty, `.` or `..` segment, no drive letter, no backslash, no
 * control character and no character Windows forbids, so that unpacking it anywhere stays inside
 * the target folder.
 *
 * @example
 * pathProblem('../etc/passwd', limits); // 'leaves the archive folder (..)'
 * pathProblem('orders/order.bpmn', limits); // null
 */
export function pathProblem(path: string, limits: Pick<ArchiveLimits, 'maxPathLength'>): string | null {
  if (path.length === 0) return 'has an empty name';
  if (path.length > limits.maxPathLength) return `has a name of ${path.length} characters (at most ${limits.maxPathLength})`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'has a control character in its name';
  if (path.includes('\\')) return 'has a backslash in its name (zip paths use /; it could leave the folder on Windows)';
  if (path.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(path)) return 'is an absolute path (drive letter)';
  if (/[<>:"|?*]/.test(path)) return 'has a character in its name that Windows does not allow (< > : " | ? *)';
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '..') return 'leaves the archive folder (..)';
    if (segment === '.') return 'has a "." segment';
    if (segment === '') return 'has an empty path segment (//)';
    if (/[ .]$/.test(segment)) return 'has a segment ending in a space or a dot';
  }
  return null;
}

/** The form two names are compared in for duplicates: case-folded and NFC-normalised. */
export function foldedName(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
