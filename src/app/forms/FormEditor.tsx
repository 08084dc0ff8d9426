import { useEffect, useRef, useState } from 'react';
import { FormEditor as FormJsEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import type { EditorProps } from '../editors/types';
import { ContentSync } from '../editors/content-sync';
import { registerEditor } from '../editors/test-hooks';
import { parseFormSchema, serializeFormSchema, type FormSchema } from './form-schema';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '../editors/editors.css';

/**
 * The form editor: form-js's drag-and-drop editor with its properties panel, and a live preview
 * of the current schema rendered by the form-js viewer (as users will see it in tasks).
 *
 * @example
 * ```tsx
 * const FormEditor = lazy(() => import('../forms/FormEditor'));
 * <FormEditor fileId="f1" kind="form" content={json} onChange={save} />
 * ```
 */
export default function FormEditor({ fileId, content, onChange, onError }: EditorProps) {
  const editorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<FormJsEditor | null>(null);
  const [schema, setSchema] = useState<FormSchema | null>(null);
  const [showPreview, setShowPreview] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const sync = useRef(new ContentSync());
  const callbacks = useRef({ onChange, onError });

  useEffect(() => {
    callbacks.current = { onChange, onError };
  });

  useEffect(() => {
    const created = new FormJsEditor({ container: editorRef.current! });
    sync.current = new ContentSync();
    const onCommand = (event: { trigger?: string | null }) => {
      if (event.trigger === 'clear') return;
      const saved = created.saveSchema() as FormSchema;
      const text = serializeFormSchema(saved);
      sync.current.emitted(text);
      setSchema(saved);
      callbacks.current.onChange(text);
    };
    created.on('commandStack.changed', onCommand);
    const unregister = registerEditor('form', created);
    setEditor(created);
    return () => {
      created.off('commandStack.changed', onCommand);
      unregister();
      created.destroy();
      setEditor(null);
    };
  }, [fileId]);

  useEffect(() => {
    if (!editor || !sync.current.shouldImport(content)) return;
    sync.current.imported(content);
    const parsed = parseFormSchema(content);
    if (!parsed.ok) {
      setProblem(parsed.error);
      callbacks.current.onError?.(parsed.error);
      return;
    }
    editor.importSchema(parsed.schema).then(
      () => {
        setProblem(null);
        setSchema(editor.saveSchema() as FormSchema);
      },
      (error: unknown) => {
        const message = `This form could not be opened: ${(error as Error).message}`;
        setProblem(message);
        callbacks.current.onError?.(message);
      },
    );
  }, [editor, content]);

  useEffect(() => {
    if (!showPreview || !schema || !previewRef.current) return;
    const form = new Form({ container: previewRef.current });
    form.importSchema(schema).catch((error: unknown) => setProblem(`Preview failed: ${(error as Error).message}`));
    return () => form.destroy();
  }, [schema, showPreview]);

  return (
    <div className="fd-editor fd-form" data-testid="form-editor">
      <div className="fd-toolbar">
        <button type="button" aria-pressed={showPreview} onClick={() => setShowPreview((v) => !v)} data-testid="form-preview-toggle">
          Preview
        </button>
      </div>
      {problem && <div role="alert" className="fd-editor-error" data-testid="form-error">{problem}</div>}
      <div className="fd-split">
        <div ref={editorRef} className="fd-form-editor" data-testid="form-editor-canvas" />
        {showPreview && (
          <section className="fd-form-preview" aria-label="Form preview">
            <div ref={previewRef} data-testid="form-preview" />
          </section>
        )}
      </div>
    </div>
  );
}
