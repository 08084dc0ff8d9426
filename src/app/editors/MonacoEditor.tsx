import { useEffect, useRef, useState } from 'react';
import { loadMonaco, type Monaco } from './monaco';

type CodeEditor = ReturnType<Monaco['editor']['create']>;

export interface MonacoEditorProps {
  /** Initial text; a different value later replaces the model's text (outside change). */
  value: string;
  language: 'xml' | 'javascript' | 'plaintext';
  /** Model URI path, e.g. `file:///scripts/Calc.js`: lets extra libs and markers target one model. */
  path?: string;
  onChange?(value: string): void;
  onReady?(editor: CodeEditor, monaco: Monaco): void;
  testId?: string;
  ariaLabel?: string;
}

/**
 * A Monaco editor that loads Monaco on first mount. The parent owns the text: `onChange` reports
 * each edit; a `value` prop that differs from the editor's text (e.g. after "revert") replaces it.
 *
 * @example
 * ```tsx
 * <MonacoEditor value={xml} language="xml" onChange={setDraft} testId="xml-editor" />
 * ```
 */
export default function MonacoEditor({ value, language, path, onChange, onReady, testId, ariaLabel }: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  const onReadyRef = useRef(onReady);
  const initial = useRef({ value, language, path, ariaLabel });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    onChangeRef.current = onChange;
    onReadyRef.current = onReady;
  });

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const { value: text, language: lang, path: modelPath, ariaLabel: label } = initial.current;
        const uri = modelPath ? monaco.Uri.parse(modelPath) : undefined;
        const model = (uri && monaco.editor.getModel(uri)) || monaco.editor.createModel(text, lang, uri);
        model.setValue(text);
        const editor = monaco.editor.create(host.current, {
          model,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          ...(label ? { ariaLabel: label } : {}),
        });
        editorRef.current = editor;
        const subscription = editor.onDidChangeModelContent(() => onChangeRef.current?.(editor.getValue()));
        onReadyRef.current?.(editor, monaco);
        cleanup = () => {
          subscription.dispose();
          editor.dispose();
          model.dispose();
          editorRef.current = null;
        };
      },
      (e: unknown) => setError(`The code editor could not load: ${(e as Error).message}`),
    );
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== value) editor.setValue(value);
  }, [value]);

  if (error) return <div role="alert" className="fd-editor-error">{error}</div>;
  return <div ref={host} className="fd-monaco" data-testid={testId} />;
}
