import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import type { SimulationResult } from '../../simulation';
import { duration, round } from './format';

export type HeatMetric = 'count' | 'waiting' | 'cost';

interface Canvas { addMarker(id: string, cls: string): void; removeMarker(id: string, cls: string): void; zoom(mode: string): void }
interface Overlays { add(id: string, type: string, o: { position: Record<string, number>; html: HTMLElement }): string; remove(filter: { type: string }): void }
interface Registry { get(id: string): unknown }

const LEVELS = 5;

/** The value of a metric on one element, and how it is shown. */
function valueOf(e: SimulationResult['elements'][string], m: HeatMetric): number {
  return m === 'count' ? e.count : m === 'waiting' ? e.waitingTime.mean : e.cost.mean;
}
const show = (v: number, m: HeatMetric) => (m === 'waiting' ? duration(v) : round(v));

/**
 * The model drawn read-only with a heatmap of the results: a badge per element (count per
 * replication, mean waiting or mean cost) and a colour from light to dark by its share of the maximum.
 */
export function HeatDiagram({ xml, elements }: { xml: string; elements: SimulationResult['elements'] }) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [loaded, setLoaded] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [metric, setMetric] = useState<HeatMetric>('count');

  useEffect(() => {
    const v = new NavigatedViewer({ container: container.current! });
    viewer.current = v;
    let live = true;
    v.importXML(xml).then(() => {
      (v.get('canvas') as Canvas).zoom('fit-viewport');
      if (live) setLoaded((n) => n + 1);
    }, (error: Error) => live && setProblem(`The diagram cannot be drawn: ${error.message}`));
    return () => {
      live = false;
      v.destroy();
      viewer.current = null;
    };
  }, [xml]);

  useEffect(() => {
    const v = viewer.current;
    if (!v || loaded === 0) return;
    const canvas = v.get('canvas') as Canvas;
    const overlays = v.get('overlays') as Overlays;
    const registry = v.get('elementRegistry') as Registry;
    const entries = Object.entries(elements).filter(([id]) => registry.get(id));
    const max = Math.max(0, ...entries.map(([, e]) => valueOf(e, metric)));
    overlays.remove({ type: 'sim-heat' });
    for (const [id] of entries) for (let l = 0; l <= LEVELS; l++) canvas.removeMarker(id, `sim-heat-${l}`);
    for (const [id, e] of entries) {
      const value = valueOf(e, metric);
      if (value <= 0) continue;
      const level = max > 0 ? Math.max(1, Math.ceil((value / max) * LEVELS)) : 0;
      canvas.addMarker(id, `sim-heat-${level}`);
      const badge = document.createElement('span');
      badge.className = 'run-overlay run-overlay--heat';
      badge.dataset.testid = `sim-heat-${id}`;
      badge.textContent = show(value, metric);
      overlays.add(id, 'sim-heat', { position: { bottom: 8, right: 8 }, html: badge });
    }
  }, [elements, metric, loaded]);

  return (
    <figure className="sim-heat">
      <figcaption className="run-actions">
        Heatmap of
        <div className="segmented" role="tablist" aria-label="Heatmap metric">
          {(['count', 'waiting', 'cost'] as HeatMetric[]).map((m) => (
            <button key={m} type="button" role="tab" aria-selected={metric === m} className={metric === m ? 'is-active' : ''} onClick={() => setMetric(m)} data-testid={`sim-heat-metric-${m}`}>
              {m === 'count' ? 'counts' : m === 'waiting' ? 'waiting' : 'cost'}
            </button>
          ))}
        </div>
      </figcaption>
      {problem && <p className="run-error" role="alert">{problem}</p>}
      <div className="run-diagram"><div ref={container} className="run-diagram__canvas" data-testid="sim-diagram" /></div>
    </figure>
  );
}
