import { useMemo, useState } from 'react';
import type { ElementStats, InstanceCounts } from '../../api';
import { formatRoute } from '../routing/routes';
import { navigate } from '../routing/useRoute';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { BarChart } from '../run/BarChart';
import { useEngineQuery } from '../run/engine';
import { DiagramView, type DiagramBadge, type DiagramMarker } from '../run/DiagramView';
import { durationHistogram, formatMs, heatLevels, stateRows } from './dashboard-figures';
import { TimelineChart } from './TimelineChart';

const STATE_COLORS = { active: '#2563eb', suspended: '#d97706', completed: '#16a34a', canceled: '#6b7280' } as const;

/** Figures of one process (and version): instances by state, duration distribution, element heatmap on the diagram. */
export function DashboardView({ processId }: { processId?: string }) {
  const counts = useEngineQuery('stats.instances', {});
  const processIds = [...new Set((counts.data ?? []).map((c) => c.processId))];
  const chosen = processId ?? processIds[0];
  return (
    <section className="run-view" data-testid="dashboard-view">
      <header className="run-view__header">
        <h1>Dashboard</h1>
        <select data-testid="dashboard-process" value={chosen ?? ''} onChange={(e) => navigate({ name: 'dashboard', processId: e.target.value })}>
          {processIds.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      </header>
      <ApiErrorNote error={counts.error} />
      {counts.data && processIds.length === 0 && <p className="run-empty" data-testid="dashboard-empty">Nothing has run yet: deploy a process and start instances to see figures here.</p>}
      {chosen && counts.data && <ProcessFigures key={chosen} processId={chosen} counts={stateRows(counts.data, chosen)} />}
    </section>
  );
}

function ProcessFigures({ processId, counts }: { processId: string; counts: InstanceCounts[] }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const elements = useEngineQuery('stats.elements', { processId, ...(version ? { version } : {}) });
  const timeline = useEngineQuery('stats.timeline', { processId, ...(version ? { version } : {}), buckets: 24 });
  const ended = useEngineQuery('instances.list', { processId, ...(version ? { version } : {}), state: 'completed', pageSize: 1000, sortBy: 'endedAt', order: 'desc' });
  const byState = useMemo(() => ({
    labels: counts.map((c) => `v${c.version}`),
    series: (['active', 'suspended', 'completed', 'canceled'] as const).map((s) => ({ label: s, values: counts.map((c) => c[s]), color: STATE_COLORS[s] })),
  }), [counts]);
  const histogram = useMemo(() => durationHistogram(ended.data?.items ?? []), [ended.data]);
  const durations = useMemo(() => ({
    labels: histogram.map((b) => `${formatMs(b.fromMs)}–${formatMs(b.toMs)}`),
    series: [{ label: 'completed instances', values: histogram.map((b) => b.count), color: '#16a34a' }],
  }), [histogram]);
  const heat = useMemo(() => heatOverlays(elements.data ?? []), [elements.data]);

  return (
    <>
      <div className="run-actions">
        <label className="run-field">Version
          <select data-testid="dashboard-version" value={version ?? ''} onChange={(e) => setVersion(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">all</option>
            {counts.map((c) => <option key={c.version} value={c.version}>v{c.version}</option>)}
          </select>
        </label>
        <a href={formatRoute({ name: 'instances', processId })}>instances of {processId}</a>
      </div>
      <div className="run-charts">
        <BarChart title="Instances by state, per version" labels={byState.labels} series={byState.series} stacked testId="chart-states" />
        {histogram.length > 0
          ? <BarChart title={`Duration of completed instances${ended.data && ended.data.total > ended.data.items.length ? ` (latest ${ended.data.items.length} of ${ended.data.total})` : ''}`} labels={durations.labels} series={durations.series} testId="chart-durations" />
          : <p className="run-muted" data-testid="chart-durations-empty">No completed instance yet: no durations.</p>}
        {timeline.data && timeline.data.buckets.length > 0 && <TimelineChart timeline={timeline.data} testId="chart-timeline" />}
      </div>
      <ApiErrorNote error={timeline.error} />
      <ApiErrorNote error={elements.error} />
      <h2>Elements: tokens passed (heat), mean and p95 duration</h2>
      <DiagramView processId={processId} version={version} badges={heat.badges} markers={heat.markers} />
    </>
  );
}

function heatOverlays(stats: ElementStats[]): { badges: DiagramBadge[]; markers: DiagramMarker[] } {
  const byId = new Map(stats.map((s) => [s.elementId, s]));
  const badges: DiagramBadge[] = [];
  const markers: DiagramMarker[] = [];
  for (const h of heatLevels(stats)) {
    const s = byId.get(h.elementId)!;
    const time = s.meanDurationMs !== null ? ` · mean ${formatMs(s.meanDurationMs)}, p95 ${formatMs(s.p95DurationMs ?? 0)}` : '';
    badges.push({ elementId: h.elementId, label: String(h.count), tone: 'heat', title: `${s.completed} completed, ${s.active} active, ${s.incidents} incidents${time}` });
    markers.push({ elementId: h.elementId, className: `run-heat-${h.level}` });
  }
  return { badges, markers };
}
