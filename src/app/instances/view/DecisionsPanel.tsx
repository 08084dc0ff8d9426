import { useMemo } from 'react';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { useEngineQuery } from '../../run/engine';
import { evaluatingElements, evaluationRows } from '../decision-evaluations';

/**
 * The decisions the instance's business rule tasks evaluated (from `decisionEvaluated` history
 * events): element, decision and version, inputs, matched rules per table (the ones the hit
 * policy used in bold) and result. `elementId` (clicked in the diagram) narrows the list.
 */
export function DecisionsPanel({ instanceId, elementId, onElement }: { instanceId: string; elementId: string | null; onElement: (id: string | null) => void }) {
  const { data, error } = useEngineQuery('history.get', { instanceId }, { instanceId });
  const elements = useMemo(() => evaluatingElements(data ?? []), [data]);
  const rows = useMemo(() => evaluationRows(data ?? [], elementId), [data, elementId]);
  if (!error && elements.length === 0) return null;
  return (
    <section className="run-panel" data-testid="decisions-panel">
      <h2>Decision evaluations</h2>
      <ApiErrorNote error={error} />
      <p className="run-muted">
        {elementId === null ? 'All elements · click a task in the diagram to see only its evaluations' : <>Element <span className="run-mono">{elementId}</span> · <button type="button" className="run-button" data-testid="decisions-show-all" onClick={() => onElement(null)}>show all</button></>}
      </p>
      {rows.length === 0 && <p className="run-muted" data-testid="decisions-none">No decision evaluated at this element.</p>}
      <ol className="run-timeline">
        {rows.map((r) => (
          <li key={r.seq} data-testid="decision-evaluation" data-element-id={r.elementId} data-decision-id={r.decision}>
            <div>
              <strong className="run-mono">{r.elementId}</strong> → <span className="run-mono">{r.decision}</span> {r.version && <span className="run-muted">{r.version}</span>}{' '}
              <time className="run-muted">{new Date(r.time).toLocaleTimeString()}</time>
            </div>
            {r.inputs.length > 0 && (
              <table className="run-table" data-testid="decision-inputs">
                <tbody>{r.inputs.map((i) => <tr key={i.name}><th>{i.name}</th><td className="run-mono">{i.value}</td></tr>)}</tbody>
              </table>
            )}
            {r.rules.map((t, n) => (
              <div key={n} data-testid="decision-rules" data-table-id={t.tableId ?? ''}>
                {r.rules.length > 1 && <span className="run-mono">{t.decisionId} </span>}
                <span className="run-muted">{t.hitPolicy} · matched </span>
                {t.matched.length === 0 ? <span>no rule{t.usedDefaults ? ' (default outputs)' : ''}</span> : t.matched.map((m, k) => (
                  <span key={m.label} data-testid="matched-rule" data-rule-id={m.id ?? ''} data-chosen={m.chosen} title={m.chosen ? 'used by the hit policy' : 'matched, not used by the hit policy'}>
                    {k > 0 ? ', ' : ''}{m.chosen ? <strong>rule {m.label}{m.id ? ` (${m.id})` : ''}</strong> : <>rule {m.label}{m.id ? ` (${m.id})` : ''}</>}
                  </span>
                ))}
              </div>
            ))}
            <div>result <span className="run-mono" data-testid="decision-result">{r.result}</span></div>
            {r.warnings.map((w, k) => <div key={k} className="run-muted">⚠ {w}</div>)}
            {r.truncated && <div className="run-muted">Large values were truncated in the history.</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
