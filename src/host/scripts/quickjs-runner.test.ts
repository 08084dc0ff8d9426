import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptRequest } from '../../engine/ports';
import type { QuickJsScriptRunner } from './quickjs-runner';
import { RUNNERS } from './test-support/runners';
import { START_TIMEOUT_MS } from './test-support/timeouts';

const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);

function request(source: string, overrides: Partial<ScriptRequest> = {}): ScriptRequest {
  return {
    elementId: 'Calc',
    processInstanceId: 'pi-1',
    language: 'javascript',
    source,
    variables: { a: 1, b: 2, order: { items: [{ price: 5 }, { price: 7 }] } },
    now: NOW,
    randomSeed: 42,
    timeoutMs: 1000,
    memoryLimitBytes: 8 * 1024 * 1024,
    ...overrides,
  };
}

// The same behaviour from both runners: scripts in a script thread (the default in Node and in the
// engine's Worker) and in the caller's thread (the fallback without SharedArrayBuffer).
describe.each(RUNNERS)('QuickJS script runner (%s)', (_name, create) => {
  let runner: QuickJsScriptRunner;
  const logs: { level: string; message: string }[] = [];

  beforeAll(async () => {
    runner = await create({ logger: { debug: (message) => logs.push({ level: 'debug', message }), warn: (message) => logs.push({ level: 'warn', message }) } });
  }, START_TIMEOUT_MS);
  afterAll(() => runner.dispose());

  describe('script API', () => {
    it('given variables, when the script returns and sets variables, then both come back as JSON', () => {
      const out = runner.run(request(`
        const total = variables.order.items.reduce((s, i) => s + i.price, 0);
        execution.setVariable('total', total);
        execution.setVariable('when', new Date());
        return { sum: variables.a + variables.b, seen: execution.getVariable('total') };
      `));
      expect(out).toEqual({ ok: true, result: { sum: 3, seen: 12 }, setVariables: { total: 12, when: '2024-01-02T03:04:05.000Z' } });
    });

    it('given no return statement, when it runs, then the result is undefined', () => {
      expect(runner.run(request('execution.setVariable("x", 1)'))).toEqual({ ok: true, result: undefined, setVariables: { x: 1 } });
    });

    it('given a missing variable, when read through execution.getVariable, then it is null', () => {
      expect(runner.run(request('return execution.getVariable("nope")'))).toMatchObject({ ok: true, result: null });
    });

    it('exposes the element and process instance ids', () => {
      const out = runner.run(request('return [execution.elementId, execution.processInstanceId]', { elementId: 'T1', processInstanceId: 'pi-9' }));
      expect(out).toMatchObject({ ok: true, result: ['T1', 'pi-9'] });
    });

    it('given the engine clock, when the script reads the time, then Date.now and new Date() return it', () => {
      const out = runner.run(request('return [Date.now(), new Date().getTime(), new Date(0).getTime(), typeof Date()]', { now: 1_000_000 }));
      expect(out).toMatchObject({ ok: true, result: [1_000_000, 1_000_000, 0, 'string'] });
    });

    it('given the same seed, when Math.random is drawn twice, then the sequences are identical; a different seed differs', () => {
      const draw = (seed: number) => runner.run(request('return [Math.random(), Math.random(), Math.random()]', { randomSeed: seed }));
      const first = draw(7);
      expect(first.ok).toBe(true);
      expect(draw(7)).toEqual(first);
      expect(draw(8)).not.toEqual(first);
      const values = (first as { result: number[] }).result;
      for (const v of values) expect(v >= 0 && v < 1).toBe(true);
    });

    it('given console calls, when the script runs, then messages reach the logger tagged with the element', () => {
      logs.length = 0;
      runner.run(request('console.log("total", { n: 1 }); console.warn("careful")', { elementId: 'Logger1' }));
      expect(logs).toEqual([
        { level: 'debug', message: '[script Logger1] total {"n":1}' },
        { level: 'warn', message: '[script Logger1] careful' },
      ]);
    });

    it('given a script that logs 500 lines, then the logger keeps the first 100 and one note that the rest was dropped', () => {
      logs.length = 0;
      expect(runner.run(request('for (let i = 0; i < 500; i++) console.log("line", i); return 1', { elementId: 'Chatty' }))).toMatchObject({ ok: true });
      expect(logs).toHaveLength(101);
      expect(logs[99]).toEqual({ level: 'debug', message: '[script Chatty] line 99' });
      expect(logs[100]).toEqual({ level: 'warn', message: '[script Chatty] further console output of this run dropped (limit 100 lines)' });
    });

    it('given the variables object, when the script mutates it, then it fails because the copy is read-only', () => {
      const out = runner.run(request('variables.order.items.push(1)'));
      expect(out.ok).toBe(false);
    });
  });

  describe('errors', () => {
    it('given a syntax error, then the message has the line and column in the script', () => {
      const out = runner.run(request('const x = 1;\nx +* 2'));
      expect(out).toEqual({ ok: false, kind: 'error', error: "SyntaxError: unexpected token in expression: '*' (line 2, column 4)" });
    });

    it('given a runtime error on line 3, then the message points at line 3', () => {
      const out = runner.run(request('const a = 1;\nconst b = null;\nreturn b.c;'));
      expect(out.ok).toBe(false);
      expect((out as { error: string }).error).toMatch(/^TypeError: .*'c'.* \(line 3, column \d+\)$/);
    });

    it('given a thrown value, then the message carries it', () => {
      expect(runner.run(request('throw new RangeError("too big")'))).toMatchObject({ ok: false, error: expect.stringContaining('RangeError: too big') });
    });

    it('given a non-JSON result or variable, then the run fails with a clear message', () => {
      expect(runner.run(request('return () => 1'))).toEqual({ ok: false, kind: 'error', error: expect.stringContaining('the returned value is not a JSON value') });
      expect(runner.run(request('execution.setVariable("f", function () {})'))).toEqual({ ok: false, kind: 'error', error: expect.stringContaining('variable "f" is not a JSON value') });
    });

    it('given a returned Promise, then the run fails: scripts are synchronous', () => {
      expect(runner.run(request('return Promise.resolve(1)'))).toEqual({ ok: false, kind: 'error', error: expect.stringContaining('return a value, not a Promise') });
    });

    it('given a body that closes its own function, then it is rejected before running', () => {
      expect(runner.run(request('}); (function(){'))).toEqual({ ok: false, kind: 'error', error: expect.stringContaining('closes its own function body') });
    });
  });

  describe('large values', () => {
    it('given 3 MB of variables in multi-byte text, when the script returns most of it, then both cross intact (in chunks between threads)', () => {
      const text = 'Zürich 東京 🚀 '.repeat(150_000);
      const out = runner.run(request('return [variables.text.length, variables.text.slice(0, 120000)]', { variables: { text }, timeoutMs: 20_000, memoryLimitBytes: 64 << 20 }));
      expect(out).toEqual({ ok: true, result: [text.length, text.slice(0, 120000)], setVariables: {} });
    });
  });

  describe('limits', () => {
    it('given an endless loop, then it stops with a timeout error and the runner keeps working', () => {
      expect(runner.run(request('while (true) {}', { timeoutMs: 50 }))).toEqual({ ok: false, kind: 'timeout', error: 'script timed out after 50 ms' });
      expect(runner.run(request('return variables.a + 1'))).toMatchObject({ ok: true, result: 2 });
    });

    it('given an allocation bomb, then it stops with an out-of-memory error and the runner keeps working', () => {
      const out = runner.run(request('const a = []; while (true) a.push({ i: a.length, s: "x" + a.length });', { memoryLimitBytes: 2 * 1024 * 1024, timeoutMs: 10_000 }));
      expect(out).toEqual({ ok: false, kind: 'memory', error: 'script ran out of memory (limit 2097152 bytes)' });
      expect(runner.run(request('return 40 + 2'))).toMatchObject({ ok: true, result: 42 });
    });

    it('given endless recursion, then it stops with a stack error instead of crashing the host', () => {
      const out = runner.run(request('function f() { return f() + 1 } return f()'));
      expect(out).toEqual({ ok: false, kind: 'stack', error: 'script exceeded the stack limit (too deep recursion)' });
      expect(runner.run(request('return 1'))).toMatchObject({ ok: true, result: 1 });
    });
  });

  describe('isolation', () => {
    it('given no host access, then fetch, require, process and the like are absent', () => {
      const out = runner.run(request('return [typeof fetch, typeof require, typeof process, typeof XMLHttpRequest, typeof setTimeout, typeof std, typeof os, typeof importScripts]'));
      expect(out).toMatchObject({ ok: true, result: Array(8).fill('undefined') });
    });

    it('given a script that tries to leave state behind, when the next script runs, then it sees a pristine realm', () => {
      const attempts = [
        'globalThis.leak = 1',
        'Array.prototype.leak = 1',
        'Object.prototype.leak = 1',
        'Math.random = () => 0.5',
        'Date.now = () => 0',
        'JSON.parse = () => 1',
        '(0, eval)("let leak = 1")',
      ];
      for (const source of attempts) {
        const out = runner.run(request(source));
        expect(out.ok, source).toBe(false);
      }
      // Sloppy-mode code fails silently on the frozen global instead of throwing.
      runner.run(request('Function("leak = 1")()'));
      const probe = runner.run(request(
        'return [typeof globalThis.leak, typeof [].leak, typeof ({}).leak, Math.random() === 0.5, Date.now(), JSON.parse("2"), typeof leak]',
      ));
      expect(probe).toMatchObject({ ok: true, result: ['undefined', 'undefined', 'undefined', false, NOW, 2, 'undefined'] });
    });

    it('given ordinary code that overrides inherited built-in properties, then it works on its own objects (no override mistake) without touching the prototypes', () => {
      const out = runner.run(request(`
        class NotFound extends Error { constructor(m) { super(m); this.name = 'NotFound'; } }
        const e = new NotFound('no order');
        const o = { a: 1 };
        o.toString = () => 'custom';
        const plain = new Error();
        plain.message = 'set later';
        return [String(e), e instanceof Error, String(o), plain.message];
      `));
      expect(out).toMatchObject({ ok: true, result: ['NotFound: no order', true, 'custom', 'set later'] });
      expect(runner.run(request('Error.prototype.name = "Hacked"'))).toMatchObject({ ok: false });
      expect(runner.run(request('Object.prototype.toString = () => "hacked"'))).toMatchObject({ ok: false });
      expect(runner.run(request('return [String(new Error("x")), String({})]'))).toMatchObject({ ok: true, result: ['Error: x', '[object Object]'] });
    });

    it('given two runs of the same cached script, then the second sees its own variables, not the first run\'s', () => {
      const source = 'execution.setVariable("seen", execution.getVariable("mine")); return variables.mine';
      expect(runner.run(request(source, { variables: { mine: 'first' } }))).toEqual({ ok: true, result: 'first', setVariables: { seen: 'first' } });
      expect(runner.run(request(source, { variables: {} }))).toEqual({ ok: true, result: undefined, setVariables: { seen: null } });
    });

    it('given a scheduled promise reaction, when the next script runs, then the reaction does not touch it', () => {
      runner.run(request('Promise.resolve().then(() => { while (true) {} })', { timeoutMs: 50 }));
      expect(runner.run(request('return 5'))).toMatchObject({ ok: true, result: 5 });
    });
  });

  it('rejects languages other than javascript', () => {
    const out = runner.run({ ...request('1'), language: 'python' as 'javascript' });
    expect(out).toEqual({ ok: false, kind: 'input', error: expect.stringContaining('unsupported script language') });
  });
  describe('BPMN errors', () => {
    it('given a script that throws a BpmnError with variables, when it runs, then the result carries the code, message and variables and no other change', () => {
      const out = runner.run(request(`
        execution.setVariable('half', true);
        throw new BpmnError('CARD_DECLINED', 'card ' + variables.a + ' declined', { reason: 'limit', at: new Date() });
      `));
      expect(out).toEqual({
        ok: false, kind: 'bpmnError', error: 'BpmnError CARD_DECLINED: card 1 declined',
        bpmnError: { code: 'CARD_DECLINED', message: 'card 1 declined', variables: { reason: 'limit', at: '2024-01-02T03:04:05.000Z' } },
      });
    });

    it('given a subclass and no message, when thrown, then it is a BPMN error whose message is its code', () => {
      const out = runner.run(request('class Declined extends BpmnError {}; const e = new Declined("NO"); if (!(e instanceof Error) || e.name !== "BpmnError" || e.code !== "NO") return "bad"; throw e;'));
      expect(out).toMatchObject({ ok: false, kind: 'bpmnError', bpmnError: { code: 'NO', message: 'NO', variables: {} } });
    });

    it('given a bad code, bad variables or variables over the limits, when thrown, then the script fails with a clear error instead', () => {
      expect(runner.run(request('throw new BpmnError("")'))).toMatchObject({ ok: false, kind: 'error', error: expect.stringContaining('BpmnError: the error code must be a non-empty string') });
      expect(runner.run(request('throw new BpmnError("X", "m", [1])'))).toMatchObject({ ok: false, kind: 'error', error: expect.stringContaining('variables must be an object') });
      const deep = runner.run(request('let v = {}; const root = v; for (let i = 0; i < 300; i++) v = v.next = {}; throw new BpmnError("X", "m", { root });'));
      expect(deep).toMatchObject({ ok: false, kind: 'limit', error: expect.stringContaining('the BpmnError variables is nested deeper than 256 levels') });
    });

    it('given a plain object with a code, when thrown, then it is an ordinary script failure, not a BPMN error', () => {
      const out = runner.run(request('throw { code: "APPROVED", message: "forged" }'));
      expect(out.ok).toBe(false);
      expect(out).not.toHaveProperty('bpmnError');
      expect(out).toMatchObject({ kind: 'error' });
    });
  });
});
