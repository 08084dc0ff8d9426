import { useEffect, useRef, useState } from 'react';
import { repairForCanvas } from './auto-layout';
import { formatXmlProblem, toXmlProblem } from './xml-problem';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '../editors/editors.css';

/**
 * A read-only diagram (bpmn-js NavigatedViewer: pan and zoom, no editing) of BPMN text, e.g. an
 * old version: people recognise a process by its picture, not by its XML. Files without a diagram
 * are laid out first, as the editor does.
 *
 * @example
 * ```tsx
 * const BpmnPreview = lazy(() => import('../modeler/BpmnPreview'));
 * <BpmnPreview xml={version.content} label="Version 3" />
 * ```
 */
export default function BpmnPreview({ xml, label }: { xml: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let viewer: { importXML(xml: string): Promise<unknown>; destroy(): void; get(name: string): unknown } | undefined;
    let cancelled = false;
    void (async () => {
      const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
      if (cancelled || !container.current) return;
      viewer = new NavigatedViewer({ container: container.current }) as unknown as typeof viewer;
      try {
        const { xml: repaired } = await repairForCanvas(xml);
        await viewer!.importXML(repaired);
        (viewer!.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        setProblem(null);
      } catch (error) {
        setProblem(`The diagram cannot be shown: ${formatXmlProblem(toXmlProblem(error))}`);
      }
    })();
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [xml]);

  return (
    <div className="fd-preview" data-testid="bpmn-preview" aria-label={label}>
      {problem && <div role="alert" className="fd-editor-error">{problem}</div>}
      <div className="fd-preview-canvas" ref={container} />
    </div>
  );
}
