import { heatColour } from '../../replay';
import { legendLabel, METRICS, type HeatMetric } from './heat-badges';

/** The heatmap's choices (figure, whole log or the part played) and its legend with the scale. */
export function HeatmapPanel({ metric, onMetric, windowed, onWindowed, min, max }: {
  metric: HeatMetric;
  onMetric(m: HeatMetric): void;
  windowed: boolean;
  onWindowed(w: boolean): void;
  min: number;
  max: number;
}) {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((x) => heatColour(min + (max - min) * x, min, max));
  return (
    <div className="run-panel replay-heatmap" data-testid="replay-heatmap">
      <h2>Heatmap</h2>
      <div className="run-actions">
        <label className="run-field">
          Show
          <select value={metric} onChange={(e) => onMetric(e.target.value as HeatMetric)} data-testid="replay-heat-metric">
            {METRICS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          </select>
        </label>
        <label className="run-field">
          Over
          <select value={windowed ? 'played' : 'all'} onChange={(e) => onWindowed(e.target.value === 'played')} data-testid="replay-heat-window">
            <option value="all">the whole log</option>
            <option value="played">what is played so far</option>
          </select>
        </label>
      </div>
      <div className="replay-legend" data-testid="replay-legend" aria-label={`scale from ${legendLabel(metric, min)} to ${legendLabel(metric, max)}`}>
        <span>{legendLabel(metric, min)}</span>
        <span className="replay-legend__bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
        <span>{legendLabel(metric, max)}</span>
      </div>
    </div>
  );
}
