import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { runTestFile, testFileName, type CompiledDmn, type TckTestCase, type TestVerdict } from '../../dmn';
import { getDecisionTests } from '../../store';
import { db } from '../workspace/db';
import { useStudio } from '../state/store';
import { toTestCase, type StudioEvaluation } from './evaluation';
import { CaseEditor } from './CaseEditor';
import { casesOf, deleteTestCase, editTestCase, loadTestFile, restoreTestCase, saveTestCase, withModelName } from './stored-tests';

interface Props {
  fileId: string;
  /** The DMN file's name without `.dmn`. */
  fileName: string;
  /** The last evaluation, which "Save as test case" keeps. */
  evaluation: StudioEvaluation | undefined;
  /** Compiles the model as the editor holds it now (undefined when it cannot be read: the panel says why). */
  recompile(): Promise<CompiledDmn | undefined>;
}

/**
 * The decision tests kept on the DMN file's record (TCK test-case XML, ADR 0200): save the last
 * evaluation as a case, list them, run all with a verdict per case, delete (with undo), load a
 * `*-test-NN.xml`, download them. Reads the record through liveQuery, so other tabs' saves show.
 */
export function DecisionTests({ fileId, fileName, evaluation, recompile }: Props) {
  const modelName = `${fileName}.dmn`;
  // null while loading; undefined when the file has no tests.
  const stored = useLiveQuery(() => getDecisionTests(db, fileId).catch(() => undefined), [fileId], null);
  const [run, setRun] = useState<{ xml: string | undefined; verdicts: TestVerdict[] }>();
  const [problem, setProblem] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useStudio((s) => s.toast);

  const parsed = useMemo(() => {
    if (stored === null) return { cases: [] };
    try {
      return { cases: casesOf(stored) };
    } catch (e) {
      return { cases: [], unreadable: `The stored test cases cannot be read: ${(e as Error).message}` };
    }
  }, [stored]);
  const { cases } = parsed;
  // Verdicts belong to the tests they ran; once the tests change they are stale.
  const verdicts = run && run.xml === stored ? run.verdicts : undefined;

  // Writes and runs one after another, so "Run all" right after "Save" runs the saved case too.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const attempt = (what: () => Promise<void>): Promise<void> => {
    queue.current = queue.current.then(what).then(() => setProblem(undefined), (e: unknown) => setProblem((e as Error).message));
    return queue.current;
  };

  const save = () => attempt(async () => {
    const ev = evaluation;
    if (!ev) return;
    const names = Object.keys(ev.variables).join(', ') || 'no inputs';
    await saveTestCase(db, fileId, modelName, (id) => toTestCase(ev, id, `${ev.target.name} with ${names}`));
  });

  const runAll = () => attempt(async () => {
    const c = await recompile();
    if (!c) return;
    const xml = await getDecisionTests(db, fileId);
    setRun({ xml, verdicts: runTestFile(c, { modelName, testCases: casesOf(xml) }) });
  });

  const remove = (id: string) => attempt(async () => {
    const removed = await deleteTestCase(db, fileId, modelName, id);
    if (removed) toast(`Test case ${id} deleted`, { action: { label: 'Undo', run: () => restoreTestCase(db, fileId, modelName, removed) }, timeoutMs: 8000 });
  });

  const saveEdit = (edited: TckTestCase) => attempt(async () => {
    const old = await editTestCase(db, fileId, modelName, edited.id, () => edited);
    setEditing(undefined);
    toast(`Test case ${edited.id} saved`, { action: { label: 'Undo', run: async () => { await editTestCase(db, fileId, modelName, edited.id, () => old); } }, timeoutMs: 8000 });
  });

  const load = (file: File | undefined) => attempt(async () => {
    if (!file) return;
    const added = await loadTestFile(db, fileId, modelName, await file.text(), file.name);
    toast(`${added} test case${added === 1 ? '' : 's'} loaded from ${file.name}`);
  });

  const download = () => {
    if (!stored || parsed.unreadable) return;
    const url = URL.createObjectURL(new Blob([withModelName(stored, modelName)], { type: 'application/xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = testFileName(modelName);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const passed = verdicts?.filter((v) => v.passed).length ?? 0;
  return (
    <div className="fd-eval-tests" data-testid="eval-tests">
      <div className="fd-eval-actions">
        <button type="button" onClick={() => void save()} disabled={!evaluation || stored === null} data-testid="eval-save-test">Save as test case</button>
      </div>
      <h4>Test cases ({cases.length})</h4>
      {(parsed.unreadable ?? problem) && <p role="alert" className="fd-editor-error">{parsed.unreadable ?? problem}</p>}
      {stored !== null && cases.length === 0 && !parsed.unreadable && (
        <p className="fd-eval-empty" data-testid="eval-tests-empty">No test cases yet. Evaluate, then "Save as test case"; or load a {testFileName(modelName)} file. They are kept with this DMN file.</p>
      )}
      <div className="fd-eval-actions">
        <button type="button" onClick={() => void runAll()} disabled={cases.length === 0} data-testid="eval-run-tests">Run all</button>
        <button type="button" onClick={download} disabled={!stored || parsed.unreadable !== undefined}>Download {testFileName(modelName)}</button>
        <button type="button" onClick={() => fileInput.current?.click()}>Load…</button>
        <input ref={fileInput} type="file" accept=".xml" hidden data-testid="eval-load-tests"
          onChange={(e) => { void load(e.target.files?.[0]); e.target.value = ''; }} />
      </div>
      <ul className="fd-eval-verdicts" data-testid="eval-verdicts">
        {cases.map((t) => {
          const v = verdicts?.find((x) => x.id === t.id);
          return (
            <li key={t.id} className={v ? (v.passed ? 'passed' : 'failed') : ''} data-testid="eval-test-case">
              <span>{v ? (v.passed ? 'PASS' : 'FAIL') : '—'} {t.id} {t.description}</span>{' '}
              <button type="button" className="fd-link" onClick={() => setEditing(editing === t.id ? undefined : t.id)} aria-label={`Edit test case ${t.id}`} aria-expanded={editing === t.id}>edit</button>{' '}
              <button type="button" className="fd-link" onClick={() => void remove(t.id)} aria-label={`Delete test case ${t.id}`}>delete</button>
              {v && !v.passed && <ul>{v.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
              {editing === t.id && <CaseEditor key={JSON.stringify(t)} testCase={t} onSave={(tc) => void saveEdit(tc)} onCancel={() => setEditing(undefined)} />}
            </li>
          );
        })}
      </ul>
      {verdicts && <p data-testid="eval-tests-summary">{passed} passed, {verdicts.length - passed} failed</p>}
    </div>
  );
}
