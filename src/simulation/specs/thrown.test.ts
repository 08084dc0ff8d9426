import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

const MIN = 60;

describe('messages and signals the model throws', () => {
  it('given a batch that sends four order messages and pays two orders, when simulated, then the messages start cases (one blocked by the start lock) and each payment reaches the case of its order id', async () => {
    const model = await loadModel('thrown.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'batch'), ctx: {} });
    const { result } = report;
    // The batch and the orders A, B, C; the second A is refused while A runs.
    expect(result.instances).toEqual({ started: 4, completed: 3 });
    expect(report.inProgress).toBe(1);
    expect(result.elements.OrderIn.count).toBe(3);
    expect(report.undelivered).toEqual({ 'message order': 1 });
    // C is paid at 00:40, A at 00:50; B still waits.
    expect(result.elements.Paid.count).toBe(2);
    expect(result.elements.Paid.duration.min).toBe(40 * MIN);
    expect(result.elements.Paid.duration.max).toBe(50 * MIN);
    expect(result.elements.OrderDone.count).toBe(2);
    // Cycle times: batch 50, C 40, A 50.
    expect(result.process.cycleTime.min).toBe(40 * MIN);
    expect(result.process.cycleTime.max).toBe(50 * MIN);
    expect(result.process.cycleTime.mean).toBeCloseTo((140 / 3) * MIN, 9);
  });

  it('given orders waiting for a signal that a dispatch case throws at 00:50, when simulated, then every waiting order goes on at once and the signal start event starts one case', async () => {
    const model = await loadModel('signals.bpmn');
    const { result, undelivered } = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'broadcast'), ctx: {} });
    expect(undelivered).toEqual({});
    // Three orders, the dispatch case and the audit case the signal started.
    expect(result.instances).toEqual({ started: 5, completed: 5 });
    expect(result.elements.WaitGo.count).toBe(3);
    expect(result.elements.WaitGo.duration.mean).toBe(40 * MIN);
    expect(result.elements.WaitGo.duration.min).toBe(30 * MIN);
    expect(result.elements.Audited.count).toBe(1);
    // 50, 40, 30 (orders), 50 (dispatch), 0 (audit).
    expect(result.process.cycleTime.mean).toBe(34 * MIN);
  });

  it('given a batch that invoices orders B then A with a send task of 5 min, when simulated, then the simulator sends each invoice as the task ends, keyed by the order id', async () => {
    const model = await loadModel('sends.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'invoices'), ctx: {} });
    expect(report.incidents).toEqual({});
    expect(report.result.instances).toEqual({ started: 3, completed: 3 });
    const wait = report.result.elements.WaitInvoice;
    expect([wait.count, wait.duration.min, wait.duration.max]).toEqual([2, 5 * MIN, 10 * MIN]);
  });

  it('given a signal start event whose case throws the same signal, when simulated, then the chain stops after 32 throws at one instant and the cut is reported', async () => {
    const model = await loadModel('cascade.bpmn');
    const report = simulate({ process: model.process(), scenario: scenario(model.scenarios, 'echo'), ctx: {} });
    expect(report.result.instances).toEqual({ started: 33, completed: 33 });
    expect(report.result.elements.Heard.count).toBe(32);
    expect(report.incidents['signal ping']).toMatch(/not delivered: it would be throw 33 /);
  });

  it('given the same model and seed twice, when simulated, then the runs are the same event for event', async () => {
    const model = await loadModel('thrown.bpmn');
    const run = () => simulate({ process: model.process(), scenario: scenario(model.scenarios, 'batch'), ctx: {}, log: true });
    const a = run();
    const b = run();
    expect(b.result).toEqual(a.result);
    expect(b.log).toEqual(a.log);
  });
});
