import { describe, expect, it } from 'vitest';
import { CallGate } from './call-gate';

/** A call that ends when `end` is called, recording when it started. */
function pending(log: string[], name: string): { work: () => Promise<string>; end: () => void } {
  let end = (): void => undefined;
  return {
    work: () => {
      log.push(`start ${name}`);
      return new Promise<string>((resolve) => { end = () => resolve(name); });
    },
    end: () => end(),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('CallGate: the engine worker admits calls of one caller together', () => {
  it('given calls of the same caller, then they all run at once', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const calls = ['a', 'b', 'c'].map((n) => pending(log, n));
    const results = calls.map((c) => gate.run('ana', false, c.work));

    expect(gate.active).toBe(3);
    expect(log).toEqual(['start a', 'start b', 'start c']);
    for (const c of calls) c.end();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
  });

  it('given a call of another caller between them, then it waits for the running ones and the later calls wait behind it (arrival order kept)', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [a1, b, a2] = [pending(log, 'a1'), pending(log, 'b'), pending(log, 'a2')];
    const done = [gate.run('ana', false, a1.work), gate.run('ben', false, b.work), gate.run('ana', false, a2.work)];

    expect(log).toEqual(['start a1']);
    a1.end();
    await tick();
    expect(log).toEqual(['start a1', 'start b']);
    b.end();
    await tick();
    expect(log).toEqual(['start a1', 'start b', 'start a2']);
    a2.end();
    expect(await Promise.all(done)).toEqual(['a1', 'b', 'a2']);
  });

  it('given an exclusive call, then it runs alone, and a failing call still lets the next one in', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const failing = gate.run('ana', false, () => Promise.reject(new Error('boom')));
    const [x, a] = [pending(log, 'import'), pending(log, 'a')];
    const imported = gate.run('ana', true, x.work);
    const after = gate.run('ana', false, a.work);

    await expect(failing).rejects.toThrow('boom');
    await tick();
    expect(log).toEqual(['start import']);
    x.end();
    await tick();
    expect(log).toEqual(['start import', 'start a']);
    a.end();
    expect([await imported, await after]).toEqual(['import', 'a']);
  });
});
