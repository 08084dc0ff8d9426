/**
 * Thrown by `compileExpression` / `compileUnaryTests` when the source is not valid FEEL.
 * `line` and `column` are 1-based; `offset` is the 0-based index into the source.
 */
export class FeelSyntaxError extends Error {
  override readonly name = 'FeelSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly offset: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }

  static at(message: string, source: string, offset: number): FeelSyntaxError {
    let line = 1;
    let col = 1;
    for (let i = 0; i < offset && i < source.length; i++) {
      if (source[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    return new FeelSyntaxError(message, line, col, offset);
  }
}
