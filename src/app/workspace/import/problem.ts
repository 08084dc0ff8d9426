/** Why a file was refused, with a 1-based position when the parser gave one. */
export interface FileProblem {
  message: string;
  line?: number;
  column?: number;
}

/**
 * moddle reports positions inside the message text, 0-based ("line: 0\n\tcolumn: 12\n\tnested
 * error: unclosed tag"); this turns one into a short message and a 1-based position.
 */
export function problemFromModdle(raw: string): FileProblem {
  const line = /\bline:\s*(\d+)/.exec(raw)?.[1];
  const column = /\bcolumn:\s*(\d+)/.exec(raw)?.[1];
  const nested = /nested error:\s*(.+)/.exec(raw)?.[1]?.trim();
  const head = raw.split('\n')[0].trim();
  return {
    message: nested ? `${head}: ${nested}` : head,
    ...(line !== undefined ? { line: Number(line) + 1 } : {}),
    ...(column !== undefined ? { column: Number(column) + 1 } : {}),
  };
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** "line 4, column 3: unclosed tag" or just the message. */
export function formatProblem(problem: FileProblem): string {
  if (problem.line === undefined) return problem.message;
  return `line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}: ${problem.message}`;
}
