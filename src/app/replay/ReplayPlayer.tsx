import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEvent } from '../../engine';
import { buildIndex, flowLookup, heatmap, isEngineLog, matchActivities, Player, readDiagramModel, type EventLog } from '../../replay';
import { variablesAt } from '../../replay/variables';
import { exportLog } from './export-log';
import { ForkPanel } from './ForkPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { heatBadges, type HeatMetric } from './heat-badges';
import { nextTime } from './playback';
import { ReplayDiagram } from './ReplayDiagram';
import { Timeline, type TimelineMark } from './Timeline';
import type { TokenLayer } from './token-layer';
import { VariablesAtEvent } from './VariablesAtEvent';

/** What the player plays: a log on a diagram; for an engine instance also its history (variables, fork). */
export interface ReplaySource {
  log: EventLog;
  xml: string;
  /** One engine instance: the history the log was made from, and the instance (fork). */
  history?: readonly HistoryEvent[];
  instanceId?: string;
  /** Several engine instances played together: each case's history by instance id (the case id). */
  histories?: ReadonlyMap<string, readonly HistoryEvent[]>;
  title: string;
}

const MARK_TYPES: Record<string, TimelineMark['kind']> = { incidentRaised: 'incident', incidentResolved: 'incident', taskCreated: 'task', taskAssigned: 'task', taskCompleted: 'task' };

/**
 * The replay player: diagram with tokens, path and counts; timeline; heatmap; for engine
 * instances the variables at the current event and the fork. Keyboard: space plays or pauses,
 * ← / → step to the previous / next event.
 */
export function ReplayPlayer({ source }: { source: ReplaySource }) {
  const { log, xml } = source;
  const [relative, setRelative] = useState(false);
  const model = useMemo(() => readDiagramModel(xml), [xml]);
  const matching = useMemo(() => matchActivities(log, model), [log, model]);
  const engine = useMemo(() => isEngineLog(log), [log]);
  const elementOf = useMemo(() => log.activities.map((a, i) => (engine ? a : matching.nodeOf[i] >= 0 ? model.nodes[matching.nodeOf[i]].id : null)), [log, engine, matching, model]);
  const index = useMemo(() => buildIndex(log, { relative, flowBetween: engine ? undefined : flowLookup(model, matching.nodeOf) }), [log, relative, engine, model, matching]);
  const player = useMemo(() => new Player(index), [index]);
  const [time, setTime] = useState(index.start);
  const [position, setPosition] = useState(-1);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [metric, setMetric] = useState<HeatMetric>('frequency');
  const [windowed, setWindowed] = useState(false);
  const [heatOn, setHeatOn] = useState(!engine);
  const [forking, setForking] = useState(false);
  const layer = useRef<TokenLayer | null>(null);
  const now = useRef(index.start);

  /** Draws the frame at `t`; the controls (React) follow only when `ui` (while playing: ~10 times a second). */
  const show = useCallback((t: number, pos?: number, ui = true) => {
    now.current = t;
    const f = player.advance(t);
    layer.current?.draw(f);
    if (!ui) return;
    setTime(t);
    setPosition(pos ?? f.events - 1);
  }, [player]);

  useEffect(() => show(index.start), [index, show]);

  const onLayer = useCallback((l: TokenLayer | null) => {
    layer.current = l;
    l?.draw(player.current);
  }, [player]);

  // Playing: one frame per animation frame, time moved by the wall time since the last one.
  useEffect(() => {
    if (!playing) {
      show(now.current);
      return;
    }
    let last = performance.now();
    let shown = last;
    let raf = requestAnimationFrame(function tick(at) {
      const t = nextTime(now.current, at - last, speed, index.start, index.end);
      last = at;
      const ui = at - shown >= 100 || t >= index.end;
      if (ui) shown = at;
      show(t, undefined, ui);
      if (t >= index.end) setPlaying(false);
      else raf = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, index, show]);

  const jump = useCallback((pos: number) => {
    const p = Math.max(0, Math.min(index.order.length - 1, pos));
    setPlaying(false);
    show(index.timeOf[index.order[p]], p);
  }, [index, show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || e.altKey || e.ctrlKey || e.metaKey)) return;
      if (e.key === ' ') setPlaying((p) => (now.current >= index.end ? (show(index.start), true) : !p));
      else if (e.key === 'ArrowRight') jump(position + 1);
      else if (e.key === 'ArrowLeft') jump(position - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, jump, position, show]);

  const marks = useMemo(() => {
    const out: TimelineMark[] = [];
    for (let p = 0; p < index.order.length && out.length < 500; p++) {
      const i = index.order[p];
      const type = log.attributes.get(i)?.['flowdeck:type'];
      const kind = typeof type === 'string' ? MARK_TYPES[type] : undefined;
      if (kind) out.push({ time: index.timeOf[i], position: p, kind, label: `${type} ${log.activities[log.activityOf[i]]}` });
    }
    return out;
  }, [index, log]);

  // The heatmap changes with the window only when "played so far" is chosen; recomputed per second of log time at most.
  const heatTime = windowed ? Math.round(time / 1000) * 1000 : index.end;
  const heat = useMemo(() => {
    if (!heatOn) return { badges: [], min: 0, max: 0 };
    const h = heatmap(index, windowed ? { from: index.start, to: heatTime } : undefined);
    return heatBadges(h, metric, (a) => elementOf[log.activities.indexOf(a)] ?? null);
  }, [heatOn, index, windowed, heatTime, metric, elementOf, log]);

  const current = position >= 0 ? index.order[position] : -1;
  const seq = current >= 0 ? Number(log.attributes.get(current)?.['flowdeck:seq'] ?? 0) : 0;
  // With several instances, the variables and the fork are those of the current event's instance.
  const currentCase = current >= 0 ? log.cases[log.caseOf[current]] : undefined;
  const activeInstance = source.histories ? currentCase : source.instanceId;
  const history = source.histories ? (currentCase === undefined ? undefined : source.histories.get(currentCase)) : source.history;

  return (
    <div className="replay-player" data-testid="replay-player" data-position={position} data-seq={seq} data-cases={log.cases.length} data-instance-id={activeInstance}>
      <div className="run-actions">
        <label className="run-field"><input type="checkbox" checked={heatOn} onChange={(e) => setHeatOn(e.target.checked)} data-testid="replay-heat-toggle" /> Heatmap</label>
        {log.cases.length > 1 && (
          <label className="run-field"><input type="checkbox" checked={relative} onChange={(e) => setRelative(e.target.checked)} data-testid="replay-relative" /> Relative time (every case from 0)</label>
        )}
        <button type="button" onClick={() => exportLog(log, 'xes', source.title)} data-testid="replay-export-xes" title="Save as XES (IEEE 1849)">Export XES</button>
        <button type="button" onClick={() => exportLog(log, 'ocel', source.title)} data-testid="replay-export-ocel" title="Save as OCEL 2.0 JSON">Export OCEL 2.0</button>
        {history && activeInstance && seq > 0 && (
          <button type="button" onClick={() => setForking(true)} data-testid="replay-fork-open" title="Start a new instance from the state at this event">Fork here…</button>
        )}
      </div>
      <ReplayDiagram xml={xml} index={index} elementOf={elementOf} heat={heat.badges} onLayer={onLayer} />
      <Timeline
        index={index} time={time} playing={playing} speed={speed} position={position} marks={marks}
        onSeek={(t) => { setPlaying(false); show(t); }} onPlay={(p) => { if (p && now.current >= index.end) show(index.start); setPlaying(p); }}
        onSpeed={setSpeed} onStep={(d) => jump(position + d)} onJump={jump}
      />
      {forking && history && activeInstance && (
        <ForkPanel instanceId={activeInstance} seq={seq} variables={variablesAt(history, seq).process ?? {}} onClose={() => setForking(false)} />
      )}
      <div className="run-columns">
        {history && seq > 0 && <VariablesAtEvent key={activeInstance} history={history} seq={seq} />}
        {heatOn && <HeatmapPanel metric={metric} onMetric={setMetric} windowed={windowed} onWindowed={setWindowed} min={heat.min} max={heat.max} />}
        {matching.unmatched.length > 0 && !engine && (
          <div className="run-panel" data-testid="replay-unmatched">
            <h2>Not on the diagram</h2>
            <p>{matching.unmatchedEvents} event{matching.unmatchedEvents === 1 ? '' : 's'} of {matching.unmatched.length} activit{matching.unmatched.length === 1 ? 'y' : 'ies'} match no element:</p>
            <ul>{matching.unmatched.map((a) => <li key={a} className="run-mono">{a}</li>)}</ul>
          </div>
        )}
      </div>
    </div>
  );
}
