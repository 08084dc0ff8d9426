import type { CompareOp, Iteration, Node, TypeNode } from './ast';
import { TokenCursor } from './cursor';
import { FeelSyntaxError } from './errors';
import type { Token } from './lexer';

export { BUILTIN_MULTIWORD_NAMES, NameSet } from './names';

// Words that end a name: a name followed by one of these is not joined with it.
const KEYWORDS = new Set([
  'and', 'or', 'in', 'instance', 'of', 'between', 'then', 'else', 'return', 'satisfies',
  'if', 'for', 'some', 'every', 'function', 'external', 'not', 'true', 'false', 'null',
]);

/**
 * How deeply brackets, `if`s, functions and unary minus may nest. Each level costs the parser about a
 * dozen stack frames: a hostile `((((…))))` must be a syntax error, not a stack overflow.
 */
export const MAX_NESTING = 200;

/** Recursive-descent FEEL parser (DMN 1.5 grammar, textual expressions and unary tests). */
export class Parser extends TokenCursor {
  private inRangeEnd = false;
  private depth = 0;

  parseExpressionSource(): Node {
    const e = this.expression();
    this.expectEnd();
    return e;
  }

  parseUnaryTestsSource(): Node[] | Node {
    if (this.isOp('-') && this.toks[this.pos + 1].type === 'eof') {
      this.pos++;
      return { t: 'any' };
    }
    if (this.isName('not') && this.peek(1).value === '(') {
      const save = this.pos;
      this.pos += 2;
      try {
        const tests = this.testList();
        this.expectOp(')');
        if (this.peek().type === 'eof') return { t: 'not', tests };
      } catch (e) {
        if (!(e instanceof FeelSyntaxError)) throw e;
      }
      this.pos = save;
    }
    const tests = this.testList();
    this.expectEnd();
    return tests;
  }

  // ---- expressions -------------------------------------------------------------------------

  private expression(): Node {
    this.enter();
    try {
      return this.expressionAt();
    } finally {
      this.depth--;
    }
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      this.depth--;
      throw this.error(`expression nested deeper than ${MAX_NESTING} levels`);
    }
  }

  private expressionAt(): Node {
    const t = this.peek();
    if (t.type === 'name') {
      switch (t.value) {
        case 'if':
          return this.ifExpr();
        case 'for':
          return this.forExpr();
        case 'some':
        case 'every':
          if (this.peek(1).type === 'name' && !this.names.match(this.src, this.toks, this.pos)) return this.quantified();
          break;
        case 'function':
          if (this.peek(1).value === '(') return this.functionDef();
      }
    }
    return this.disjunction();
  }

  private ifExpr(): Node {
    this.pos++;
    const c = this.expression();
    this.expectWord('then');
    const a = this.expression();
    this.expectWord('else');
    const b = this.expression();
    return { t: 'if', c, a, b };
  }

  private iterations(): Iteration[] {
    const iters: Iteration[] = [];
    do {
      const name = this.declaredName(['in']);
      this.expectWord('in');
      const from = this.expression();
      if (this.isOp('..')) {
        this.pos++;
        iters.push({ name, from, to: this.expression() });
      } else iters.push({ name, from });
    } while (this.acceptOp(','));
    return iters;
  }

  private forExpr(): Node {
    this.pos++;
    const iters = this.iterations();
    this.expectWord('return');
    return { t: 'for', iters, body: this.expression() };
  }

  private quantified(): Node {
    const every = this.next().value === 'every';
    const iters = this.iterations();
    this.expectWord('satisfies');
    return { t: 'quant', every, iters, cond: this.expression() };
  }

  private functionDef(): Node {
    this.pos += 2;
    const params: { name: string; type: TypeNode | null }[] = [];
    if (!this.acceptOp(')')) {
      do {
        const name = this.declaredName([]);
        const type = this.acceptOp(':') ? this.type() : null;
        params.push({ name, type });
      } while (this.acceptOp(','));
      this.expectOp(')');
    }
    const external = this.isName('external');
    if (external) this.pos++;
    return { t: 'fn', params, body: this.expression(), external };
  }

  private disjunction(): Node {
    let l = this.conjunction();
    while (this.isName('or')) {
      this.pos++;
      l = { t: 'or', l, r: this.conjunction() };
    }
    return l;
  }

  private conjunction(): Node {
    let l = this.comparison();
    while (this.isName('and')) {
      this.pos++;
      l = { t: 'and', l, r: this.comparison() };
    }
    return l;
  }

  private comparison(): Node {
    let l = this.additive();
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && (t.value === '=' || t.value === '!=' || t.value === '<' || t.value === '<=' || t.value === '>' || t.value === '>=')) {
        this.pos++;
        l = { t: 'cmp', op: t.value as CompareOp, l, r: this.additive() };
      } else if (this.isName('between')) {
        this.pos++;
        const lo = this.additive();
        this.expectWord('and');
        l = { t: 'between', e: l, lo, hi: this.additive() };
      } else if (this.isName('in')) {
        this.pos++;
        l = { t: 'in', e: l, tests: this.inTests() };
      } else if (this.isName('instance') && this.peek(1).value === 'of') {
        this.pos += 2;
        l = { t: 'inst', e: l, type: this.type() };
      } else return l;
    }
  }

  private inTests(): Node[] {
    if (this.isOp('(')) {
      const save = this.pos;
      this.pos++;
      try {
        const tests = this.testList();
        this.expectOp(')');
        return tests;
      } catch (e) {
        if (!(e instanceof FeelSyntaxError)) throw e;
        this.pos = save;
      }
    }
    // Unparenthesised, the test binds tighter than and/or: `x in [1..5] and y` is `(x in ...) and y`.
    const t = this.peek();
    if (t.type === 'op' && (t.value === '=' || t.value === '!=')) return [this.positiveUnaryTest()];
    return [this.additive()];
  }

  private testList(): Node[] {
    const tests = [this.positiveUnaryTest()];
    while (this.acceptOp(',')) tests.push(this.positiveUnaryTest());
    return tests;
  }

  private positiveUnaryTest(): Node {
    const t = this.peek();
    if (t.type === 'op' && (t.value === '=' || t.value === '!=')) {
      this.pos++;
      return { t: 'ut', op: t.value, e: this.additive() };
    }
    return this.expression();
  }

  private additive(): Node {
    let l = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && (t.value === '+' || t.value === '-')) {
        this.pos++;
        l = { t: 'arith', op: t.value, l, r: this.multiplicative() };
      } else return l;
    }
  }

  private multiplicative(): Node {
    let l = this.power();
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && (t.value === '*' || t.value === '/')) {
        this.pos++;
        l = { t: 'arith', op: t.value, l, r: this.power() };
      } else return l;
    }
  }

  private power(): Node {
    let l = this.unary();
    while (this.isOp('**')) {
      this.pos++;
      l = { t: 'arith', op: '**', l, r: this.unary() };
    }
    return l;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.pos++;
      this.enter();
      try {
        return { t: 'neg', e: this.unary() };
      } finally {
        this.depth--;
      }
    }
    return this.postfix();
  }

  private postfix(): Node {
    let e = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.pos++;
        e = { t: 'path', e, name: this.propertyName() };
      } else if (this.isOp('[') && !this.inRangeEnd) {
        this.pos++;
        const f = this.nested(() => this.expression());
        this.expectOp(']');
        e = { t: 'filter', e, f };
      } else if (this.isOp('(')) {
        this.pos++;
        e = this.nested(() => this.callArgs(e));
      } else return e;
    }
  }

  private callArgs(f: Node): Node {
    const args: Node[] = [];
    let named: [string, Node][] | null = null;
    if (this.acceptOp(')')) return { t: 'call', f, args, named };
    do {
      const colon = this.namedArgColon();
      if (colon >= 0) {
        const name = this.text(this.pos, colon - 1);
        this.pos = colon + 1;
        (named ??= []).push([name, this.expression()]);
      } else {
        if (named) throw this.error('positional argument after named arguments');
        args.push(this.expression());
      }
    } while (this.acceptOp(','));
    this.expectOp(')');
    return { t: 'call', f, args, named };
  }

  /** Index of the ':' if the tokens at pos are `name words :`, else -1. */
  private namedArgColon(): number {
    let i = this.pos;
    while (this.toks[i].type === 'name' || this.toks[i].type === 'num' || (this.toks[i].type === 'op' && ["'", '.', '/', '-', '+', '*'].includes(this.toks[i].value) && i > this.pos)) i++;
    return i > this.pos && this.toks[i].value === ':' && this.toks[i].type === 'op' ? i : -1;
  }

  private primary(): Node {
    const t = this.peek();
    switch (t.type) {
      case 'num':
        this.pos++;
        return { t: 'num', v: t.value };
      case 'str':
        this.pos++;
        return { t: 'str', v: t.value };
      case 'name':
        return this.namePrimary(t);
      case 'op':
        break;
      default:
        throw this.error('unexpected end of expression');
    }
    switch (t.value) {
      case '@': {
        this.pos++;
        const s = this.next();
        if (s.type !== 'str') throw this.error('expected a string after @', s);
        return { t: 'at', v: s.value, pos: t.start };
      }
      case '(': {
        this.pos++;
        const e = this.nested(() => this.expression());
        if (this.acceptOp('..')) return this.rangeRest(e, false);
        this.expectOp(')');
        return e;
      }
      case '[': {
        this.pos++;
        if (this.acceptOp(']')) return { t: 'list', items: [] };
        const first = this.nested(() => this.expression());
        if (this.acceptOp('..')) return this.rangeRest(first, true);
        const items = [first];
        while (this.acceptOp(',')) items.push(this.nested(() => this.expression()));
        this.expectOp(']');
        return { t: 'list', items };
      }
      case ']': {
        this.pos++;
        const lo = this.expression();
        this.expectOp('..');
        return this.rangeRest(lo, false);
      }
      case '{':
        return this.context();
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '=':
      case '!=':
        this.pos++;
        return { t: 'ut', op: t.value, e: this.additive() };
    }
    throw this.error(`unexpected '${t.value}'`);
  }

  private rangeRest(lo: Node, loIn: boolean): Node {
    // In `[1..10[` the closing `[` is not a filter on 10.
    const saved = this.inRangeEnd;
    this.inRangeEnd = true;
    const hi = this.expression();
    this.inRangeEnd = saved;
    const close = this.next();
    if (close.type !== 'op' || (close.value !== ']' && close.value !== ')' && close.value !== '[')) throw this.error('expected ], ) or [ to close the range', close);
    return { t: 'range', lo, hi, loIn, hiIn: close.value === ']' };
  }

  private context(): Node {
    this.pos++;
    const entries: [string, Node][] = [];
    if (this.acceptOp('}')) return { t: 'ctx', entries };
    do {
      const k = this.peek();
      let key: string;
      if (k.type === 'str') {
        this.pos++;
        key = k.value;
      } else {
        const start = this.pos;
        while (this.peek().type !== 'eof' && !this.isOp(':')) this.pos++;
        if (this.pos === start) throw this.error('expected a context key');
        key = this.text(start, this.pos - 1);
      }
      this.names.add(key);
      this.expectOp(':');
      entries.push([key, this.expression()]);
    } while (this.acceptOp(','));
    this.expectOp('}');
    return { t: 'ctx', entries };
  }

  private namePrimary(t: Token): Node {
    switch (t.value) {
      case 'true':
      case 'false':
        this.pos++;
        return { t: 'bool', v: t.value === 'true' };
      case 'null':
        this.pos++;
        return { t: 'null' };
      case 'if':
      case 'for':
      case 'some':
      case 'every':
      case 'function':
        if (!this.names.match(this.src, this.toks, this.pos)) return this.expression();
    }
    return { t: 'name', name: this.referencedName() };
  }

  /** A variable reference: the longest known name, else consecutive words joined (`Monthly Salary`). */
  private referencedName(): string {
    const known = this.names.match(this.src, this.toks, this.pos);
    let name: string;
    if (known) {
      name = known[0];
      this.pos += known[1];
    } else {
      name = this.next().value;
    }
    // Juxtaposed words are never valid FEEL, so `Order Total` and `Loan 1` can only be one name.
    while ((this.peek().type === 'name' && !KEYWORDS.has(this.peek().value)) || (this.peek().type === 'num' && /^\d+$/.test(this.peek().value))) {
      const more = this.names.match(this.src, this.toks, this.pos);
      if (more) {
        name += ' ' + more[0];
        this.pos += more[1];
      } else name += ' ' + this.next().value;
    }
    return name;
  }

  /** A name after `.`: a known (multi-word) name or one word. */
  private propertyName(): string {
    const t = this.peek();
    if (t.type !== 'name' && t.type !== 'str') throw this.error('expected a name after .');
    if (t.type === 'str') {
      this.pos++;
      return t.value;
    }
    const known = this.names.match(this.src, this.toks, this.pos);
    if (known) {
      this.pos += known[1];
      return known[0];
    }
    return this.referencedName();
  }

  /** A name being declared (iteration variable, parameter): words up to a stop word or symbol. */

  /** Parses inside brackets, where the range-end restriction no longer applies. */
  private nested<T>(f: () => T): T {
    const saved = this.inRangeEnd;
    this.inRangeEnd = false;
    try {
      return f();
    } finally {
      this.inRangeEnd = saved;
    }
  }
}
