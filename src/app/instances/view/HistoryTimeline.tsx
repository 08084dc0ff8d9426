import type { HistoryEvent } from '../../../engine';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { useEngineQuery } from '../../run/engine';

/** The instance's history events in order, as a timeline (time, what, where). */
export function HistoryTimeline({ instanceId }: { instanceId: string }) {
  const { data, error } = useEngineQuery('history.get', { instanceId }, { instanceId });
  return (
    <section className="run-panel" data-testid="history-panel">
      <h2>History</h2>
      <ApiErrorNote error={error} />
      {data && data.length === 0 && <p className="run-muted">No history recorded.</p>}
      <ol className="run-timeline">
        {(data ?? []).map((event) => {
          const where = whereOf(event);
          return (
            <li key={event.seq} data-testid="history-event" data-type={event.type} data-element-id={'elementId' in event ? event.elementId : ''}>
              <time className="run-muted">{new Date(event.time).toLocaleTimeString()}</time> <strong>{event.type}</strong>{where ? <> · <span className="run-mono">{where}</span></> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The element, flow or variable an event is about, for the timeline line. */
function whereOf(event: HistoryEvent): string | null {
  if (event.type === 'variableSet') return `${event.name} = ${JSON.stringify(event.newValue)}`;
  if (event.type === 'flowTaken') return event.flowId;
  if ('elementId' in event) return event.elementId;
  return null;
}
