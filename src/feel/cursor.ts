import type { TypeNode } from './ast';
import { FeelSyntaxError } from './errors';
import { tokenize, type Token } from './lexer';
import type { NameSet } from './names';

/** Token navigation, declared names and type expressions: what every FEEL parser needs. */
export class TokenCursor {
  protected readonly toks: Token[];
  protected pos = 0;

  constructor(
    protected readonly src: string,
    protected readonly names: NameSet,
  ) {
    this.toks = tokenize(src);
  }

  parseTypeSource(): TypeNode {
    const t = this.type();
    this.expectEnd();
    return t;
  }

  protected declaredName(stops: string[]): string {
    const start = this.pos;
    while (this.peek().type === 'name' || this.peek().type === 'num' || this.isOp("'")) {
      if (this.pos > start && stops.includes(this.peek().value)) break;
      this.pos++;
    }
    if (this.pos === start) throw this.error('expected a name');
    const name = this.text(start, this.pos - 1);
    this.names.add(name);
    return name;
  }


  // ---- types -------------------------------------------------------------------------------

  protected type(): TypeNode {
    const t = this.peek();
    if (t.type !== 'name') throw this.error('expected a type');
    if (this.peek(1).value === '<' && (t.value === 'list' || t.value === 'range' || t.value === 'context' || t.value === 'function')) {
      this.pos += 2;
      if (t.value === 'list' || t.value === 'range') {
        const of = this.type();
        this.expectOp('>');
        return { kind: t.value, of };
      }
      if (t.value === 'context') {
        const fields: [string, TypeNode][] = [];
        if (!this.isOp('>')) {
          do {
            const name = this.declaredName([]);
            this.expectOp(':');
            fields.push([name, this.type()]);
          } while (this.acceptOp(','));
        }
        this.expectOp('>');
        return { kind: 'context', fields };
      }
      const params: TypeNode[] = [];
      if (!this.isOp('>')) {
        do params.push(this.type());
        while (this.acceptOp(','));
      }
      this.expectOp('>');
      this.expectOp('->');
      return { kind: 'function', params, result: this.type() };
    }
    const known = this.names.match(this.src, this.toks, this.pos);
    if (known) {
      this.pos += known[1];
      return { kind: 'name', name: known[0] };
    }
    let name = this.next().value;
    while (this.isOp('.') && this.peek(1).type === 'name') {
      name += '.' + this.peek(1).value;
      this.pos += 2;
    }
    return { kind: 'name', name };
  }


  // ---- token helpers -----------------------------------------------------------------------

  protected peek(k = 0): Token {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)];
  }
  protected next(): Token {
    const t = this.toks[this.pos];
    if (t.type !== 'eof') this.pos++;
    return t;
  }
  protected isOp(v: string): boolean {
    const t = this.toks[this.pos];
    return t.type === 'op' && t.value === v;
  }
  protected isName(v: string): boolean {
    const t = this.toks[this.pos];
    return t.type === 'name' && t.value === v;
  }
  protected acceptOp(v: string): boolean {
    if (this.isOp(v)) {
      this.pos++;
      return true;
    }
    return false;
  }
  protected expectOp(v: string): void {
    if (!this.acceptOp(v)) throw this.error(`expected '${v}'`);
  }
  protected expectWord(v: string): void {
    if (!this.isName(v)) throw this.error(`expected '${v}'`);
    this.pos++;
  }
  protected expectEnd(): void {
    if (this.peek().type !== 'eof') throw this.error(`unexpected '${this.src.slice(this.peek().start, this.peek().end)}'`);
  }
  /** Source text of tokens a..b, whitespace normalised. */
  protected text(a: number, b: number): string {
    return this.src.slice(this.toks[a].start, this.toks[b].end).replace(/\s+/g, ' ');
  }
  protected error(msg: string, t: Token = this.peek()): FeelSyntaxError {
    const found = t.type === 'eof' ? 'end of input' : `'${this.src.slice(t.start, t.end)}'`;
    return FeelSyntaxError.at(`${msg}, found ${found}`, this.src, t.start);
  }
}
