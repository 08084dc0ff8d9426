import { useMemo } from 'react';
import type { HistoryEvent } from '../../engine';
import { diffVariables, variablesAt } from '../../replay/variables';

/** The variables of every scope after the current event, and what that event changed (as a diff). */
export function VariablesAtEvent({ history, seq }: { history: readonly HistoryEvent[]; seq: number }) {
  const { scopes, changes } = useMemo(() => {
    const now = variablesAt(history, seq);
    return { scopes: now, changes: diffVariables(variablesAt(history, seq - 1), now) };
  }, [history, seq]);
  return (
    <div className="run-panel replay-variables" data-testid="replay-variables">
      <h2>Variables at event {seq}</h2>
      {Object.entries(scopes).map(([scope, vars]) => (
        <div key={scope} data-testid="replay-scope" data-scope={scope}>
          <h3 className="run-muted">{scope === 'process' ? 'process' : scope}</h3>
          {Object.keys(vars).length === 0 ? <p className="run-muted">none</p> : (
            <dl className="replay-vars">
              {Object.entries(vars).map(([name, value]) => (
                <div key={name} data-testid="replay-variable" data-name={name}><dt className="run-mono">{name}</dt><dd className="run-mono">{JSON.stringify(value)}</dd></div>
              ))}
            </dl>
          )}
        </div>
      ))}
      <h3>Changed by this event</h3>
      {changes.length === 0 ? <p className="run-muted" data-testid="replay-diff-empty">nothing</p> : (
        <ul className="replay-diff" data-testid="replay-diff">
          {changes.map((c) => (
            <li key={`${c.scope}/${c.name}`} className={`replay-diff--${c.kind}`}>
              <span className="run-mono">{c.scope}.{c.name}</span>{' '}
              {c.kind === 'added' && <ins>{JSON.stringify(c.after)}</ins>}
              {c.kind === 'removed' && <del>{JSON.stringify(c.before)}</del>}
              {c.kind === 'changed' && <><del>{JSON.stringify(c.before)}</del> → <ins>{JSON.stringify(c.after)}</ins></>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
