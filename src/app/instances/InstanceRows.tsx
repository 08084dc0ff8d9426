import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { InstanceSummary } from '../../api';
import { formatRoute } from '../routing/routes';

const ROW_HEIGHT = 32;

/**
 * The rows of one page of instances, virtualized (@tanstack/react-virtual, ADR 0090): only the
 * rows in view are in the DOM, so a page of 1,000 costs what 20 do.
 */
export function InstanceRows({ rows }: { rows: InstanceSummary[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div className="run-rows" ref={scroller} data-testid="instance-rows" role="table" aria-rowcount={rows.length}>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((v) => {
          const r = rows[v.index];
          return (
            <a key={r.instanceId} role="row" className="run-row" href={formatRoute({ name: 'instance', instanceId: r.instanceId })}
              data-testid="instance-row" data-instance-id={r.instanceId} data-state={r.state}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}>
              <span role="cell" className="run-mono">{r.instanceId}</span>
              <span role="cell">{r.processId} v{r.processVersion}</span>
              <span role="cell"><span className={`run-state run-state--${r.state}`}>{r.state}</span>{r.incidents > 0 && <span className="run-badge run-badge--error" title="open incidents">{r.incidents} incident{r.incidents === 1 ? '' : 's'}</span>}</span>
              <span role="cell">{r.businessKey ?? '—'}</span>
              <span role="cell">{new Date(r.startedAt).toLocaleString()}</span>
              <span role="cell">{r.endedAt ? new Date(r.endedAt).toLocaleString() : '—'}</span>
            </a>
          );
        })}
      </div>
    </div>
  );
}
