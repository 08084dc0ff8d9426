import { useState } from 'react';
import { instanceStates } from '../../api/schemas';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { useEngineQuery } from '../run/engine';
import { exportLog } from './export-log';
import { loadInstanceSet, type InstanceSet } from './instance-set';
import { ReplayPlayer } from './ReplayPlayer';

type State = (typeof instanceStates)[number];

/**
 * Play engine instances together: a process, a state filter, the instances to take (the first
 * 200, newest first), then Play together (one colour per instance, absolute or relative time) or
 * Export XES / OCEL 2.0 of the chosen set.
 */
export function InstancePicker() {
  const { data: deployments } = useEngineQuery('deployments.list', { kind: 'bpmn' });
  const processes = [...new Set((deployments ?? []).flatMap((d) => Object.keys(d.versions)))].sort();
  const [processId, setProcessId] = useState('');
  const [state, setState] = useState<State | ''>('');
  const chosenProcess = processId || processes[0] || '';
  const { data: list, error } = useEngineQuery('instances.list', chosenProcess ? { processId: chosenProcess, state: state || undefined, sortBy: 'startedAt', order: 'desc', pageSize: 200 } : null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [set, setSet] = useState<InstanceSet | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = list?.items ?? [];
  // The set in list order (oldest first, so the first colour is the first started).
  const chosen = items.filter((i) => picked.has(i.instanceId)).map((i) => i.instanceId).reverse();

  const load = async (then: (s: InstanceSet) => void) => {
    setBusy(true);
    setProblem(null);
    const r = await loadInstanceSet(chosen, `${chosenProcess} (${chosen.length} instances)`);
    setBusy(false);
    if ('problem' in r) setProblem(r.problem);
    else then(r);
  };
  const toggle = (id: string) => setPicked((p) => {
    const next = new Set(p);
    if (!next.delete(id)) next.add(id);
    return next;
  });

  return (
    <div className="replay-instances" data-testid="replay-instances">
      <div className="run-actions">
        <label className="run-field">Process
          <select value={chosenProcess} onChange={(e) => { setProcessId(e.target.value); setPicked(new Set()); setSet(null); }} data-testid="replay-set-process">
            {processes.length === 0 && <option value="">no process deployed</option>}
            {processes.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label className="run-field">State
          <select value={state} onChange={(e) => setState(e.target.value as State | '')} data-testid="replay-set-state">
            <option value="">any</option>
            {instanceStates.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setPicked(new Set(items.map((i) => i.instanceId)))} disabled={items.length === 0} data-testid="replay-set-all">Choose all {items.length}</button>
        <button type="button" onClick={() => void load(setSet)} disabled={chosen.length === 0 || busy} data-testid="replay-set-play">Play {chosen.length} together</button>
        <button type="button" onClick={() => void load((s) => exportLog(s.log, 'xes', `${chosenProcess}-instances`))} disabled={chosen.length === 0 || busy} data-testid="replay-set-export-xes">Export XES</button>
        <button type="button" onClick={() => void load((s) => exportLog(s.log, 'ocel', `${chosenProcess}-instances`))} disabled={chosen.length === 0 || busy} data-testid="replay-set-export-ocel">Export OCEL 2.0</button>
      </div>
      {error && <ApiErrorNote error={error} />}
      {problem && <p className="run-error" role="alert" data-testid="replay-set-problem">{problem}</p>}
      {!set && (
        <ul className="replay-set-list">
          {items.map((i) => (
            <li key={i.instanceId}>
              <label className="run-field">
                <input type="checkbox" checked={picked.has(i.instanceId)} onChange={() => toggle(i.instanceId)} data-testid="replay-set-item" data-instance-id={i.instanceId} />
                <span className="run-mono">{i.instanceId}</span> {i.businessKey ?? ''} · {i.state} · {new Date(i.startedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC
              </label>
            </li>
          ))}
          {chosenProcess && items.length === 0 && !error && <li className="run-muted">No instances of {chosenProcess}{state ? ` that are ${state}` : ''}.</li>}
        </ul>
      )}
      {set && (
        <>
          <p data-testid="replay-set-summary">{set.log.cases.length} instances of {set.processId}, {set.log.size} events · <button type="button" onClick={() => setSet(null)}>Choose again</button></p>
          <ReplayPlayer key={set.log.cases.join(',')} source={{ log: set.log, xml: set.xml, histories: set.histories, title: `${set.processId}-instances` }} />
        </>
      )}
    </div>
  );
}
