import { useEffect, useState } from 'react';
import type { FileKind } from '../../store';

const DELAY_MS = 400;

/**
 * A status line under the Source view: whether the text is still a valid file of its kind, and
 * where it breaks. The validator (with the moddle parsers) is loaded on first use.
 */
export function SourceProblems({ kind, content }: { kind: FileKind; content: string }) {
  const [problem, setProblem] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void Promise.all([import('../workspace/import/validate'), import('../workspace/import/problem')]).then(async ([{ validateContent }, { formatProblem }]) => {
        const v = await validateContent(kind, content);
        if (!cancelled) setProblem(v.ok ? null : formatProblem(v));
      });
    }, DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [kind, content]);

  if (problem === undefined) return null;
  return (
    <div className={`source-status ${problem ? 'source-status--error' : ''}`} role="status" data-testid="source-problem" data-valid={problem ? 'false' : 'true'}>
      {problem ? `Not a valid ${kind.toUpperCase()} file: ${problem}. Kept as a draft: the last valid version stays saved.` : `Valid ${kind.toUpperCase()}`}
    </div>
  );
}
