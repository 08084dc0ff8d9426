import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScriptsViewProps } from '../editors/types';
import { ContentSync } from '../editors/content-sync';
import MonacoEditor from '../editors/MonacoEditor';
import { registerEditor } from '../editors/test-hooks';
import { listScripts, putScript, type ScriptInfo, type ScriptLanguage } from './scripts-api';
import { configureScriptLanguage, scriptModelPath, setScriptScope } from './script-language';
import { useScopeVariables } from './use-scope-variables';
import { setFeelContext } from '../editors/monaco-feel';
import type { Monaco } from '../editors/monaco';
import type { VariableInScope } from '../../engine/model/variables-in-scope';
import { switchedBody } from './script-task-props';
import { OWNS_SAVE_ATTRIBUTE } from '../shortcuts/shortcuts';
import '../editors/editors.css';

interface Draft {
  nodeId: string;
  language: ScriptLanguage;
  body: string;
  resultVariable: string;
  dirty: boolean;
}

/** Edits are written into the process XML after this much idle time (or at once on Save). */
const APPLY_DELAY_MS = 600;

/**
 * The Scripts view of a process: every script task, and the selected one in Monaco with the
 * script API's types (completion and errors offline). Edits are written back into the BPMN XML
 * through `putScript` and reported with `onChange`, like any other edit of the file.
 *
 * @example
 * ```tsx
 * const ScriptsView = lazy(() => import('../scripts/ScriptsView'));
 * <ScriptsView fileId="f1" kind="bpmn" content={xml} nodeId="ComputeTotal" onChange={save} />
 * ```
 */
export default function ScriptsView({ fileId, content, nodeId, onChange, onError }: ScriptsViewProps) {
  const [scripts, setScripts] = useState<ScriptInfo[] | null>(null);
  const [selected, setSelected] = useState<string | undefined>(nodeId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const sync = useRef(new ContentSync());
  const latestXml = useRef(content);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  const draftRef = useRef<Draft | null>(null);
  const callbacks = useRef({ onChange, onError });
  const live = useRef<{ monaco: Monaco; model: Parameters<typeof setFeelContext>[0]; language: ScriptLanguage } | null>(null);

  useEffect(() => {
    callbacks.current = { onChange, onError };
  });
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  useEffect(() => setSelected((current) => nodeId ?? current), [nodeId]);

  const refresh = useCallback(async (xml: string) => {
    try {
      const found = await listScripts(xml);
      setScripts(found);
      setProblem(null);
      return found;
    } catch (error) {
      const message = `Script tasks could not be read: ${(error as Error).message}`;
      setProblem(message);
      callbacks.current.onError?.(message);
      return null;
    }
  }, []);

  // Outside changes (first load, another tab, a restored version) reload the list; a draft with
  // unsaved edits is kept, a clean one follows the new content.
  useEffect(() => {
    if (!sync.current.shouldImport(content)) return;
    sync.current.imported(content);
    latestXml.current = content;
    void refresh(content).then((found) => {
      if (!found) return;
      setDraft((current) => {
        if (current?.dirty) return current;
        const id = current?.nodeId;
        const script = id ? found.find((s) => s.nodeId === id) : undefined;
        return script ? toDraft(script) : current && !script ? null : current;
      });
    });
  }, [content, refresh]);

  // Selecting a script opens its draft; without a choice the first script task opens.
  useEffect(() => {
    if (!scripts) return;
    const wanted = selected ?? scripts[0]?.nodeId;
    if (!wanted || draftRef.current?.nodeId === wanted) return;
    const script = scripts.find((s) => s.nodeId === wanted);
    setDraft(script ? toDraft(script) : null);
  }, [scripts, selected]);

  const apply = useCallback(() => {
    window.clearTimeout(timer.current);
    const current = draftRef.current;
    if (!current?.dirty) return queue.current;
    const written = { ...current, dirty: false };
    draftRef.current = written;
    setDraft((d) => (d && d.nodeId === written.nodeId && d.body === written.body && d.language === written.language && d.resultVariable === written.resultVariable ? written : d));
    queue.current = queue.current.then(async () => {
      try {
        const xml = await putScript(latestXml.current, written.nodeId, {
          body: written.body,
          language: written.language,
          resultVariable: written.resultVariable,
        });
        latestXml.current = xml;
        sync.current.emitted(xml);
        callbacks.current.onChange(xml);
        setStatus(`Saved ${written.nodeId}`);
        setProblem(null);
        await refresh(xml);
      } catch (error) {
        setProblem((error as Error).message);
        setDraft((d) => (d && d.nodeId === written.nodeId ? { ...d, dirty: true } : d));
      }
    });
    return queue.current;
  }, [refresh]);

  const edit = (change: Partial<Draft>) => {
    setDraft((d) => {
      if (!d) return d;
      const next = { ...d, ...change, dirty: true };
      draftRef.current = next;
      return next;
    });
    setStatus('Editing…');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void apply(), APPLY_DELAY_MS);
  };

  // Pending edits are written before switching script or leaving the view.
  useEffect(() => () => void apply(), [apply]);

  useEffect(() => registerEditor('scripts', { apply, getDraft: () => draftRef.current }), [apply]);

  const select = async (id: string) => {
    await apply();
    draftRef.current = null;
    setDraft(null);
    setSelected(id);
  };

  // The variables known at the open script task, offered by completion (FEEL and JavaScript).
  const scope = useScopeVariables(fileId, content, draft?.nodeId);
  useEffect(() => {
    if (live.current) applyScope(live.current, scope);
  }, [scope]);

  const current = scripts?.find((s) => s.nodeId === draft?.nodeId);
  const feelNeedsVariable = draft?.language === 'feel' && !draft.resultVariable.trim();

  return (
    <div className="fd-editor fd-scripts" data-testid="scripts-view">
      {problem && <div role="alert" className="fd-editor-error" data-testid="scripts-problem">{problem}</div>}
      <div className="fd-split">
        <nav className="fd-side-list" aria-label="Script tasks">
          {scripts === null ? (
            <p>Reading…</p>
          ) : scripts.length === 0 ? (
            <p data-testid="scripts-empty">This process has no script tasks. Add one in the diagram (Task → Script task).</p>
          ) : (
            <ul className="fd-script-list">
              {scripts.map((script) => (
                <li key={script.nodeId}>
                  <button
                    type="button"
                    aria-current={script.nodeId === draft?.nodeId}
                    onClick={() => void select(script.nodeId)}
                    data-testid={`script-item-${script.nodeId}`}
                  >
                    <strong>{script.name || script.nodeId}</strong>
                    <small>
                      {script.nodeId} · {script.scriptFormat ?? (script.language === 'feel' ? 'FEEL' : 'JavaScript')}
                      {script.processId ? ` · ${script.processId}` : ''}
                    </small>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {draft ? (
          <section className="fd-script-editor" aria-label={`Script of ${draft.nodeId}`} {...{ [OWNS_SAVE_ATTRIBUTE]: '' }}>
            <div className="fd-toolbar">
              <strong>{current?.name || draft.nodeId}</strong>
              <label>
                Language{' '}
                <select
                  value={draft.language}
                  onChange={(e) => {
                    const language = e.target.value as ScriptLanguage;
                    // The old text stays as a comment: neither language runs the other's code.
                    edit({ language, body: switchedBody(draft.body, draft.language, language) });
                  }}
                  data-testid="script-language"
                >
                  <option value="javascript">JavaScript</option>
                  <option value="feel">FEEL (zeebe:script)</option>
                </select>
              </label>
              <label>
                Result variable{' '}
                <input
                  value={draft.resultVariable}
                  onChange={(e) => edit({ resultVariable: e.target.value })}
                  aria-invalid={feelNeedsVariable}
                  placeholder={draft.language === 'javascript' ? 'optional' : 'required'}
                  data-testid="script-result-variable"
                />
              </label>
              {draft.language === 'javascript' && (
                <span className="fd-flowdeck-only" title="Camunda 8 cannot run JavaScript: it needs a job worker for this task" data-testid="script-flowdeck-only">
                  Flowdeck only
                </span>
              )}
              <span className="fd-toolbar-gap" />
              <span className="fd-script-status" data-testid="script-status">
                {draft.dirty ? 'Unsaved changes' : status}
              </span>
              <button type="button" onClick={() => void apply()} disabled={!draft.dirty || feelNeedsVariable} data-testid="script-save">
                Save
              </button>
            </div>
            {current?.scriptFormat && (
              <p className="fd-editor-error">
                scriptFormat “{current.scriptFormat}” is not run by Flowdeck (JavaScript and FEEL only); saving converts it to JavaScript.
              </p>
            )}
            <MonacoEditor
              key={`${draft.nodeId}:${draft.language}`}
              value={draft.body}
              language={draft.language === 'javascript' ? 'javascript' : 'feel'}
              path={scriptModelPath(fileId, draft.nodeId, draft.language)}
              onChange={(body) => {
                if (body !== draftRef.current?.body) edit({ body });
              }}
              onReady={(editor, monaco) => {
                configureScriptLanguage(monaco);
                const model = editor.getModel();
                live.current = model ? { monaco, model, language: draft.language } : null;
                if (live.current) applyScope(live.current, scope);
                editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void apply());
              }}
              testId="script-editor"
              ariaLabel={`Script of ${draft.nodeId}`}
            />
          </section>
        ) : (
          <section className="fd-script-editor fd-script-placeholder">
            <p>{scripts?.length ? 'Select a script task.' : ''}</p>
          </section>
        )}
      </div>
    </div>
  );
}

function applyScope(target: { monaco: Monaco; model: Parameters<typeof setFeelContext>[0]; language: ScriptLanguage }, scope: readonly VariableInScope[]): void {
  // A script switched away from leaves its editor's model disposed until the next one is ready.
  if (target.model.isDisposed()) return;
  if (target.language === 'feel') setFeelContext(target.model, { variables: scope });
  else setScriptScope(target.monaco, scope);
}

function toDraft(script: ScriptInfo): Draft {
  return {
    nodeId: script.nodeId,
    language: script.language,
    body: script.body,
    resultVariable: script.resultVariable ?? '',
    dirty: false,
  };
}
