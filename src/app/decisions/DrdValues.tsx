import type { StudioEvaluation } from './evaluation';

/** Every decision the evaluation ran: its value, the rules its tables matched, its FEEL warnings. */
export function DrdValues({ evaluation, openDecision }: { evaluation: StudioEvaluation; openDecision(id: string): void }) {
  return (
    <table className="fd-eval-drd" data-testid="eval-drd">
      <thead><tr><th>Decision</th><th>Value</th><th>Rules</th><th>Warnings</th></tr></thead>
      <tbody>
        {evaluation.audit.map((d) => {
          const warnings = evaluation.warnings.filter((w) => w.decisionId === d.decisionId);
          return (
            <tr key={`${d.namespace}#${d.decisionId}`} data-testid={`eval-drd-${d.decisionId}`}>
              <td><button type="button" className="fd-link" onClick={() => openDecision(d.decisionId)} title="Show its table or expression">{d.decisionName}</button></td>
              <td><code>{JSON.stringify(d.output)}</code></td>
              <td>{d.tables.map((t) => (
                <span key={t.tableId ?? ''} title={`hit policy ${t.hitPolicy}`}>
                  {t.matched.length === 0 ? (t.usedDefaults ? 'none (defaults)' : 'none') : `matched ${t.matched.map((m) => m.index + 1).join(', ')}; ${t.hitPolicy} chose ${t.chosen.map((i) => i + 1).join(', ') || 'none'}`}
                </span>
              ))}</td>
              <td>{warnings.length === 0 ? '—' : <ul>{warnings.map((w, i) => <li key={i}>{w.element ? `${w.element}: ` : ''}{w.message}</li>)}</ul>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
