/**
 * The pure half of the Monaco FEEL language: `src/feel/editing` results turned into the plain
 * shapes Monaco takes (line tokens, markers, completion items, hover), with no Monaco import, so
 * that Node tests cover them. `monaco-feel.ts` hands these to Monaco.
 *
 * @example
 * ```ts
 * monaco.editor.setModelMarkers(model, 'feel', feelMarkers(model.getValue()).map((m) => ({ ...m, severity: 8 })));
 * ```
 */
import { feelCompletions, feelDiagnostics, feelHover, feelTokens, type FeelCompletion, type FeelTokenClass, type ScopeVariable } from '../../feel/editing';

/** Monaco's standard token classes, which every built-in theme colours. */
const SCOPES: Record<FeelTokenClass, string> = {
  keyword: 'keyword',
  builtin: 'predefined',
  name: 'identifier',
  number: 'number',
  string: 'string',
  operator: 'delimiter',
  invalid: 'invalid',
};

export interface LineToken {
  /** 0-based index in the line where the token starts; it runs to the next token's start. */
  readonly startIndex: number;
  readonly scopes: string;
}

/**
 * Tokens of one line for Monaco's `TokensProvider`, gaps (spaces, comments) as `''`. Monaco
 * tokenizes line by line, so a string or block comment spanning lines colours as invalid on its
 * first line; FEEL in the studio is short and rarely does that.
 */
export function feelLineTokens(line: string): LineToken[] {
  const out: LineToken[] = [];
  let at = 0;
  for (const t of feelTokens(line)) {
    if (t.start > at) out.push({ startIndex: at, scopes: /^\s*\/[/*]/.test(line.slice(at, t.start)) ? 'comment' : '' });
    out.push({ startIndex: t.start, scopes: SCOPES[t.kind] });
    at = t.end;
  }
  if (at < line.length) out.push({ startIndex: at, scopes: /^\s*\/[/*]/.test(line.slice(at)) ? 'comment' : '' });
  return out;
}

/** A marker as `IMarkerData` wants it, without the severity (Monaco's enum is added by the caller). */
export interface FeelMarker {
  readonly message: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/**
 * Syntax errors as markers at the parser's position. The marker covers the word where the parser
 * stopped; at the end of the text (a missing `then`, an open bracket) it covers the last character,
 * since a zero-width marker is invisible.
 */
export function feelMarkers(text: string, options: { names?: readonly string[]; unaryTests?: boolean } = {}): FeelMarker[] {
  return feelDiagnostics(text, options).map((d) => {
    const lines = text.split('\n');
    const lineText = lines[d.line - 1] ?? '';
    let start = Math.min(d.column, lineText.length + 1);
    const word = /^[\p{L}\p{N}_]+|^\S/u.exec(lineText.slice(start - 1));
    let end = start + (word ? word[0].length : 0);
    if (end === start) {
      start = Math.max(1, start - 1);
      end = start + 1;
    }
    return { message: d.message, startLineNumber: d.line, startColumn: start, endLineNumber: d.line, endColumn: end };
  });
}

/** A completion as Monaco's `CompletionItem` wants it; `kind` is mapped to Monaco's enum by the caller. */
export interface FeelSuggestion {
  readonly label: string;
  readonly kind: FeelCompletion['kind'];
  readonly detail: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** True when `insertText` is a snippet (built-ins with their parameters as tab stops). */
  readonly snippet: boolean;
  /** Variables first, then functions, then keywords, in `feelCompletions`' order. */
  readonly sortText: string;
  /** Characters before the cursor the suggestion replaces (its typed part, spaces included). */
  readonly replace: number;
}

/**
 * Completions at the cursor. `linePrefix` is the line up to the cursor; `word` the word Monaco
 * found there (one word: it splits at spaces). FEEL names have spaces (`Monthly Income`,
 * `string length`), so each suggestion says how many characters before the cursor it replaces:
 * the longest typed part of its name (`Monthly In`), not only the last word, else accepting it
 * would write `Monthly Monthly Income`.
 */
export function feelSuggestions(word: string, variables: readonly ScopeVariable[] = [], linePrefix: string = word): FeelSuggestion[] {
  return feelCompletions(word, variables).map((c, i) => ({
    label: c.label,
    kind: c.kind,
    detail: c.detail,
    ...(c.kind === 'variable' ? { documentation: `${c.label}: ${c.detail}` } : {}),
    insertText: c.snippet ?? c.insertText,
    snippet: c.snippet !== undefined,
    sortText: String(i).padStart(4, '0'),
    replace: typedLength(linePrefix, c.label, word.length),
  }));
}

/** Length of the longest end of `linePrefix` that starts a word and begins `name` (case-insensitive). */
function typedLength(linePrefix: string, name: string, fallback: number): number {
  const lower = name.toLowerCase();
  for (let start = Math.max(0, linePrefix.length - name.length); start < linePrefix.length; start++) {
    if (start > 0 && /[\p{L}\p{N}_]/u.test(linePrefix[start - 1]!)) continue;
    if (lower.startsWith(linePrefix.slice(start).toLowerCase())) return linePrefix.length - start;
  }
  return fallback;
}

/** Hover text at a 1-based line and column, or undefined. */
export function feelHoverAt(text: string, line: number, column: number, variables: readonly ScopeVariable[] = []): string | undefined {
  const lines = text.split('\n');
  let offset = column - 1;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  return feelHover(text, offset, variables);
}
