/**
 * Lazy Monaco: the editor (~4 MB) and its workers load on first use only. Workers are bundled by
 * Vite as module workers from our own origin, which the app's CSP allows (`worker-src 'self'
 * blob:`); only the base editor worker and the TypeScript/JavaScript worker are wired, since the
 * studio edits XML (tokenizer only) and JavaScript.
 *
 * @example
 * ```ts
 * const monaco = await loadMonaco();
 * monaco.editor.create(element, { value: xml, language: 'xml' });
 * ```
 */
import type * as MonacoApi from './monaco-slim';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [monaco, editorWorker, tsWorker] = await Promise.all([
      import('./monaco-slim'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/language/typescript/ts.worker?worker'),
    ]);
    self.MonacoEnvironment = {
      getWorker(_workerId: string, label: string) {
        return label === 'typescript' || label === 'javascript' ? new tsWorker.default() : new editorWorker.default();
      },
    };
    return monaco;
  })();
  return loading;
}
