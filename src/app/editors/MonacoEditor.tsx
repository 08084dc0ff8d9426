import { useEffect, useRef, useState } from 'react';
import { ContentSync } from './content-sync';
import { loadMonaco, type Monaco } from './monaco';
import { registerFeelLanguage } from './monaco-feel';

type CodeEditor = ReturnType<Monaco['editor']['create']>;

export interface MonacoEditorProps {
  /** Initial text; a different value later replaces the model's text (outside change). */
  value: string;
  language: 'xml' | 'javascript' | 'feel' | 'plaintext';
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
  // A `value` prop equal to any text the editor reported recently is the parent catching up (it
  // renders behind fast typing), not an outside change, and must not reset text and cursor.
  const sync = useRef<ContentSync | null>(null);
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
        // A model made before its language is registered stays plain text.
        if (lang === 'feel') registerFeelLanguage(monaco);
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
          // Monaco's EditContext input is a plain div that page-level shortcut handlers cannot tell
          // from non-editable content ("?" would open the shell's help); the textarea input can.
          editContext: false,
          ...(label ? { ariaLabel: label } : {}),
        });
        editorRef.current = editor;
        sync.current = new ContentSync(50);
        sync.current.imported(text);
        const subscription = editor.onDidChangeModelContent(() => {
          const current = editor.getValue();
          sync.current?.emitted(current);
          onChangeRef.current?.(current);
        });
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
    if (!editor || !sync.current?.shouldImport(value)) return;
    sync.current.imported(value);
    if (editor.getValue() !== value) editor.setValue(value);
  }, [value]);

  if (error) return <div role="alert" className="fd-editor-error">{error}</div>;
  return <div ref={host} className="fd-monaco" data-testid={testId} />;
}
