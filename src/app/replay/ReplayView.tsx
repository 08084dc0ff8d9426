import { useEffect, useMemo, useState } from 'react';
import { historyToLog } from '../../replay/engine-log';
import { formatRoute } from '../routing/routes';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { loadProcessXml } from '../run/deployed-process';
import { useEngineQuery } from '../run/engine';
import { type HandedSource, peekHandedSource, releaseHandedSource } from './handoff';
import { ImportLog } from './ImportLog';
import { InstancePicker } from './InstancePicker';
import { ReplayPlayer } from './ReplayPlayer';
import './replay.css';

type Mode = 'import' | 'instances' | 'handed';

/**
 * `#/replay/:instanceId` plays an engine instance's history; `#/replay` imports an event log,
 * plays several engine instances together, or plays what another view handed over (a simulation run).
 */
export function ReplayView({ instanceId }: { instanceId?: string }) {
  const [source] = useState<HandedSource | null>(() => (instanceId ? null : peekHandedSource()));
  useEffect(() => {
    if (source) releaseHandedSource(source);
  }, [source]);
  const [mode, setMode] = useState<Mode>(source ? 'handed' : 'import');
  return (
    <section className="run-view replay-view" data-testid="replay-view">
      <header className="run-view__header">
        <h1>Replay{instanceId && <> · <a className="run-mono" href={formatRoute({ name: 'instance', instanceId })}>{instanceId}</a></>}</h1>
        {instanceId && <a href={formatRoute({ name: 'replay' })}>Import a log or play several instances instead</a>}
        {!instanceId && (
          <div className="run-actions" role="group" aria-label="What to play">
            {source && <button type="button" aria-pressed={mode === 'handed'} onClick={() => setMode('handed')} data-testid="replay-mode-handed">{source.title}</button>}
            <button type="button" aria-pressed={mode === 'import'} onClick={() => setMode('import')} data-testid="replay-mode-import">Import a log</button>
            <button type="button" aria-pressed={mode === 'instances'} onClick={() => setMode('instances')} data-testid="replay-mode-instances">Engine instances</button>
          </div>
        )}
      </header>
      {instanceId ? <InstanceReplay instanceId={instanceId} /> : mode === 'instances' ? <InstancePicker /> : mode === 'handed' && source ? (
        <>
          <p data-testid="replay-handed-summary">{source.title}: {source.log.cases.length} cases, {source.log.size} events</p>
          <ReplayPlayer source={source} />
        </>
      ) : <ImportLog />}
    </section>
  );
}

function InstanceReplay({ instanceId }: { instanceId: string }) {
  const { data: state, error } = useEngineQuery('instances.get', { instanceId }, { instanceId });
  const { data: history } = useEngineQuery('history.get', { instanceId }, { instanceId });
  const [xml, setXml] = useState<{ xml: string } | { problem: string } | null>(null);
  const processId = state?.processId;
  const version = state?.processVersion;
  useEffect(() => {
    if (!processId) return;
    void loadProcessXml(processId, version).then((r) => setXml(r.ok ? { xml: r.xml } : { problem: r.message }));
  }, [processId, version]);
  // The log is made once per history length, so a live instance's new events extend the replay.
  const log = useMemo(() => (history ? historyToLog([history], { name: instanceId }) : null), [history, instanceId]);
  if (error && !state) return <ApiErrorNote error={error} />;
  if (!state || !history || !log || !xml) return <p className="run-muted">Loading the history…</p>;
  if ('problem' in xml) return <p className="run-error" role="alert">{xml.problem}</p>;
  return <ReplayPlayer source={{ log, xml: xml.xml, history, instanceId, title: `${state.processId}-${instanceId}` }} />;
}
