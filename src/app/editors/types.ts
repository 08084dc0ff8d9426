/**
 * The contract between the workspace shell and every editor it mounts.
 *
 * The shell passes the stored content in and receives each user edit out; editors never save
 * themselves. When `content` changes from outside (another tab, a restored version) the editor
 * re-imports it, but it must not re-import the content it emitted itself (that would reset the
 * selection and undo stack on every keystroke).
 *
 * @example
 * ```tsx
 * const BpmnEditor = lazy(() => import('../modeler/BpmnEditor'));
 * <BpmnEditor fileId={file.id} kind="bpmn" content={file.content} onChange={save} onError={toast} />
 * ```
 */
export type FileKind = 'bpmn' | 'dmn' | 'form';

export interface EditorProps {
  fileId: string;
  /** The file's name in the workspace (exports are named after it). */
  fileName?: string;
  kind: FileKind;
  /** XML for bpmn/dmn, JSON text for form. */
  content: string;
  /** Called after each user edit; the workspace debounces and saves. */
  onChange(content: string): void;
  onError?(message: string): void;
  /**
   * Called after `content` was imported into the editor, with the reader's warnings (what the XML
   * reader skipped or could not resolve, "line 4, column 3: …"); an error reported before is over.
   */
  onImported?(warnings: string[]): void;
}

/** Props of the Scripts view: a BPMN file plus the script task to open first. */
export interface ScriptsViewProps extends EditorProps {
  nodeId?: string;
}
