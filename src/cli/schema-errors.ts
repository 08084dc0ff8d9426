import type { z } from 'zod';

/**
 * One readable line per zod issue, each starting with where it is (`steps[2].ttl`), so an error
 * names the field a user has to fix rather than zod's internal wording.
 *
 * @example
 * formatIssues(result.error.issues, 'steps[2]'); // ['steps[2].ttl: expected an ISO 8601 duration ...']
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], base = '', what?: string): string[] {
  return issues.map((issue) => {
    const where = pathText([...(base ? [base] : []), ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))]);
    const unknown = issue.code === 'unrecognized_keys' && what ? ` for ${what}` : '';
    return `${where ? `${where}: ` : ''}${messageOf(issue)}${unknown}`;
  });
}

/** `['steps', 2, 'ttl']` → `steps[2].ttl`. */
export function pathText(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  // A message the schema wrote itself says more than zod's generic one.
  if (issue.code === 'invalid_type' && !issue.message.startsWith('Invalid input')) return issue.message;
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    return `expected ${article(issue.expected)}${received ? `, got ${article(received)}` : ''}`;
  }
  return issue.message;
}

function article(type: string): string {
  const name = type === 'record' ? 'object' : type;
  if (name === 'undefined') return 'nothing (the field is required)';
  if (name === 'null') return 'null';
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}
