/**
 * Turns the errors and warnings of bpmn-moddle / bpmn-js `importXML` into messages with 1-based
 * line and column numbers (moddle reports them 0-based inside the message text).
 *
 * @example
 * ```ts
 * try { await modeler.importXML(text); } catch (e) { const p = toXmlProblem(e); show(`line ${p.line}: ${p.message}`); }
 * ```
 */
export interface XmlProblem {
  message: string;
  /** 1-based; absent when the parser gave no position. */
  line?: number;
  column?: number;
}

export function toXmlProblem(error: unknown): XmlProblem {
  const raw = error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  const line = /\bline:\s*(\d+)/.exec(raw)?.[1];
  const column = /\bcolumn:\s*(\d+)/.exec(raw)?.[1];
  const nested = /nested error:\s*(.+)/.exec(raw)?.[1];
  const head = raw.split('\n')[0].replace(/; this may indicate.*$/, '').trim();
  const message = nested ? `${head}: ${nested.trim()}` : head;
  return {
    message,
    ...(line !== undefined ? { line: Number(line) + 1 } : {}),
    ...(column !== undefined ? { column: Number(column) + 1 } : {}),
  };
}

/** "line 4, column 3: unparsable content …" */
export function formatXmlProblem(problem: XmlProblem): string {
  if (problem.line === undefined) return problem.message;
  return `line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}: ${problem.message}`;
}
