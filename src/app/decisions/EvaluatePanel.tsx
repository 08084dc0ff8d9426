import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CompiledDmn } from '../../dmn';
import { compileForStudio, evaluateTarget, highlightCss, targetsOf, type EvaluationTarget, type StudioEvaluation } from './evaluation';
import { fieldsFor, formToJson, type FormValue } from './input-fields';
import { InputForm } from './InputForm';
import { DrdValues } from './DrdValues';
import { DecisionTests } from './DecisionTests';

interface Props {
  /** The DMN file, whose record keeps the decision tests. */
  fileId: string;
  /** The model as the editor holds it now. */
  getXml(): Promise<string>;
  /** The DMN file's name without `.dmn`, for the test file's name. */
  fileName: string;
  /** Shows a decision's table (or expression) in the editor. */
  openDecision(id: string): void;
  /** Marks matched and chosen rules in the decision tables (a stylesheet, '' to clear). */
  highlight(css: string): void;
}

/**
 * Evaluate a decision or decision service of the open model against a generated form or JSON;
 * the result, each decision's value and warnings; the file's decision tests (`DecisionTests`).
 */
export function EvaluatePanel({ fileId, getXml, fileName, openDecision, highlight }: Props) {
  const [compiled, setCompiled] = useState<CompiledDmn>();
  const [problem, setProblem] = useState<string>();
  const [targetKey, setTargetKey] = useState('');
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [values, setValues] = useState<Record<string, FormValue>>({});
  const [jsonText, setJsonText] = useState('{}');
  const [evaluation, setEvaluation] = useState<StudioEvaluation>();

  const recompile = useCallback(async (): Promise<CompiledDmn | undefined> => {
    try {
      const c = compileForStudio(await getXml());
      setCompiled(c);
      setProblem(undefined);
      return c;
    } catch (e) {
      setProblem(`The model cannot be read: ${(e as Error).message}`);
      return undefined;
    }
  }, [getXml]);

  useEffect(() => {
    void recompile();
  }, [recompile]);

  const targets = useMemo(() => (compiled ? targetsOf(compiled) : []), [compiled]);
  const target: EvaluationTarget | undefined = targets.find((t) => `${t.kind}:${t.id}` === targetKey) ?? targets[0];
  const fields = useMemo(() => (compiled && target ? fieldsFor(compiled, target) : []), [compiled, target]);

  const variables = (): Record<string, unknown> => {
    if (mode === 'form') return formToJson(fields, values);
    const parsed = JSON.parse(jsonText) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the JSON inputs must be an object of input names to values');
    return parsed as Record<string, unknown>;
  };

  const evaluate = async () => {
    const c = await recompile();
    if (!c || !target) return;
    try {
      const ev = evaluateTarget(c, target, variables());
      setEvaluation(ev);
      setProblem(undefined);
      highlight(highlightCss(ev.audit));
    } catch (e) {
      setProblem(`Evaluation failed: ${(e as Error).message}`);
    }
  };

  const switchMode = (next: 'form' | 'json') => {
    if (next === 'json' && mode === 'form') {
      try {
        setJsonText(JSON.stringify(formToJson(fields, values), null, 2));
      } catch {
        // A half-typed number: keep the last JSON.
      }
    }
    setMode(next);
  };

  return (
    <section className="fd-eval" aria-label="Evaluate decisions" data-testid="dmn-evaluate-panel"
      onKeyDown={(e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); void evaluate(); } }}>
      <div className="fd-eval-head">
        <label>Evaluate{' '}
          <select value={target ? `${target.kind}:${target.id}` : ''} onChange={(e) => { setTargetKey(e.target.value); setEvaluation(undefined); highlight(''); }} data-testid="eval-target">
            {targets.map((t) => <option key={`${t.kind}:${t.id}`} value={`${t.kind}:${t.id}`}>{t.name}{t.kind === 'decisionService' ? ' (service)' : ''}</option>)}
          </select>
        </label>
        <div role="group" aria-label="Inputs as">
          <button type="button" aria-pressed={mode === 'form'} onClick={() => switchMode('form')}>Form</button>
          <button type="button" aria-pressed={mode === 'json'} onClick={() => switchMode('json')} data-testid="eval-mode-json">JSON</button>
        </div>
      </div>
      {targets.length === 0 && !problem && <p className="fd-eval-empty">The model has no decision yet.</p>}
      {mode === 'form'
        ? <InputForm fields={fields} values={values} onChange={setValues} />
        : <textarea className="fd-eval-json" value={jsonText} onChange={(e) => setJsonText(e.target.value)} spellCheck={false} aria-label="Inputs as JSON" data-testid="eval-json" />}
      <div className="fd-eval-actions">
        <button type="button" onClick={() => void evaluate()} disabled={!target} title="Evaluate (Ctrl+Enter)" data-testid="eval-run">Evaluate</button>
      </div>
      {problem && <p role="alert" className="fd-editor-error">{problem}</p>}
      {evaluation && (
        <div className="fd-eval-result" data-testid="eval-result">
          <h4>Result of {evaluation.target.name}</h4>
          <pre data-testid="eval-result-value">{JSON.stringify(evaluation.result, null, 2)}</pre>
          <DrdValues evaluation={evaluation} openDecision={openDecision} />
        </div>
      )}
      <DecisionTests fileId={fileId} fileName={fileName} evaluation={evaluation} recompile={recompile} />
    </section>
  );
}
