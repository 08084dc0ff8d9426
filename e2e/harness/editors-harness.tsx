// Dev-only: mounts one editor the way the workspace shell does, and logs every onChange so the
// contract (content in, edits out) can be exercised before the shell exists.
import { lazy, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { FileKind } from '../../src/app/editors/types';
import { SAMPLE_BPMN, SAMPLE_DMN, SAMPLE_FORM } from './samples';

const editors = {
  bpmn: lazy(() => import('../../src/app/modeler/BpmnEditor')),
  dmn: lazy(() => import('../../src/app/decisions/DmnEditor')),
  form: lazy(() => import('../../src/app/forms/FormEditor')),
  scripts: lazy(() => import('../../src/app/scripts/ScriptsView')),
};

const requested = (new URLSearchParams(location.search).get('kind') ?? 'bpmn') as keyof typeof editors;
const kind: FileKind = requested === 'scripts' ? 'bpmn' : requested;
const initial = kind === 'bpmn' ? SAMPLE_BPMN : kind === 'dmn' ? SAMPLE_DMN : SAMPLE_FORM;

declare global {
  interface Window {
    __harness?: { changes: string[]; setContent(content: string): void };
  }
}

function Harness() {
  const [content, setContent] = useState(initial);
  const Editor = editors[requested];
  window.__harness ??= { changes: [], setContent };
  window.__harness.setContent = setContent;
  return (
    <Suspense fallback={<p>Loading…</p>}>
      <Editor
        fileId="harness"
        kind={kind}
        content={content}
        onChange={(next) => {
          window.__harness!.changes.push(next);
          setContent(next);
        }}
        onError={(message) => console.error('[editor]', message)}
      />
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
