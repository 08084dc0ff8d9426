import { useEffect, useState } from 'react';
import { feelProblemsOf, placeOf, problemCss, type FeelProblem } from './feel-problems';

/** The model's FEEL problems, checked by our own parser a moment after each change. */
export function useFeelProblems(content: string): FeelProblem[] {
  const [problems, setProblems] = useState<FeelProblem[]>([]);
  useEffect(() => {
    const t = setTimeout(() => setProblems(feelProblemsOf(content).problems), 250);
    return () => clearTimeout(t);
  }, [content]);
  return problems;
}

/**
 * The list under the toolbar: each problem with its decision, rule and entry and the position in
 * the cell; a click opens that decision. The faulty cells are outlined in the tables.
 */
export function FeelProblems({ problems, open, openDecision }: { problems: readonly FeelProblem[]; open: boolean; openDecision(id: string): void }) {
  return (
    <>
      {problems.length > 0 && <style data-testid="dmn-feel-problem-cells">{problemCss(problems)}</style>}
      {open && problems.length > 0 && (
        <ul className="fd-dmn-problems" data-testid="dmn-feel-problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity}>
              <button type="button" className="fd-link" onClick={() => p.decisionId && openDecision(p.decisionId)}>{p.decisionName}</button>
              {' · '}{placeOf(p)}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
