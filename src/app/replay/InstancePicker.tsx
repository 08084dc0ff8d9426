import { useState } from 'react';
import { instanceStates } from '../../api/schemas';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { useEngineQuery } from '../run/engine';
import { exportLog } from './export-log';
import { listAllInstances, loadInstanceSet, pageLabel, type InstanceSet } from './instance-set';
import { ReplayPlayer } from './ReplayPlayer';

type State = (typeof instanceStates)[number];
const PAGE = 200;

/**
 * Play engine instances together: any process or one, a state filter, the instances to take
 * (pages of 200, newest first; choices kept across pages; "all matching" takes every page), then
 * Play together (one colour per instance, absolute or relative time; instances of several
 * processes on the diagram of each, chosen above the player) or Export XES / OCEL 2.0 of the set.
 */
export function InstancePicker() {
  const { data: deployments } = useEngineQuery('deployments.list', { kind: 'bpmn' });
  const processes = [...new Set((deployments ?? []).flatMap((d) => Object.keys(d.versions)))].sort();
  const [processId, setProcessId] = useState('');
  const [state, setState] = useState<State | ''>('');
  const [page, setPage] = useState(1);
  const query = { processId: processId || undefined, state: state || undefined };
  const { data: list, error } = useEngineQuery('instances.list', { ...query, sortBy: 'startedAt', order: 'desc', page, pageSize: PAGE });
  /** Chosen instances (kept across pages) with their start, to order the set. */
  const [picked, setPicked] = useState<ReadonlyMap<string, number>>(new Map());
  const [set, setSet] = useState<InstanceSet | null>(null);
  const [group, setGroup] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = list?.items ?? [];
  const total = list?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  // The set oldest first, so the first colour is the first started.
  const chosen = [...picked].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const name = processId || 'instances';

  const load = async (then: (s: InstanceSet) => void) => {
    setBusy(true);
    setProblem(null);
    const r = await loadInstanceSet(chosen, `${name} (${chosen.length} instances)`);
    setBusy(false);
    if ('problem' in r) setProblem(r.problem);
    else then(r);
  };
  const toggle = (id: string, startedAt: number) => setPicked((p) => {
    const next = new Map(p);
    if (!next.delete(id)) next.set(id, startedAt);
    return next;
  });
  const chooseAllMatching = async () => {
    setBusy(true);
    const all = await listAllInstances(query);
    setBusy(false);
    if ('problem' in all) setProblem(all.problem);
    else setPicked(new Map(all.map((i) => [i.instanceId, i.startedAt])));
  };
  const refilter = (apply: () => void) => {
    apply();
    setPage(1);
    setPicked(new Map());
    setSet(null);
  };
  // Named for the process when the set has one, whatever the filter.
  const exportSet = (format: 'xes' | 'ocel') => void load((s) => exportLog(s.log, format, `${s.groups.length === 1 ? s.groups[0].processId : 'flowdeck'}-instances`));
  const shown = set ? set.groups[Math.min(group, set.groups.length - 1)] : null;

  return (
    <div className="replay-instances" data-testid="replay-instances">
      <div className="run-actions">
        <label className="run-field">Process
          <select value={processId} onChange={(e) => refilter(() => setProcessId(e.target.value))} data-testid="replay-set-process">
            <option value="">all processes</option>
            {processes.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label className="run-field">State
          <select value={state} onChange={(e) => refilter(() => setState(e.target.value as State | ''))} data-testid="replay-set-state">
            <option value="">any</option>
            {instanceStates.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setPicked((p) => new Map([...p, ...items.map((i) => [i.instanceId, i.startedAt] as const)]))} disabled={items.length === 0} data-testid="replay-set-all">Choose all {items.length} on this page</button>
        {total > items.length && <button type="button" onClick={() => void chooseAllMatching()} disabled={busy} data-testid="replay-set-all-matching">Choose all {total.toLocaleString('en-US')} matching</button>}
        {picked.size > 0 && <button type="button" onClick={() => setPicked(new Map())} data-testid="replay-set-none">Clear</button>}
        <button type="button" onClick={() => void load((s) => { setGroup(0); setSet(s); })} disabled={chosen.length === 0 || busy} data-testid="replay-set-play">Play {chosen.length} together</button>
        <button type="button" onClick={() => exportSet('xes')} disabled={chosen.length === 0 || busy} data-testid="replay-set-export-xes">Export XES</button>
        <button type="button" onClick={() => exportSet('ocel')} disabled={chosen.length === 0 || busy} data-testid="replay-set-export-ocel">Export OCEL 2.0</button>
      </div>
      {error && <ApiErrorNote error={error} />}
      {problem && <p className="run-error" role="alert" data-testid="replay-set-problem">{problem}</p>}
      {!set && (
        <>
          <div className="run-actions">
            <span data-testid="replay-set-count">Instances {pageLabel(page, PAGE, total)} · {picked.size.toLocaleString('en-US')} chosen</span>
            <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page <= 1} data-testid="replay-set-prev">‹ Newer</button>
            <span className="run-muted">page {page} of {pages}</span>
            <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages} data-testid="replay-set-next">Older ›</button>
          </div>
          <ul className="replay-set-list">
            {items.map((i) => (
              <li key={i.instanceId}>
                <label className="run-field">
                  <input type="checkbox" checked={picked.has(i.instanceId)} onChange={() => toggle(i.instanceId, i.startedAt)} data-testid="replay-set-item" data-instance-id={i.instanceId} />
                  <span className="run-mono">{i.instanceId}</span> {processId ? '' : `${i.processId} · `}{i.businessKey ?? ''} · {i.state} · {new Date(i.startedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC
                </label>
              </li>
            ))}
            {list && items.length === 0 && !error && <li className="run-muted">No instances{processId ? ` of ${processId}` : ''}{state ? ` that are ${state}` : ''}.</li>}
          </ul>
        </>
      )}
      {set && shown && (
        <>
          <p data-testid="replay-set-summary">
            {set.groups.length > 1 ? `${set.instances} instances of ${set.groups.length} processes; ` : ''}{shown.log.cases.length} instances of {shown.processId}, {shown.log.size} events · <button type="button" onClick={() => setSet(null)}>Choose again</button>
          </p>
          {set.groups.length > 1 && (
            <label className="run-field">Diagram
              <select value={group} onChange={(e) => setGroup(Number(e.target.value))} data-testid="replay-set-diagram">
                {set.groups.map((g, k) => <option key={g.processId} value={k}>{g.processId} v{g.version} ({g.log.cases.length} instances)</option>)}
              </select>
            </label>
          )}
          <ReplayPlayer key={`${shown.processId}:${shown.log.cases.join(',')}`} source={{ log: shown.log, xml: shown.xml, histories: shown.histories, title: `${shown.processId}-instances` }} />
        </>
      )}
    </div>
  );
}
