/**
 * FEEL where people type it, pure: tokens for highlighting, syntax diagnostics with positions,
 * completion items (built-ins with their signatures, variables in scope with where they come
 * from, keywords) and hover text. An editor adapter (Monaco, the properties panel) maps these to
 * its own types; nothing here knows an editor.
 */
import { BUILTINS } from './builtins';
import { FeelSyntaxError } from './errors';
import { compileExpression, compileUnaryTests } from './index';
import { tokenize, type Token } from './lexer';
import type { FeelFunction } from './values';

export type FeelTokenClass = 'keyword' | 'builtin' | 'name' | 'number' | 'string' | 'operator' | 'invalid';

export interface FeelToken {
  readonly start: number;
  readonly end: number;
  readonly kind: FeelTokenClass;
}

export interface FeelDiagnostic {
  readonly message: string;
  /** 1-based, as editors count. */
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A variable the editor knows at this place, and where it comes from (for completion and hover). */
export interface ScopeVariable {
  readonly name: string;
  /** `start form field`, `input mapping of Task_1`, `result variable of Score`… */
  readonly source: string;
}

export interface FeelCompletion {
  readonly label: string;
  readonly kind: 'function' | 'variable' | 'keyword';
  /** A function's signature (`substring(string, start position, length?)`) or a variable's source. */
  readonly detail: string;
  readonly insertText: string;
  /**
   * A function's call with its required parameters as snippet placeholders
   * (`substring(${1:string}, ${2:start position})`), in the TextMate/LSP snippet syntax editors share.
   */
  readonly snippet?: string;
}

const KEYWORDS = ['if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'and', 'or', 'not', 'instance', 'of', 'function', 'between', 'null', 'true', 'false'];
const KEYWORD_SET = new Set(KEYWORDS);
// First words of built-in names (`string length` starts with `string`), to colour multi-word calls.
const BUILTIN_WORDS = new Set([...BUILTINS.keys()].flatMap((n) => n.split(' ')));

/** Tokens with their highlighting class; an unterminated string or stray character ends as `invalid`. */
export function feelTokens(source: string): FeelToken[] {
  let tokens: Token[];
  let invalidFrom: number | undefined;
  try {
    tokens = tokenize(source);
  } catch (e) {
    invalidFrom = e instanceof FeelSyntaxError ? e.offset : 0;
    tokens = safePrefix(source, invalidFrom);
  }
  const out: FeelToken[] = tokens.filter((t) => t.type !== 'eof').map((t) => ({ start: t.start, end: t.end, kind: classOf(t) }));
  if (invalidFrom !== undefined) out.push({ start: invalidFrom, end: source.length, kind: 'invalid' });
  return out;
}

function safePrefix(source: string, end: number): Token[] {
  try {
    return tokenize(source.slice(0, end));
  } catch {
    return [];
  }
}

function classOf(t: Token): FeelTokenClass {
  if (t.type === 'num') return 'number';
  if (t.type === 'str') return 'string';
  if (t.type === 'op') return 'operator';
  if (KEYWORD_SET.has(t.value)) return 'keyword';
  return BUILTIN_WORDS.has(t.value) ? 'builtin' : 'name';
}

/**
 * Syntax errors of an expression (or of unary tests, for decision-table input entries), with the
 * position where the parser stopped. A leading `=` (Zeebe's FEEL marker) is skipped, positions
 * staying those of the text given.
 */
export function feelDiagnostics(text: string, options: { names?: readonly string[]; unaryTests?: boolean } = {}): FeelDiagnostic[] {
  const marker = !options.unaryTests && /^\s*=/.exec(text);
  const skip = marker ? marker[0].length : 0;
  const source = marker ? ' '.repeat(skip) + text.slice(skip) : text;
  try {
    if (options.unaryTests) compileUnaryTests(source, { names: options.names });
    else compileExpression(source, { names: options.names });
    return [];
  } catch (e) {
    if (!(e instanceof FeelSyntaxError)) return [{ message: (e as Error).message, line: 1, column: 1, offset: 0 }];
    return [{ message: e.message.replace(/ \(line \d+, column \d+\)$/, ''), line: e.line, column: e.column, offset: e.offset }];
  }
}

/** The signature of a built-in as users read it: `substring(string, start position, length?)`. */
export function signatureOf(fn: FeelFunction): string {
  const one = (f: FeelFunction) => `${f.name}(${f.params.map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ')}${f.variadic ? '…' : ''})`;
  return [fn, ...fn.overloads].map(one).join(' | ');
}

/**
 * A built-in's call as a snippet: its required parameters as tab stops, then the cursor after the
 * closing parenthesis. Optional parameters are left out (most calls do without them; the signature
 * in `detail` names them); a variadic function gets one placeholder for its list.
 */
export function snippetOf(fn: FeelFunction): string {
  const escape = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);
  const required = fn.params.filter((p) => !p.optional);
  const params = required.map((p, i) => `\${${i + 1}:${escape(p.name)}}`);
  return `${escape(fn.name)}(${params.join(', ')})$0`;
}

/** Completions for the word being typed (`prefix`, maybe empty): variables first, then built-ins, then keywords. */
export function feelCompletions(prefix: string, variables: readonly ScopeVariable[] = []): FeelCompletion[] {
  const p = prefix.toLowerCase();
  const fits = (label: string) => label.toLowerCase().startsWith(p) || (p.length > 1 && label.toLowerCase().includes(p));
  const vars = variables.filter((v) => fits(v.name)).map((v): FeelCompletion => ({ label: v.name, kind: 'variable', detail: v.source, insertText: v.name }));
  const fns = [...BUILTINS.values()].filter((f) => fits(f.name)).map((f): FeelCompletion => ({ label: f.name, kind: 'function', detail: signatureOf(f), insertText: `${f.name}(`, snippet: snippetOf(f) }));
  const kws = KEYWORDS.filter((k) => p !== '' && k.startsWith(p)).map((k): FeelCompletion => ({ label: k, kind: 'keyword', detail: 'keyword', insertText: k }));
  return [...vars, ...fns.sort((a, b) => a.label.localeCompare(b.label)), ...kws];
}

/** Hover text at an offset: where a variable comes from, or a built-in's signature; undefined elsewhere. */
export function feelHover(source: string, offset: number, variables: readonly ScopeVariable[] = []): string | undefined {
  // Longest known name around the offset first: names have spaces (`Monthly Income`, `string length`).
  const known = [...variables.map((v) => ({ name: v.name, text: `${v.name}: ${v.source}` })), ...[...BUILTINS.values()].map((f) => ({ name: f.name, text: signatureOf(f) }))]
    .sort((a, b) => b.name.length - a.name.length);
  for (const k of known) {
    let at = source.indexOf(k.name);
    while (at >= 0) {
      const before = source[at - 1];
      const after = source[at + k.name.length];
      const whole = (before === undefined || !/[\p{L}\p{N}_]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}_]/u.test(after));
      if (whole && offset >= at && offset <= at + k.name.length) return k.text;
      at = source.indexOf(k.name, at + 1);
    }
  }
  return undefined;
}
