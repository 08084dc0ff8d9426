import { FeelSyntaxError } from './errors';

export type TokenType = 'num' | 'str' | 'name' | 'op' | 'eof';

/** A lexical token. `start`/`end` index the source; `value` is the decoded text (strings unescaped). */
export interface Token {
  readonly type: TokenType;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

// Longest first so that `**` wins over `*` and `..` over `.`.
const OPERATORS = ['**', '..', '<=', '>=', '!=', '->', '+', '-', '*', '/', '=', '<', '>', '(', ')', '[', ']', '{', '}', ',', '.', ':', '@'];

const NAME_START = /[\p{L}_$?\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/u;
const NAME_PART = /[\p{L}\p{N}\p{M}_$?\u00B7\u203F-\u2040]/u;

function isNameStart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c === 63;
  return NAME_START.test(ch) || (ch.codePointAt(0) ?? 0) > 0xffff;
}
function isNamePart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || isNameStart(ch);
  return NAME_PART.test(ch) || isNameStart(ch);
}

/** Splits FEEL source into tokens. Comments (`//`, `/* *\/`) and whitespace are skipped. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i];
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || (ch > '~' && /\s/.test(ch))) {
      i++;
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw FeelSyntaxError.at('unterminated comment', src, i);
      i = close + 2;
      continue;
    }
    if (ch >= '0' && ch <= '9' || (ch === '.' && src[i + 1] >= '0' && src[i + 1] <= '9')) {
      const start = i;
      while (i < n && src[i] >= '0' && src[i] <= '9') i++;
      if (src[i] === '.' && src[i + 1] !== '.' && src[i + 1] >= '0' && src[i + 1] <= '9') {
        i++;
        while (i < n && src[i] >= '0' && src[i] <= '9') i++;
      }
      if ((src[i] === 'e' || src[i] === 'E') && /[0-9]/.test(src[i + 1] === '-' || src[i + 1] === '+' ? (src[i + 2] ?? '') : (src[i + 1] ?? ''))) {
        i += src[i + 1] === '-' || src[i + 1] === '+' ? 2 : 1;
        while (i < n && src[i] >= '0' && src[i] <= '9') i++;
      }
      out.push({ type: 'num', value: src.slice(start, i), start, end: i });
      continue;
    }
    if (ch === '"') {
      const start = i;
      i++;
      let s = '';
      for (;;) {
        if (i >= n) throw FeelSyntaxError.at('unterminated string', src, start);
        const c = src[i];
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\') {
          const e = src[i + 1];
          if (e === 'u') {
            const hex = src.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw FeelSyntaxError.at('bad \\u escape', src, i);
            s += String.fromCharCode(parseInt(hex, 16));
            i += 6;
          } else if (e === 'U') {
            const hex = src.slice(i + 2, i + 8);
            if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw FeelSyntaxError.at('bad \\U escape', src, i);
            s += String.fromCodePoint(parseInt(hex, 16));
            i += 8;
          } else {
            const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\', b: '\b', f: '\f' };
            if (e === undefined) throw FeelSyntaxError.at('unterminated string', src, start);
            // Unknown escapes stay as written, so regex text like "\\s+" survives.
            s += e in map ? map[e] : '\\' + e;
            i += 2;
          }
          continue;
        }
        s += c;
        i++;
      }
      out.push({ type: 'str', value: s, start, end: i });
      continue;
    }
    const cp = src.codePointAt(i) ?? 0;
    const chr = String.fromCodePoint(cp);
    if (isNameStart(chr)) {
      const start = i;
      i += chr.length;
      while (i < n) {
        const c = String.fromCodePoint(src.codePointAt(i) ?? 0);
        if (!isNamePart(c)) break;
        i += c.length;
      }
      out.push({ type: 'name', value: src.slice(start, i), start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ type: 'op', value: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    // Characters that may appear only inside known names (`'` as in "Applicant's age").
    if (ch === "'") {
      out.push({ type: 'op', value: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    throw FeelSyntaxError.at(`unexpected character '${chr}'`, src, i);
  }
  out.push({ type: 'eof', value: '', start: n, end: n });
  return out;
}
