import { describe, expect, it } from 'vitest';
import {
  compileExpression, conformsTo, createCallContext, Decimal, dateFromString, dateTimeFromString, decimalFromString,
  durationFromString, evaluate, FeelContext, FeelDate, feelEquals, FeelFunction, fromJson, invoke, makeFunction,
  parseType, timeFromString, toJson, toJsonExact, type FeelValue,
} from './index';

describe('FEEL public API', () => {
  it('given JSON variables, when evaluate() runs, then JSON comes back', () => {
    expect(evaluate('a + b', { a: 1, b: 2 })).toBe(3);
    expect(evaluate('{total: sum(xs), first: xs[1]}', { xs: [1, 2] })).toEqual({ total: 3, first: 1 });
    expect(evaluate('date("2024-01-02") + duration("P1D")')).toBe('2024-01-03');
    expect(evaluate('[1..3]')).toBe('[1..3]');
    expect(() => evaluate('1 +')).toThrow();
  });

  it('given JS values, when converted with fromJson/toJson, then they round-trip', () => {
    const v = fromJson({ n: 0.1, s: 'x', l: [1, true, null], o: { k: 2 } });
    expect(v).toBeInstanceOf(FeelContext);
    expect((v as FeelContext).entries.get('n')).toBeInstanceOf(Decimal);
    expect(toJson(v)).toEqual({ n: 0.1, s: 'x', l: [1, true, null], o: { k: 2 } });
    expect(toJsonExact(fromJson({ n: 0.1 }))).toEqual({ n: '0.1' });
  });

  it('given plain JS numbers in a Record scope, when read, then they are treated as FEEL numbers', () => {
    const e = compileExpression('amount > 100');
    expect(e.evaluate({ amount: 150 as unknown as FeelValue }).value).toBe(true);
  });

  it('given a Map of FEEL values and feelValues, when read, then values come back as they are, as without the option', () => {
    const xs: FeelValue[] = [new Decimal(1), new Decimal(2), 'a'];
    const scope = new Map<string, FeelValue>([['xs', xs], ['n', new Decimal(3)], ['nothing', null]]);
    const e = compileExpression('{l: xs, c: count(xs) + n, z: nothing = null, u: unknown}');
    const fast = e.evaluate(scope, { feelValues: true });
    const plain = e.evaluate(scope);
    expect(toJson(fast.value)).toEqual(toJson(plain.value));
    expect((fast.value as FeelContext).entries.get('l')).toBe(xs);
    expect(fast.warnings.map((w) => w.message)).toEqual(plain.warnings.map((w) => w.message));
    // The option is a promise about the values: a host number in such a map is not converted.
    const host = new Map([['n', 5 as unknown as FeelValue]]);
    expect(compileExpression('n').evaluate(host, { feelValues: true }).value).toBe(5);
    expect(compileExpression('n').evaluate(host).value).toEqual(new Decimal(5));
  });

  it('given short and long lists of host numbers, when read twice, then both reads convert them', () => {
    for (const length of [3, 40]) {
      const xs = Array.from({ length }, (_, i) => i) as unknown as FeelValue[];
      const e = compileExpression('sum(xs)');
      const want = new Decimal((length * (length - 1)) / 2);
      expect(e.evaluate({ xs }).value).toEqual(want);
      expect(e.evaluate({ xs }).value).toEqual(want);
    }
  });

  it('given host functions, when invoked from FEEL positionally or by name, then arguments arrive in order', () => {
    const fee = makeFunction(['amount', 'rate'], ([a, r]) => (a instanceof Decimal && r instanceof Decimal ? a.times(r) : null), 'fee');
    const e = compileExpression('fee(200, 0.1) + fee(rate: 0.5, amount: 10)');
    expect(String(e.evaluate({ fee }).value)).toBe('25');
  });

  it('given a FEEL lambda value, when the host invokes it, then it runs with its closure', () => {
    const f = compileExpression('{k: 3, f: function(x) x * k}.f').evaluate({}).value;
    expect(f).toBeInstanceOf(FeelFunction);
    const ctx = createCallContext();
    expect(String(invoke(f, [new Decimal(2)], ctx))).toBe('6');
    expect(String(invoke(f, new Map([['x', new Decimal(5)]]), ctx))).toBe('15');
    expect(invoke(f, [new Decimal(1), new Decimal(2)], ctx)).toBeNull();
    expect(ctx.warnings[0].message).toMatch(/expects at most 1 arguments/);
  });

  it('given typed parameters, when called with wrong types, then null results and singleton lists unwrap', () => {
    const f = compileExpression('function(x: number) x + 1').evaluate({}).value;
    const ctx = createCallContext();
    expect(invoke(f, ['a'], ctx)).toBeNull();
    expect(String(invoke(f, [[new Decimal(1)]], ctx))).toBe('2');
  });

  it('given FEEL types, when checking values, then instance-of semantics apply', () => {
    expect(conformsTo(new Decimal(1), parseType('number'))).toBe(true);
    expect(conformsTo('a', parseType('number'))).toBe(false);
    expect(conformsTo(null, parseType('Null'))).toBe(true);
    expect(conformsTo(null, parseType('number'))).toBe(false);
    expect(conformsTo([new Decimal(1)], parseType('list<number>'))).toBe(true);
    expect(conformsTo(fromJson({ a: 1, b: 'x' }), parseType('context<a: number>'))).toBe(true);
    expect(conformsTo(fromJson({ b: 'x' }), parseType('context<a: number>'))).toBe(false);
    expect(conformsTo(new Decimal(1), parseType('dateTime'))).toBe(false);
    expect(conformsTo(dateTimeFromString('2024-01-01T00:00:00'), parseType('dateTime'))).toBe(true);
    const tAge = parseType('number');
    expect(conformsTo(new Decimal(3), parseType('tAge'), (n) => (n === 'tAge' ? tAge : undefined))).toBe(true);
  });

  it('given instance of in FEEL, when evaluated, then it uses the same type rules', () => {
    const ev = (s: string) => compileExpression(s).evaluate({}).value;
    expect(ev('1 instance of number')).toBe(true);
    expect(ev('[1, 2] instance of list<number>')).toBe(true);
    expect(ev('[1, "a"] instance of list<number>')).toBe(false);
    expect(ev('{a: 1} instance of context<a: number>')).toBe(true);
    expect(ev('(function(x) x) instance of function<Any> -> Any')).toBe(true);
    expect(ev('(function(x, y) x) instance of function<Any> -> Any')).toBe(false);
    expect(ev('date("2024-01-01") instance of date and time')).toBe(false);
    expect(ev('@"P1D" instance of days and time duration')).toBe(true);
    expect(ev('null instance of Null')).toBe(true);
    expect(ev('1 instance of Any')).toBe(true);
  });

  it('given feelEquals, when comparing across kinds, then null signals incomparable', () => {
    expect(feelEquals(new Decimal(1), new Decimal('1.00'))).toBe(true);
    expect(feelEquals('1', new Decimal(1))).toBeNull();
    expect(feelEquals(null, null)).toBe(true);
  });

  it('given TCK text values, when converted, then typed FEEL values result', () => {
    expect(decimalFromString('12.50')?.toString()).toBe('12.5');
    expect(decimalFromString('abc')).toBeNull();
    expect(dateFromString('2024-01-31')).toBeInstanceOf(FeelDate);
    expect(timeFromString('10:00:00@Europe/Paris')?.zone).toBe('Europe/Paris');
    expect(durationFromString('P1Y')?.kind).toBe('years and months duration');
  });

  it('given no clock in the options, when now() runs, then null with a warning (the global Date is never read)', () => {
    const r = compileExpression('now()').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings[0].message).toMatch(/clock/);
  });

  it('given a clock returning a Date, when today() runs, then it uses that date in UTC', () => {
    const r = compileExpression('today()').evaluate({}, { now: () => new Date(Date.UTC(2030, 0, 5, 23, 0)) });
    expect(toJson(r.value)).toBe('2030-01-05');
  });
});

describe('FEEL type resolver for item definitions', () => {
  it('given a resolver, when instance of names an item definition, then its base type is checked', () => {
    const types = new Map([
      ['t255', parseType('number')],
      ['tPerson', parseType('context<name: string>')],
      ['tNumbers', parseType('list<number>')],
    ]);
    const ev = (s: string) => compileExpression(s, { types: (n) => types.get(n) }).evaluate({}).value;
    expect(ev('256 instance of t255')).toBe(true);
    expect(ev('"x" instance of t255')).toBe(false);
    expect(ev('{name: "Ada", age: 36} instance of tPerson')).toBe(true);
    expect(ev('[1, 2] instance of tNumbers')).toBe(true);
    expect(ev('[{name: "a"}] instance of list<tPerson>')).toBe(true);
    expect(ev('1 instance of tUnknown')).toBe(false);
  });
});

describe('FEEL typed lambda parameters', () => {
  it('given an item-definition parameter type without a resolver, when called, then the argument is not rejected', () => {
    expect(String(compileExpression('(function(x: tAmount) x * 2)(21)').evaluate({}).value)).toBe('42');
  });

  it('given a resolver for the parameter type, when called with a mismatch, then the call gives null', () => {
    const types = (n: string) => (n === 'tAmount' ? parseType('number') : undefined);
    const ok = compileExpression('(function(x: tAmount) x * 2)(21)', { types }).evaluate({});
    const bad = compileExpression('(function(x: tAmount) x * 2)("21")', { types }).evaluate({});
    expect(String(ok.value)).toBe('42');
    expect(bad.value).toBeNull();
    expect(bad.warnings[0].message).toMatch(/parameter 'x' expects tAmount, got string/);
  });
});

describe('FEEL host value conversion', () => {
  it('given a JS Date variable, when read, then it is a UTC date and time', () => {
    expect(toJson(fromJson(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))))).toBe('2024-01-02T03:04:05Z');
    expect(evaluate('d.hour', { d: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toBe(3);
  });

  it('given non-finite numbers, when converted, then they become null (FEEL has no NaN or infinity)', () => {
    expect(fromJson(Number.NaN)).toBeNull();
    expect(fromJson(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('FEEL values print as FEEL text', () => {
  it('given temporal, context and range values, when converted with String(), then FEEL text results', () => {
    const v = compileExpression('[date("2024-01-31"), {a: duration("P1D")}, [1..2]]').evaluate({}).value as FeelValue[];
    expect(v.map(String)).toEqual(['2024-01-31', '{a: P1D}', '[1..2]']);
  });
});

describe('FEEL paths into JSON variables', () => {
  it('given a large plain object variable, when a path reads one field, then only that field is converted', () => {
    const order = { total: 120, customer: { name: 'Ada' }, items: Array.from({ length: 1000 }, (_, i) => ({ sku: `s${i}` })) };
    const e = compileExpression('order.total > 100 and order.customer.name = "Ada" and order.missing = null');
    expect(e.evaluate({ order } as unknown as Record<string, FeelValue>).value).toBe(true);
    expect(compileExpression('count(order.items.sku)').evaluate({ order } as unknown as Record<string, FeelValue>).value?.toString()).toBe('1000');
  });
});
