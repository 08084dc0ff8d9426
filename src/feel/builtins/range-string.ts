import { compileNode } from '../compile';
import { FeelSyntaxError } from '../errors';
import { feelCompare } from '../ops';
import { NameSet, Parser } from '../parser';
import { Scope } from '../scope';
import { FeelRange, type FeelFunction } from '../values';
import { def, fail, str } from './define';
import type { Node } from '../ast';

/** Endpoints of `range("...")` must be literals: numbers, strings, @-literals or temporal constructors. */
function isLiteral(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.t) {
    case 'num': case 'str': case 'at': case 'null':
      return true;
    case 'neg':
      return n.e.t === 'num';
    case 'call':
      return n.f.t === 'name' && ['date', 'time', 'date and time', 'duration'].includes(n.f.name) && n.args.every((a) => a.t === 'str');
    default:
      return false;
  }
}

export const RANGE_FROM_STRING: FeelFunction = def('range', ['from'], ([v], c) => {
  const s = str(v, c, 'range', 'from');
  if (s === null) return null;
  let node: Node;
  try {
    node = new Parser(s, new NameSet()).parseExpressionSource();
  } catch (e) {
    if (e instanceof FeelSyntaxError) return fail(c, `range(): '${s}' is not a range`);
    throw e;
  }
  // Only interval syntax: a unary comparison such as ">=10" is not a literal range string.
  const ok = node.t === 'range' && isLiteral(node.lo) && isLiteral(node.hi);
  if (!ok) return fail(c, `range(): '${s}' is not a range of literals`);
  const r = compileNode(node)(new Scope(null, null), c);
  if (!(r instanceof FeelRange)) return fail(c, `range(): '${s}' is not a valid range`);
  if (r.start === null && r.end === null) return fail(c, 'range(): both endpoints are null');
  if (r.start !== null && r.end !== null) {
    const k = feelCompare(r.start, r.end);
    if (k === null || k > 0) return fail(c, 'range(): endpoints are not in ascending order');
  }
  return r;
});
