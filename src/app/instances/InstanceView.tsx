import { useMemo, useState } from 'react';
import type { InstanceState } from '../../engine';
import { formatRoute } from '../routing/routes';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { DiagramView, type DiagramBadge, type DiagramMarker } from '../run/DiagramView';
import { useEngineQuery } from '../run/engine';
import { marksOf } from './diagram-marks';
import { AuditPanel } from './view/AuditPanel';
import { DecisionsPanel } from './view/DecisionsPanel';
import { HistoryTimeline } from './view/HistoryTimeline';
import { InstanceActions } from './view/InstanceActions';
import { VariablesPanel } from './view/VariablesPanel';
import { WaitsPanel } from './view/WaitsPanel';

/** One instance: its diagram with tokens, path and incidents, variables, waits, history; live. */
export function InstanceView({ instanceId }: { instanceId: string }) {
  const { data: state, error } = useEngineQuery('instances.get', { instanceId }, { instanceId });
  if (error && !state) {
    return (
      <section className="run-view" data-testid="instance-view" data-missing>
        <ApiErrorNote error={error} />
        <a href={formatRoute({ name: 'instances' })}>All instances</a>
      </section>
    );
  }
  if (!state) return null;
  return <InstanceDetails state={state} />;
}

function InstanceDetails({ state }: { state: InstanceState }) {
  const shown = state.status === 'active' && state.suspended ? 'suspended' : state.status;
  const [picked, setPicked] = useState<string | null>(null);
  const { badges, markers } = useMemo(() => overlaysOf(state), [state]);
  return (
    <section className="run-view" data-testid="instance-view" data-instance-id={state.instanceId} data-state={shown}>
      <header className="run-view__header">
        <h1>
          <a href={formatRoute({ name: 'instances', processId: state.processId })}>{state.processId} v{state.processVersion}</a> · <span className="run-mono">{state.instanceId}</span>
        </h1>
        <span className={`run-state run-state--${shown}`} data-testid="instance-state">{shown}</span>
        {state.businessKey && <span className="run-muted">business key {state.businessKey}</span>}
        <span className="run-muted">started {new Date(state.startedAt).toLocaleString()}{state.endedAt ? ` · ended ${new Date(state.endedAt).toLocaleString()}` : ''}</span>
        <a className="run-button" href={formatRoute({ name: 'replay', instanceId: state.instanceId })} data-testid="instance-replay">Replay</a>
        <InstanceActions instanceId={state.instanceId} state={shown} />
      </header>
      <DiagramView processId={state.processId} version={state.processVersion} badges={badges} markers={markers} onElementClick={setPicked} />
      <div className="run-columns">
        <DecisionsPanel instanceId={state.instanceId} elementId={picked} onElement={setPicked} />
        <WaitsPanel state={state} />
        <VariablesPanel state={state} />
        <HistoryTimeline instanceId={state.instanceId} />
        <AuditPanel instanceId={state.instanceId} />
      </div>
    </section>
  );
}

function overlaysOf(state: InstanceState): { badges: DiagramBadge[]; markers: DiagramMarker[] } {
  const badges: DiagramBadge[] = [];
  const markers: DiagramMarker[] = [];
  for (const m of marksOf(state)) {
    if (m.active > 0) {
      badges.push({ elementId: m.elementId, label: String(m.active), tone: 'active', title: `${m.active} active token${m.active === 1 ? '' : 's'}` });
      markers.push({ elementId: m.elementId, className: 'run-active' });
    }
    if (m.incidents > 0) badges.push({ elementId: m.elementId, label: `⚠ ${m.incidents}`, tone: 'incident', title: `${m.incidents} open incident${m.incidents === 1 ? '' : 's'}` });
    if (m.completed > 0) markers.push({ elementId: m.elementId, className: 'run-completed' });
  }
  return { badges, markers };
}
