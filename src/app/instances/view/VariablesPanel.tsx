import { useState } from 'react';
import type { ApiFailure } from '../../../api';
import type { InstanceState } from '../../../engine';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { callEngine } from '../../run/engine';
import { JsonVariablesEditor } from '../../run/JsonVariablesEditor';
import { parseVariables } from '../../run/json-variables';

/** Variables per scope: the process scope, then each live element instance that has local ones. Editable while the instance runs. */
export function VariablesPanel({ state }: { state: InstanceState }) {
  const scopes = [
    { id: null as string | null, label: 'process', variables: state.variables },
    ...Object.values(state.elements).filter((e) => e.variables && Object.keys(e.variables).length > 0).map((e) => ({ id: e.id, label: `${e.elementId} (#${e.id})`, variables: e.variables! })),
  ];
  return (
    <section className="run-panel" data-testid="variables-panel">
      <h2>Variables</h2>
      {scopes.map((s) => <Scope key={s.id ?? 'process'} instanceId={state.instanceId} scopeId={s.id} label={s.label} variables={s.variables} editable={state.status === 'active'} />)}
    </section>
  );
}

function Scope({ instanceId, scopeId, label, variables, editable }: { instanceId: string; scopeId: string | null; label: string; variables: Record<string, unknown>; editable: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure>();
  const names = Object.keys(variables).sort();
  const save = async () => {
    const parsed = parseVariables(editing ?? '');
    if (!parsed.ok) return;
    const r = await callEngine('instances.setVariables', { instanceId, variables: parsed.value, ...(scopeId ? { scopeId, local: true } : {}) });
    if ('error' in r) setError(r);
    else {
      setError(undefined);
      setEditing(null);
    }
  };
  return (
    <div className="run-scope" data-testid="variable-scope" data-scope={scopeId ?? 'process'}>
      <h3>{label}</h3>
      {names.length === 0 ? <p className="run-muted">No variables.</p> : (
        <table className="run-table">
          <tbody>
            {names.map((n) => <tr key={n} data-testid="variable" data-name={n}><th>{n}</th><td className="run-mono">{JSON.stringify(variables[n])}</td></tr>)}
          </tbody>
        </table>
      )}
      {editable && editing === null && <button type="button" className="button button--small" data-testid="variables-edit" onClick={() => setEditing(JSON.stringify(variables, null, 2))}>Edit</button>}
      {editing !== null && (
        <>
          <JsonVariablesEditor value={editing} onChange={setEditing} label="Variables to set (names not listed stay as they are)" testId="variables-set" />
          <button type="button" className="button button--primary button--small" data-testid="variables-save" disabled={!parseVariables(editing).ok} onClick={() => void save()}>Save</button>
          <button type="button" className="button button--small" onClick={() => setEditing(null)}>Cancel</button>
        </>
      )}
      <ApiErrorNote error={error} />
    </div>
  );
}
