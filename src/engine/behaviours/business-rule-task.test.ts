import { describe, expect, it } from 'vitest';
import { dispatch, start } from '../index';
import type { DecisionAuditTrail, DecisionEvaluator, HistoryEvent } from '../index';
import { openTasks } from '../runtime/queries';
import { loadProcess, roundTrip, testContext } from '../test-support/harness';

/** A decision table evaluator for specs: tier gold → rule R1 (0.1), else R3 (0), with the audit a DMN engine gives. */
function discountTable(calls: Array<Readonly<Record<string, unknown>>> = []): DecisionEvaluator {
  return {
    evaluate(_id, variables) {
      calls.push(variables);
      const gold = variables.tier === 'gold';
      const result = gold ? 0.1 : 0;
      const audit: DecisionAuditTrail = {
        version: 3,
        decisions: [{
          decisionId: 'discount',
          decisionName: 'Discount',
          inputs: { tier: variables.tier ?? null, amount: variables.amount ?? null },
          tables: [{ tableId: 'table1', hitPolicy: 'FIRST', matched: gold ? [{ index: 0, id: 'R1' }, { index: 2, id: 'R3' }] : [{ index: 2, id: 'R3' }], chosen: [gold ? 0 : 2], usedDefaults: false }],
          output: result,
        }],
        warnings: [],
      };
      return { ok: true, result, audit };
    },
  };
}

const evaluated = (history: HistoryEvent[]) => history.filter((e) => e.type === 'decisionEvaluated');

describe('business rule task: decision evaluations in the history', () => {
  it('given a called decision, when the task runs, then a decisionEvaluated event records the version, inputs, matched rules and result', async () => {
    const p = await loadProcess(import.meta.url, 'business-rule-task.bpmn');
    const ctx = testContext({ decisions: discountTable() });
    const s0 = start(p, { instanceId: 'pi', variables: { tier: 'gold', amount: 150 } }, ctx);
    expect(evaluated(s0.history)).toEqual([{
      type: 'decisionEvaluated', seq: expect.any(Number), time: expect.any(Number), instanceId: 'pi',
      elementId: 'Decide', elementInstanceId: expect.any(String), decisionId: 'discount', decisionVersion: 3, result: 0.1,
      decisions: [{ decisionId: 'discount', decisionName: 'Discount', inputs: { tier: 'gold', amount: 150 }, tables: [{ tableId: 'table1', hitPolicy: 'FIRST', matched: [{ index: 0, id: 'R1' }, { index: 2, id: 'R3' }], chosen: [0], usedDefaults: false }], output: 0.1 }],
      warnings: [], truncated: false,
    }]);
    // The event sits between the task's entry and its completion, and names the element instance that ran.
    const types = s0.history.map((e) => e.type);
    expect(types.indexOf('decisionEvaluated')).toBeGreaterThan(types.indexOf('elementEntered'));
    const entered = s0.history.find((e) => e.type === 'elementEntered' && e.elementId === 'Decide') as { elementInstanceId: string };
    expect(evaluated(s0.history)[0]).toMatchObject({ elementInstanceId: entered.elementInstanceId });
    // Resumed from JSON, the instance goes on and the recorded history stays as it was.
    const s1 = dispatch(p, roundTrip(s0.state), { type: 'completeUserTask', taskId: openTasks(s0.state)[0].id }, ctx);
    expect(s1.state.status).toBe('completed');
    expect(roundTrip(s0.history)).toEqual(s0.history);
  });

  it('given a reduced history (simulation), when the task runs, then the event keeps only its number: the same numbering as a full history', async () => {
    const p = await loadProcess(import.meta.url, 'business-rule-task.bpmn');
    const full = start(p, { instanceId: 'pi', variables: { tier: 'silver' } }, testContext({ decisions: discountTable() }));
    const reduced = start(p, { instanceId: 'pi', variables: { tier: 'silver' }, history: 'elements' }, testContext({ decisions: discountTable() }));
    expect(evaluated(reduced.history)).toEqual([]);
    expect(reduced.state.seq).toBe(full.state.seq);
    expect(evaluated(full.history)[0]).toMatchObject({ decisions: [{ tables: [{ matched: [{ index: 2, id: 'R3' }], chosen: [2] }] }] });
  });

  it('given an input of 100,000 characters, when the task runs, then the event holds a preview of it and says it was truncated', async () => {
    const p = await loadProcess(import.meta.url, 'business-rule-task.bpmn');
    const s0 = start(p, { instanceId: 'pi', variables: { tier: 'x'.repeat(100_000) } }, testContext({ decisions: discountTable() }));
    const [event] = evaluated(s0.history) as Array<Extract<HistoryEvent, { type: 'decisionEvaluated' }>>;
    expect(event.truncated).toBe(true);
    expect(event.decisions[0].inputs.tier).toEqual({ $truncated: true, chars: 100_002, preview: expect.stringMatching(/^"x{199}…$/) });
    expect(event.decisions[0].inputs.amount).toBeNull();
    expect(JSON.stringify(event).length).toBeLessThan(2_000);
  });

  it('given an evaluator without an audit trail, when the task runs, then the event still records the decision and result', async () => {
    const p = await loadProcess(import.meta.url, 'business-rule-task.bpmn');
    const decisions: DecisionEvaluator = { evaluate: () => ({ ok: true, result: { rate: 0.2 } }) };
    const s0 = start(p, { instanceId: 'pi', variables: {} }, testContext({ decisions }));
    expect(evaluated(s0.history)).toMatchObject([{ decisionId: 'discount', decisionVersion: null, result: { rate: 0.2 }, decisions: [], truncated: false }]);
  });
});
