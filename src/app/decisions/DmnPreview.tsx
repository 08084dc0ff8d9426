import { useEffect, useRef, useState } from 'react';
import { formatXmlProblem, toXmlProblem } from '../modeler/xml-problem';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '../editors/editors.css';

interface DmnViewerLike {
  importXML(xml: string): Promise<unknown>;
  getViews(): { type: string; element: { id: string; name?: string } }[];
  open(view: unknown): Promise<unknown>;
  destroy(): void;
}

/**
 * A read-only decision model (dmn-js NavigatedViewer) of DMN text, e.g. an old version: its DRD first,
 * with a tab per decision table or literal expression, as in the editor, without editing.
 *
 * @example
 * ```tsx
 * const DmnPreview = lazy(() => import('../decisions/DmnPreview'));
 * <DmnPreview xml={version.content} label="Version 3" />
 * ```
 */
export default function DmnPreview({ xml, label }: { xml: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<DmnViewerLike | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [views, setViews] = useState<ReturnType<DmnViewerLike['getViews']>>([]);

  useEffect(() => {
    let viewer: DmnViewerLike | undefined;
    let cancelled = false;
    void (async () => {
      const { default: NavigatedViewer } = await import('dmn-js/lib/NavigatedViewer');
      if (cancelled || !container.current) return;
      viewer = new NavigatedViewer({ container: container.current }) as unknown as DmnViewerLike;
      viewerRef.current = viewer;
      try {
        await viewer.importXML(xml);
        if (!cancelled) {
          setViews(viewer.getViews());
          setProblem(null);
        }
      } catch (error) {
        if (!cancelled) setProblem(`The decisions cannot be shown: ${formatXmlProblem(toXmlProblem(error))}`);
      }
    })();
    return () => {
      cancelled = true;
      viewerRef.current = null;
      viewer?.destroy();
    };
  }, [xml]);

  return (
    <div className="fd-preview" data-testid="dmn-preview" aria-label={label}>
      {problem && <div role="alert" className="fd-editor-error">{problem}</div>}
      {views.length > 1 && (
        <div className="fd-tabs" role="tablist" aria-label="DMN views">
          {views.map((view) => (
            <button key={`${view.type}:${view.element.id}`} type="button" role="tab" onClick={() => void viewerRef.current?.open(view)} data-testid={`dmn-preview-view-${view.element.id}`}>
              {view.type === 'drd' ? 'Diagram' : (view.element.name ?? view.element.id)}
            </button>
          ))}
        </div>
      )}
      <div className="fd-preview-canvas" ref={container} />
    </div>
  );
}
