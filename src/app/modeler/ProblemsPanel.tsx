import type { LintIssue } from './bpmn-modeler';

export interface ProblemsPanelProps {
  issues: LintIssue[];
  onReveal(elementId: string): void;
}

const ORDER: Record<LintIssue['category'], number> = { 'rule-error': 0, error: 1, warn: 2, info: 3 };
const LABEL: Record<LintIssue['category'], string> = { 'rule-error': 'rule failed', error: 'error', warn: 'warning', info: 'info' };

/**
 * bpmnlint findings as a list; clicking one selects the element on the canvas.
 *
 * @example
 * ```tsx
 * <ProblemsPanel issues={issues} onReveal={(id) => handle.reveal(id)} />
 * ```
 */
export default function ProblemsPanel({ issues, onReveal }: ProblemsPanelProps) {
  const sorted = [...issues].sort((a, b) => ORDER[a.category] - ORDER[b.category] || a.elementId.localeCompare(b.elementId));
  return (
    <section className="fd-problems" data-testid="bpmn-problems" aria-label="Problems">
      {sorted.length === 0 ? (
        <p className="fd-problems-empty">No problems found.</p>
      ) : (
        <ul>
          {sorted.map((issue) => (
            <li key={`${issue.elementId}/${issue.rule}/${issue.message}`} className={`fd-problem fd-problem-${issue.category}`}>
              <button type="button" onClick={() => onReveal(issue.elementId)} data-testid="bpmn-problem">
                <span className="fd-problem-category">{LABEL[issue.category]}</span>
                <span className="fd-problem-element">{issue.elementId}</span>
                <span className="fd-problem-message">{issue.message}</span>
                <span className="fd-problem-rule">{issue.rule}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
