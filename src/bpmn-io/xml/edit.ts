/** One replacement of `[start, end)` in the original text by `text` (insertions have start = end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits made against one original text. Edits may not overlap; insertions at the same
 * offset keep the order they were given in.
 *
 * @example
 * applyEdits('<a id="1 2"/>', [{ start: 7, end: 10, text: '_1_2' }]); // '<a id="_1_2"/>'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
