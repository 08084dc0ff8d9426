import { useEffect, useMemo, useState } from 'react';
import { historyToLog } from '../../replay/engine-log';
import { formatRoute } from '../routing/routes';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { loadProcessXml } from '../run/deployed-process';
import { useEngineQuery } from '../run/engine';
import { ImportLog } from './ImportLog';
import { ReplayPlayer } from './ReplayPlayer';
import './replay.css';

/** `#/replay/:instanceId` plays an engine instance's history; `#/replay` imports an event log. */
export function ReplayView({ instanceId }: { instanceId?: string }) {
  return (
    <section className="run-view replay-view" data-testid="replay-view">
      <header className="run-view__header">
        <h1>Replay{instanceId && <> · <a className="run-mono" href={formatRoute({ name: 'instance', instanceId })}>{instanceId}</a></>}</h1>
        {instanceId && <a href={formatRoute({ name: 'replay' })}>Import a log instead</a>}
      </header>
      {instanceId ? <InstanceReplay instanceId={instanceId} /> : <ImportLog />}
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
  return <ReplayPlayer source={{ log, xml: xml.xml, history, instanceId, title: `${state.processId} v${state.processVersion}` }} />;
}
