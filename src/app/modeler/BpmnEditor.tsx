import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorProps } from '../editors/types';
import { useXmlModeler } from '../editors/use-xml-modeler';
import { useProjectFormFields } from '../editors/use-project-form-fields';
import { createBpmnModeler, type BpmnModelerHandle, type LintIssue } from './bpmn-modeler';
import { downloadBlob } from './export-image';
import ProblemsPanel from './ProblemsPanel';
import { DeployDialog } from '../instances/deploy/DeployDialog';
import { onDeployRequest } from '../run/deploy-request';
import { useStudio } from '../state/store';
import '../editors/editors.css';

/**
 * The BPMN editor: Camunda 8 modeler with properties panel, lint + problems panel, a shortcut to the
 * Source tab (the one XML editor), search (Ctrl+F on the canvas), minimap, undo/redo and SVG/PNG export.
 *
 * @example
 * ```tsx
 * const BpmnEditor = lazy(() => import('../modeler/BpmnEditor'));
 * <BpmnEditor fileId="f1" kind="bpmn" content={xml} onChange={save} onError={toast} />
 * ```
 */
export default function BpmnEditor({ fileId, fileName, content, onChange, onError, onImported }: EditorProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const showSource = useStudio((s) => s.setViewMode);
  const [deploying, setDeploying] = useState(false);
  useEffect(() => onDeployRequest(() => setDeploying(true)), []);
  // Start form and user task form fields are variables the panel's FEEL fields complete.
  const formFields = useProjectFormFields(fileId);
  const { handle, importProblem, importWarnings } = useXmlModeler<BpmnModelerHandle>({
    fileId, kind: 'bpmn', content, onChange, onError, onImported,
    create: () => createBpmnModeler({ container: canvasRef.current!, propertiesParent: propertiesRef.current!, scope: { formFields } }),
    attach: (created) => created.onLint(setIssues),
  });

  const getXml = useCallback(async () => {
    if (!handle) throw new Error('the diagram is not loaded yet');
    return handle.saveXML();
  }, [handle]);

  const exportImage = async (format: 'svg' | 'png') => {
    if (!handle) return;
    try {
      const blob = format === 'svg' ? new Blob([await handle.saveSVG()], { type: 'image/svg+xml' }) : await handle.exportPNG(2);
      downloadBlob(`${imageBaseName(fileName ?? fileId)}.${format}`, blob);
    } catch (error) {
      onError?.(`Export failed: ${(error as Error).message}`);
    }
  };

  // What the XML reader could not place is a problem of the file too (it would not survive a save).
  const allIssues = [...readerIssues(importWarnings), ...issues];
  const errors = allIssues.filter((issue) => issue.category === 'error' || issue.category === 'rule-error').length;
  // Notes (info: e.g. "JavaScript is Flowdeck only") are listed in the panel but not counted.
  const warnings = allIssues.filter((issue) => issue.category === 'warn').length;

  return (
    <div className="fd-editor fd-bpmn" data-testid="bpmn-editor">
      <div className="fd-toolbar" role="toolbar" aria-label="Diagram">
        <button type="button" onClick={() => handle?.trigger('undo')} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" onClick={() => handle?.trigger('redo')} title="Redo (Ctrl+Y)">Redo</button>
        <button type="button" onClick={() => handle?.trigger('find')} title="Search (Ctrl+F)" data-testid="bpmn-search">Search</button>
        <span className="fd-toolbar-gap" />
        <button type="button" onClick={() => showSource('source')} title="The file's XML, in the Source tab" data-testid="bpmn-xml-toggle">XML</button>
        <button type="button" onClick={() => exportImage('svg')} data-testid="bpmn-export-svg">Export SVG</button>
        <button type="button" onClick={() => exportImage('png')} data-testid="bpmn-export-png">Export PNG</button>
        <button type="button" onClick={() => setShowProblems((v) => !v)} aria-pressed={showProblems} data-testid="bpmn-problems-toggle">
          Problems <span className="fd-badge fd-badge-error">{errors}</span> <span className="fd-badge fd-badge-warn">{warnings}</span>
        </button>
        <button type="button" onClick={() => setDeploying(true)} disabled={!handle} title="Deploy to the engine (Alt+Shift+D)" data-testid="bpmn-deploy">Deploy</button>
      </div>
      {importProblem && <div role="alert" className="fd-editor-error" data-testid="bpmn-import-error">{importProblem}</div>}
      <div className="fd-editor-body">
        <div className="fd-canvas" ref={canvasRef} data-testid="bpmn-canvas" />
        <div className="fd-properties" ref={propertiesRef} data-testid="bpmn-properties" />
      </div>
      {showProblems && <ProblemsPanel issues={allIssues} onReveal={(id) => handle?.reveal(id)} />}
      {deploying && handle && (
        <DeployDialog fileId={fileId} getXml={getXml} issues={allIssues} onReveal={(id) => handle.reveal(id)} onClose={() => setDeploying(false)} />
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// helpers

/** Reader warnings as problems: rule `xml-reader`, on the element they name when they name one. */
function readerIssues(warnings: string[]): LintIssue[] {
  return warnings.map((message) => ({
    elementId: /<([^>\s]+)>/.exec(message)?.[1] ?? '(file)',
    rule: 'xml-reader',
    message,
    category: 'warn',
  }));
}

/** "Order process.bpmn" → "Order process": exports are named after the file, not its id. */
function imageBaseName(name: string): string {
  return name.replace(/\.(bpmn|xml)$/i, '').replace(/[\\/:*?"<>|]+/g, '_').trim() || 'diagram';
}
