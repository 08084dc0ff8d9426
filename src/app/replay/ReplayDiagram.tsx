import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import type { ReplayIndex } from '../../replay';
import { TokenLayer, type ViewerParts } from './token-layer';

/** A value drawn on an element for the heatmap. */
export interface HeatBadge {
  elementId: string;
  label: string;
  colour: string;
  title: string;
}

interface Overlays { add(id: string, type: string, o: { position: Record<string, number>; html: HTMLElement }): string; remove(filter: { type: string }): void }
interface EventBus { on(event: string, fn: () => void): void }

/**
 * The diagram of the replay: bpmn-js NavigatedViewer (pan, zoom) with the token canvas over it
 * and heatmap badges on the elements. Hands the {@link TokenLayer} to `onLayer` once drawn.
 */
export function ReplayDiagram({ xml, index, elementOf, heat, onLayer }: {
  xml: string;
  index: ReplayIndex;
  elementOf: ReadonlyArray<string | null>;
  heat: HeatBadge[];
  onLayer(layer: TokenLayer | null): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const tokens = useRef<HTMLCanvasElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const v = new NavigatedViewer({ container: container.current! });
    viewer.current = v;
    let live = true;
    let layer: TokenLayer | null = null;
    void v.importXML(xml).then(
      () => {
        if (!live) return;
        (v.get('canvas') as { zoom(m: string): void }).zoom('fit-viewport');
        layer = new TokenLayer(tokens.current!, { canvas: v.get('canvas'), elementRegistry: v.get('elementRegistry') } as ViewerParts, index, elementOf);
        (v.get('eventBus') as EventBus).on('canvas.viewbox.changed', () => layer?.draw());
        setLoaded(true);
        onLayer(layer);
      },
      (error: Error) => live && setProblem(`The diagram cannot be drawn: ${error.message}`),
    );
    return () => {
      live = false;
      layer?.dispose();
      onLayer(null);
      v.destroy();
      viewer.current = null;
    };
  }, [xml, index, elementOf, onLayer]);

  useEffect(() => {
    const v = viewer.current;
    if (!v || !loaded) return;
    const overlays = v.get('overlays') as Overlays;
    const registry = v.get('elementRegistry') as { get(id: string): unknown };
    overlays.remove({ type: 'replay-heat' });
    for (const b of heat) {
      if (!registry.get(b.elementId)) continue;
      const html = document.createElement('span');
      html.className = 'replay-heat';
      html.style.background = b.colour;
      html.textContent = b.label;
      html.title = b.title;
      html.dataset.testid = 'heat-badge';
      html.dataset.elementId = b.elementId;
      overlays.add(b.elementId, 'replay-heat', { position: { bottom: 12, left: -12 }, html });
    }
  }, [heat, loaded]);

  return (
    <div className="run-diagram replay-diagram" data-testid="replay-diagram" data-loaded={loaded}>
      <div className="run-diagram__canvas" ref={container} />
      <canvas className="replay-tokens" ref={tokens} data-testid="replay-tokens" role="img" />
      {problem && <p className="run-error" role="alert">{problem}</p>}
    </div>
  );
}
