import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../engine';
import { evaluatingElements, evaluationRows } from './decision-evaluations';

const base = { instanceId: 'pi', time: 0 };
const history: HistoryEvent[] = [
  { ...base, seq: 1, type: 'elementEntered', elementId: 'Decide', elementInstanceId: 'e1', scopeId: null },
  {
    ...base, seq: 2, type: 'decisionEvaluated', elementId: 'Decide', elementInstanceId: 'e1', decisionId: 'discount', decisionVersion: 2, result: 0.1, warnings: [], truncated: false,
    decisions: [
      { decisionId: 'tierOf', decisionName: 'Tier', inputs: { customer: 'c1' }, tables: [], output: 'gold' },
      { decisionId: 'discount', decisionName: 'Discount', inputs: { tier: 'gold', note: { $truncated: true, chars: 5000, preview: '"abc…' } }, output: 0.1,
        tables: [{ tableId: 't1', hitPolicy: 'FIRST', matched: [{ index: 0, id: 'R1' }, { index: 2, id: 'R3' }], chosen: [0], usedDefaults: false }] },
    ],
  },
  { ...base, seq: 3, type: 'decisionEvaluated', elementId: 'Other', elementInstanceId: 'e2', decisionId: 'x', decisionVersion: null, result: null, decisions: [], warnings: ['w'], truncated: false },
];

describe('evaluationRows (the instance view\'s decision evaluations)', () => {
  it('given a history with two evaluations, when listed, then each shows element, decision version, the called decision\'s inputs, matched rules 1-based with the chosen marked, and result', () => {
    const rows = evaluationRows(history);
    expect(rows.map((r) => [r.elementId, r.decision, r.version])).toEqual([['Decide', 'discount', 'v2'], ['Other', 'x', '']]);
    expect(rows[0].inputs).toEqual([{ name: 'tier', value: '"gold"' }, { name: 'note', value: '"abc… (5,000 characters, truncated)' }]);
    expect(rows[0].rules).toEqual([{ decisionId: 'discount', tableId: 't1', hitPolicy: 'FIRST', usedDefaults: false, matched: [{ label: '1', id: 'R1', chosen: true }, { label: '3', id: 'R3', chosen: false }] }]);
    expect(rows[0].result).toBe('0.1');
  });

  it('given an element clicked in the diagram, when filtered, then only its evaluations remain', () => {
    expect(evaluationRows(history, 'Other').map((r) => r.seq)).toEqual([3]);
    expect(evaluationRows(history, 'Start')).toEqual([]);
    expect(evaluatingElements(history)).toEqual(['Decide', 'Other']);
  });
});
