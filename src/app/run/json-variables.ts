/** What the variables editor holds: a JSON object, or why the text is not one. */
export type ParsedVariables = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/**
 * Parses the text of a variables editor. Empty text is `{}`; anything else must be a JSON object,
 * and a syntax error names its line and column (JSON.parse only gives a character position).
 *
 * @example
 * parseVariables('{"amount": 3}') // { ok: true, value: { amount: 3 } }
 * parseVariables('[1]')           // { ok: false, message: 'Variables must be a JSON object, not an array' }
 */
export function parseVariables(text: string): ParsedVariables {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    if (!at) return { ok: false, message: `Not JSON: ${message}` };
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { ok: false, message: `Not JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, message: `Variables must be a JSON object, not ${what}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
