import { useCallback, useRef, useState } from 'react';
import MonacoEditor from './MonacoEditor';
import type { Monaco } from './monaco';

export interface XmlProblemLike {
  message: string;
  line?: number;
  column?: number;
}

export interface XmlViewProps {
  /** The document as the diagram currently stands. */
  xml: string;
  /** Applies edited XML to the diagram; resolves to a problem to show, or null on success. */
  onApply(xml: string): Promise<XmlProblemLike | null>;
  onClose(): void;
}

type CodeEditor = Parameters<NonNullable<Parameters<typeof MonacoEditor>[0]['onReady']>>[0];

/**
 * Editable XML of a diagram. "Apply" re-imports it; a parse error is shown with its line and
 * marked in the editor, and the diagram keeps its last good state.
 *
 * @example
 * ```tsx
 * <XmlView xml={await handle.saveXML()} onApply={apply} onClose={() => setView('diagram')} />
 * ```
 */
export default function XmlView({ xml, onApply, onClose }: XmlViewProps) {
  const [draft, setDraft] = useState(xml);
  const [problem, setProblem] = useState<XmlProblemLike | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<{ editor: CodeEditor; monaco: Monaco } | null>(null);

  const mark = useCallback((found: XmlProblemLike | null) => {
    const current = editor.current;
    const model = current?.editor.getModel();
    if (!current || !model) return;
    const markers = found?.line
      ? [{
          severity: current.monaco.MarkerSeverity.Error,
          message: found.message,
          startLineNumber: found.line,
          startColumn: found.column ?? 1,
          endLineNumber: found.line,
          endColumn: model.getLineMaxColumn(Math.min(found.line, model.getLineCount())),
        }]
      : [];
    current.monaco.editor.setModelMarkers(model, 'flowdeck-xml', markers);
    if (found?.line) current.editor.revealLineInCenter(found.line);
  }, []);

  const apply = async () => {
    setBusy(true);
    try {
      const found = await onApply(draft);
      setProblem(found);
      mark(found);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fd-xml-view" data-testid="xml-view">
      <div className="fd-toolbar">
        <button type="button" onClick={apply} disabled={busy || draft === xml} data-testid="xml-apply">
          Apply XML
        </button>
        <button type="button" onClick={() => setDraft(xml)} disabled={draft === xml}>
          Revert
        </button>
        <button type="button" onClick={onClose}>
          Back to diagram
        </button>
        {problem && (
          <span role="alert" className="fd-xml-problem" data-testid="xml-problem">
            {problem.line !== undefined ? `Line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}: ` : ''}
            {problem.message}
          </span>
        )}
      </div>
      <MonacoEditor
        value={draft}
        language="xml"
        onChange={setDraft}
        onReady={(instance, monaco) => {
          editor.current = { editor: instance, monaco };
        }}
        testId="xml-editor"
        ariaLabel="Diagram XML"
      />
    </div>
  );
}
