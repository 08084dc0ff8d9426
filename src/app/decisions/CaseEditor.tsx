import { useState } from 'react';
import type { TckTestCase } from '../../dmn';
import { caseDraftOf, caseProblems, editedCase, type CaseDraft } from './case-editing';

/**
 * One stored test case, edited in place: its description, its inputs (name and value) and its
 * expected results, each value a FEEL literal (`"gold"`, `42`, `date("2026-01-05")`, `[1, 2]`,
 * `{a: 1}`, `null`) checked as you type. Enter saves, Escape cancels.
 */
export function CaseEditor({ testCase, onSave, onCancel }: { testCase: TckTestCase; onSave(tc: TckTestCase): void; onCancel(): void }) {
  const [d, setD] = useState<CaseDraft>(() => caseDraftOf(testCase));
  const problems = caseProblems(d);
  const put = (patch: Partial<CaseDraft>) => setD((x) => ({ ...x, ...patch }));
  const putInput = (i: number, v: { name: string; text: string }) => put({ inputs: d.inputs.map((x, j) => (j === i ? v : x)) });
  const id = testCase.id;
  return (
    <form className="fd-eval-case" data-testid={`eval-case-editor-${id}`}
      onSubmit={(e) => { e.preventDefault(); if (!problems.any) onSave(editedCase(testCase, d)); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <label className="fd-eval-field">Description
        <input value={d.description} onChange={(e) => put({ description: e.target.value })} data-testid={`eval-case-description-${id}`} />
      </label>
      <fieldset>
        <legend>Inputs (FEEL values)</legend>
        {d.inputs.map((input, i) => (
          <div key={i} className="fd-eval-field">
            <span className="fd-eval-row">
              <input aria-label={`Input ${i + 1}: name`} value={input.name} onChange={(e) => putInput(i, { ...input, name: e.target.value })} data-testid={`eval-case-input-name-${id}-${i}`} />
              <input aria-label={`Input ${input.name || i + 1}: value`} className="fd-eval-literal" value={input.text} onChange={(e) => putInput(i, { ...input, text: e.target.value })}
                aria-invalid={problems.inputs[i] !== undefined} data-testid={`eval-case-input-${id}-${i}`} />
              <button type="button" aria-label={`Remove input ${input.name || i + 1}`} onClick={() => put({ inputs: d.inputs.filter((_, j) => j !== i) })}>×</button>
            </span>
            {problems.inputs[i] && <small className="fd-editor-error" role="alert">{problems.inputs[i]}</small>}
          </div>
        ))}
        <div><button type="button" onClick={() => put({ inputs: [...d.inputs, { name: '', text: 'null' }] })} data-testid={`eval-case-add-input-${id}`}>Add an input</button></div>
      </fieldset>
      <fieldset>
        <legend>Expected</legend>
        {d.results.map((r, i) => (
          <label key={r.name} className="fd-eval-field">{r.name}
            <input className="fd-eval-literal" value={r.text} aria-invalid={problems.results[i] !== undefined} data-testid={`eval-case-expected-${id}-${i}`}
              onChange={(e) => put({ results: d.results.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />
            {problems.results[i] && <small className="fd-editor-error" role="alert">{problems.results[i]}</small>}
          </label>
        ))}
      </fieldset>
      <div className="fd-eval-actions">
        <button type="submit" disabled={problems.any} data-testid={`eval-case-save-${id}`}>Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
