import { useCallback, useRef, useState } from 'react';
import type { EditorProps } from '../editors/types';
import { useXmlModeler } from '../editors/use-xml-modeler';
import { ReaderWarnings } from '../editors/ReaderWarnings';
import { createDmnModeler, viewLabel, type DmnModelerHandle, type DmnView } from './dmn-modeler';
import { useStudio } from '../state/store';
import { EvaluatePanel } from './EvaluatePanel';
import { FeelProblems, useFeelProblems } from './FeelProblems';
import './decisions.css';
import '../editors/editors.css';

/**
 * The DMN editor: dmn-js with a tab per view (DRD, each decision table / literal expression) and
 * a shortcut to the Source tab (the one XML editor).
 *
 * @example
 * ```tsx
 * const DmnEditor = lazy(() => import('../decisions/DmnEditor'));
 * <DmnEditor fileId="d1" kind="dmn" content={xml} onChange={save} />
 * ```
 */
export default function DmnEditor({ fileId, fileName, content, onChange, onError, onImported }: EditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const [views, setViews] = useState<{ all: DmnView[]; active?: DmnView }>({ all: [] });
  const showSource = useStudio((s) => s.setViewMode);
  const { handle, importProblem, importWarnings } = useXmlModeler<DmnModelerHandle>({
    fileId, kind: 'dmn', content, onChange, onError, onImported,
    create: () => createDmnModeler({ container: containerRef.current!, propertiesParent: propertiesRef.current! }),
    attach: (created) => created.onViews((all, active) => setViews({ all, ...(active ? { active } : {}) })),
  });
  const [evaluating, setEvaluating] = useState(false);
  const [highlight, setHighlight] = useState('');
  const problems = useFeelProblems(content);
  const [showProblems, setShowProblems] = useState(true);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const getXml = useCallback(async () => (handle ? handle.saveXML() : content), [handle, content]);
  const openDecision = useCallback((id: string) => {
    const view = views.all.find((v) => v.element.id === id && v.type !== 'drd');
    if (view) void handle?.open(view);
  }, [handle, views.all]);

  return (
    <div className="fd-editor fd-dmn" data-testid="dmn-editor">
      <div className="fd-toolbar">
        <div className="fd-tabs" role="tablist" aria-label="DMN views">
          {views.all.map((view) => (
            <button
              key={`${view.type}:${view.element.id}`}
              type="button"
              role="tab"
              aria-selected={view === views.active || (view.element.id === views.active?.element.id && view.type === views.active?.type)}
              onClick={() => handle?.open(view)}
              data-testid={`dmn-view-${view.type}`}
            >
              {viewLabel(view)}
            </button>
          ))}
        </div>
        <span className="fd-toolbar-gap" />
        <button type="button" aria-pressed={showProblems && problems.length > 0} disabled={problems.length === 0} onClick={() => setShowProblems(!showProblems)}
          title="FEEL in every cell and expression, checked by Flowdeck's FEEL parser" data-testid="dmn-feel-status" className={errors > 0 ? 'fd-feel-bad' : undefined}>
          {problems.length === 0 ? 'FEEL ✓' : `FEEL: ${problems.length} problem${problems.length === 1 ? '' : 's'}`}
        </button>
        <button type="button" aria-pressed={evaluating} onClick={() => { setEvaluating(!evaluating); setHighlight(''); }} title="Evaluate decisions and run decision tests" data-testid="dmn-evaluate-toggle">
          Evaluate
        </button>
        <button type="button" onClick={() => showSource('source')} title="The file's XML, in the Source tab" data-testid="dmn-xml-toggle">
          XML
        </button>
      </div>
      {importProblem && <div role="alert" className="fd-editor-error">{importProblem}</div>}
      {importWarnings.length > 0 && <ReaderWarnings warnings={importWarnings} />}
      <FeelProblems problems={problems} open={showProblems} openDecision={openDecision} />
      <div className="fd-editor-body">
        <div className="fd-canvas fd-dmn-container" ref={containerRef} data-testid="dmn-container" />
        {/* dmn-js shows the panel for the DRD only; in a table view it stays empty, and hidden. */}
        <div className="fd-properties fd-dmn-properties" ref={propertiesRef} data-testid="dmn-properties" hidden={evaluating || (views.active !== undefined && views.active.type !== 'drd')} />
        {evaluating && <EvaluatePanel fileId={fileId} getXml={getXml} fileName={fileName ?? 'decisions'} openDecision={openDecision} highlight={setHighlight} />}
      </div>
      {/* Matched and chosen rules of the last evaluation, as CSS over dmn-js' rows (see evaluation.ts). */}
      {evaluating && highlight && <style data-testid="dmn-rule-highlight">{highlight}</style>}
    </div>
  );
}
