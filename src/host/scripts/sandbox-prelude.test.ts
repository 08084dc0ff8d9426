import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PRELUDE } from './sandbox-prelude';
import { START_TIMEOUT_MS } from './test-support/timeouts';

// The prelude on a bare QuickJS context, with one thing no script can have: a mutable Map put on
// the global object before the prelude freezes the realm (a frozen Map still holds entries). It
// stands for "a closure that somehow survives": whatever a script stashes there outlives its run.
describe('sandbox prelude: execution and console belong to one run', () => {
  let context: QuickJSContext;
  let run: QuickJSHandle;
  const logged: string[] = [];

  beforeAll(async () => {
    const module = await newQuickJSWASMModuleFromVariant(RELEASE_SYNC);
    context = module.newContext();
    context.unwrapResult(context.evalCode('globalThis.stash = new Map();')).dispose();
    const log = context.newFunction('log', (level, message) => {
      logged.push(`${context.getString(level)}: ${context.getString(message)}`);
    });
    const limits = context.unwrapResult(context.evalCode('[256, 1048576, 4194304, 100]'));
    const factory = context.unwrapResult(context.evalCode(SANDBOX_PRELUDE));
    run = context.unwrapResult(context.callFunction(factory, context.undefined, log, limits));
    for (const h of [log, limits, factory]) h.dispose();
  }, START_TIMEOUT_MS);
  afterAll(() => {
    run.dispose();
    context.dispose();
  });

  function runScript(source: string, processInstanceId: string, variables: object = {}): { ok: boolean; result?: unknown; setVariables?: Record<string, unknown>; error?: { message: string } } {
    const args = [context.newString(source), context.newString(JSON.stringify(['Task', processInstanceId, 0, 1, variables]))];
    const text = context.getString(context.unwrapResult(context.callFunction(run, context.undefined, ...args)));
    for (const a of args) a.dispose();
    return JSON.parse(text);
  }

  it('given tenant A stashed its execution, when tenant B runs, then A\'s execution can neither read B\'s variables nor write B\'s', () => {
    // the methods taken off the objects too: a function read during A's run is A's
    expect(runScript('stash.set("execution", execution); stash.set("console", console); stash.set("set", execution.setVariable); return "planted"', 'tenant-a')).toMatchObject({ ok: true });
    const b = runScript(`
      const stolen = stash.get("execution");
      const attempts = [];
      try { attempts.push(stolen.getVariable("card")); } catch (e) { attempts.push(e.message); }
      try { stolen.setVariable("approved", true); attempts.push("wrote"); } catch (e) { attempts.push(e.message); }
      try { stash.get("console").log("from the past"); } catch (e) { attempts.push(e.message); }
      try { stash.get("set")("approved", true); attempts.push("wrote"); } catch (e) { attempts.push(e.message); }
      execution.setVariable("approved", variables.card === "4111");
      return attempts;
    `, 'tenant-b', { card: '4111' });
    expect(b).toEqual({
      ok: true,
      hasResult: true,
      result: [
        'execution.getVariable() was called after its script run ended (execution and console are valid only during the run that received them)',
        'execution.setVariable() was called after its script run ended (execution and console are valid only during the run that received them)',
        'console.log() was called after its script run ended (execution and console are valid only during the run that received them)',
        'execution.setVariable() was called after its script run ended (execution and console are valid only during the run that received them)',
      ],
      setVariables: { approved: true },
    });
    expect(logged).toEqual([]);
  });

  it('given a promise reaction that writes through execution after the script returned, then the write is refused and not in the result', () => {
    const out = runScript('Promise.resolve().then(() => execution.setVariable("late", 1)).catch((e) => stash.set("late", e.message)); execution.setVariable("early", 1)', 'tenant-a');
    expect(out).toMatchObject({ ok: true, setVariables: { early: 1 } });
    expect(out.setVariables).not.toHaveProperty('late');
    // the host runs the reaction right after the run, as the runners do
    const jobs = context.runtime.executePendingJobs();
    expect(jobs.error).toBeUndefined();
    expect(runScript('return stash.get("late")', 'tenant-b').result).toMatch(/^execution\.setVariable\(\) was called after its script run ended/);
  });

  it('given a variable named __proto__, then it is an own variable of the result, not a prototype', () => {
    const out = runScript('execution.setVariable("__proto__", { polluted: true }); return execution.getVariable("__proto__")', 'tenant-a');
    expect(out.result).toEqual({ polluted: true });
    expect(Object.keys(out.setVariables ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given the prelude source, then it uses no for...of, spread or destructuring (the iterator protocol it protects)', () => {
    const code = SANDBOX_PRELUDE.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    expect(code).not.toMatch(/\bfor\s*\([^)]*\bof\b/);
    expect(code).not.toMatch(/\.\.\.\s*[\w([]/);
    expect(code).not.toMatch(/\b(?:const|let|var)\s*\[/);
  });
});
