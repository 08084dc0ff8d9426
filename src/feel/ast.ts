/** The FEEL syntax tree produced by the parser and consumed by the compiler. */

export type TypeNode =
  | { kind: 'name'; name: string }
  | { kind: 'list'; of: TypeNode }
  | { kind: 'range'; of: TypeNode }
  | { kind: 'context'; fields: [string, TypeNode][] }
  | { kind: 'function'; params: TypeNode[]; result: TypeNode };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '**';

export interface Iteration {
  name: string;
  from: Node;
  /** Set for `i in 1..n` iterations. */
  to?: Node;
}

export type Node =
  | { t: 'num'; v: string }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'at'; v: string; pos: number }
  | { t: 'name'; name: string }
  | { t: 'arith'; op: ArithOp; l: Node; r: Node }
  | { t: 'cmp'; op: CompareOp; l: Node; r: Node }
  | { t: 'and'; l: Node; r: Node }
  | { t: 'or'; l: Node; r: Node }
  | { t: 'neg'; e: Node }
  | { t: 'between'; e: Node; lo: Node; hi: Node }
  | { t: 'in'; e: Node; tests: Node[] }
  | { t: 'inst'; e: Node; type: TypeNode }
  | { t: 'path'; e: Node; name: string }
  | { t: 'filter'; e: Node; f: Node }
  | { t: 'call'; f: Node; args: Node[]; named: [string, Node][] | null }
  | { t: 'if'; c: Node; a: Node; b: Node }
  | { t: 'for'; iters: Iteration[]; body: Node }
  | { t: 'quant'; every: boolean; iters: Iteration[]; cond: Node }
  | { t: 'list'; items: Node[] }
  | { t: 'ctx'; entries: [string, Node][] }
  | { t: 'range'; lo: Node | null; hi: Node | null; loIn: boolean; hiIn: boolean }
  | { t: 'ut'; op: CompareOp; e: Node }
  | { t: 'fn'; params: { name: string; type: TypeNode | null }[]; body: Node; external: boolean }
  | { t: 'not'; tests: Node[] }
  | { t: 'any' };
