import { lintProblems, type DeployProblem, type LintFinding } from './deploy-model';

/** Deploy problems as a list; each with an element links to it on the canvas. */
export function DeployProblems({ problems, lint, onReveal }: { problems: DeployProblem[]; lint?: readonly LintFinding[]; onReveal(elementId: string): void }) {
  const all = lint ? lintProblems(lint) : problems;
  if (all.length === 0) return <p className="run-muted" data-testid="deploy-no-problems">No problems found.</p>;
  return (
    <ul className="run-problems" data-testid="deploy-problems">
      {all.map((p, i) => (
        <li key={`${p.source}/${p.elementId}/${i}`} data-testid="deploy-problem" data-severity={p.severity} data-source={p.source} data-element-id={p.elementId ?? ''}>
          <span className={`run-badge run-badge--${p.severity}`}>{p.severity}</span>
          <span className="run-muted">{p.source === 'lint' ? `lint${p.rule ? ` · ${p.rule}` : ''}` : 'engine'}</span>
          {p.elementId ? (
            <button type="button" className="link-button" data-testid="deploy-problem-element" onClick={() => onReveal(p.elementId!)}>{p.elementId}</button>
          ) : null}
          <span>{p.message}</span>
        </li>
      ))}
    </ul>
  );
}
