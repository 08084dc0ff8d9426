import { useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { DmnCheckApi } from '../../../workers/dmn-check.worker';
import { placeOf, problemCss, type FeelProblem } from './feel-problems';

/**
 * The model's FEEL problems, checked by our own parser in a worker a moment after each change
 * (one check at a time; while one runs, only the latest content waits for the next).
 */
export function useFeelProblems(content: string): FeelProblem[] {
  const [problems, setProblems] = useState<FeelProblem[]>([]);
  const checker = useRef<{ api: Comlink.Remote<DmnCheckApi>; worker: Worker; busy: boolean; next?: string }>(undefined);
  useEffect(() => () => checker.current?.worker.terminate(), []);
  useEffect(() => {
    const t = setTimeout(() => {
      if (!checker.current) {
        const worker = new Worker(new URL('../../../workers/dmn-check.worker.ts', import.meta.url), { type: 'module', name: 'flowdeck-dmn-check' });
        checker.current = { api: Comlink.wrap<DmnCheckApi>(worker), worker, busy: false };
      }
      const c = checker.current;
      c.next = content;
      if (c.busy) return;
      const drain = async () => {
        c.busy = true;
        while (c.next !== undefined) {
          const xml = c.next;
          c.next = undefined;
          try {
            const r = await c.api.check(xml);
            if (c.next === undefined) setProblems(r.problems);
          } catch {
            // A worker that failed checks nothing; the editor goes on without the check.
            c.next = undefined;
          }
        }
        c.busy = false;
      };
      void drain();
    }, 250);
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
