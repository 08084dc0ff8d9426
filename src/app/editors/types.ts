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
  kind: FileKind;
  /** XML for bpmn/dmn, JSON text for form. */
  content: string;
  /** Called after each user edit; the workspace debounces and saves. */
  onChange(content: string): void;
  onError?(message: string): void;
}

/** Props of the Scripts view: a BPMN file plus the script task to open first. */
export interface ScriptsViewProps extends EditorProps {
  nodeId?: string;
}
