import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import { loadProcessXml } from './deployed-process';

/** A badge on an element: token counts, incidents, heat. */
export interface DiagramBadge {
  elementId: string;
  label: string;
  tone: 'active' | 'incident' | 'heat';
  title?: string;
}

/** A CSS class on an element's shape (`run-completed`, `run-heat-3`...). */
export interface DiagramMarker {
  elementId: string;
  className: string;
}

interface Canvas { addMarker(id: string, cls: string): void; removeMarker(id: string, cls: string): void; zoom(mode: string): void }
interface Overlays { add(id: string, type: string, o: { position: Record<string, number>; html: HTMLElement }): string; remove(filter: { type: string }): void }
interface Registry { get(id: string): unknown }
interface EventBus { on(event: string, fn: (e: { element: { id: string; type: string; parent?: unknown } }) => void): void }

/**
 * A deployed process version drawn read-only (bpmn-js NavigatedViewer: pan and zoom), with badges
 * and markers laid over it. Elements the badges name that the diagram lacks are skipped.
 * `onElementClick` hears the id of a clicked element (null: the canvas itself).
 */
export function DiagramView({ processId, version, badges, markers, onElementClick }: { processId: string; version?: number; badges: DiagramBadge[]; markers: DiagramMarker[]; onElementClick?: (elementId: string | null) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const clicked = useRef(onElementClick);
  clicked.current = onElementClick;
  const viewer = useRef<NavigatedViewer | null>(null);
  const [loaded, setLoaded] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const v = new NavigatedViewer({ container: container.current! });
    viewer.current = v;
    (v.get('eventBus') as EventBus).on('element.click', (e) => clicked.current?.(e.element.parent ? e.element.id : null));
    let live = true;
    void loadProcessXml(processId, version).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setProblem(r.message);
      try {
        await v.importXML(r.xml);
        (v.get('canvas') as Canvas).zoom('fit-viewport');
        if (live) setLoaded((n) => n + 1);
      } catch (error) {
        if (live) setProblem(`The diagram cannot be drawn: ${(error as Error).message}`);
      }
    });
    return () => {
      live = false;
      v.destroy();
      viewer.current = null;
    };
  }, [processId, version]);

  useEffect(() => {
    const v = viewer.current;
    if (!v || loaded === 0) return;
    const canvas = v.get('canvas') as Canvas;
    const overlays = v.get('overlays') as Overlays;
    const registry = v.get('elementRegistry') as Registry;
    overlays.remove({ type: 'run' });
    for (const b of badges) {
      if (!registry.get(b.elementId)) continue;
      const html = document.createElement('span');
      html.className = `run-overlay run-overlay--${b.tone}`;
      html.textContent = b.label;
      html.dataset.testid = 'diagram-badge';
      html.dataset.elementId = b.elementId;
      html.dataset.tone = b.tone;
      if (b.title) html.title = b.title;
      overlays.add(b.elementId, 'run', { position: b.tone === 'incident' ? { top: -10, right: 10 } : { bottom: 10, left: -10 }, html });
    }
    const applied = markers.filter((m) => registry.get(m.elementId));
    for (const m of applied) canvas.addMarker(m.elementId, m.className);
    return () => {
      for (const m of applied) canvas.removeMarker(m.elementId, m.className);
    };
  }, [badges, markers, loaded]);

  return (
    <div className="run-diagram" data-testid="instance-diagram" data-loaded={loaded > 0}>
      <div className="run-diagram__canvas" ref={container} />
      {problem && <p className="run-error" role="alert">{problem}</p>}
    </div>
  );
}
