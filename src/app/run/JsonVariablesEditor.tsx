import { useId } from 'react';
import { parseVariables } from './json-variables';

export interface JsonVariablesEditorProps {
  value: string;
  onChange(text: string): void;
  label?: string;
  testId?: string;
}

/**
 * A textarea for variables as a JSON object, with the parse problem (line and column) under it.
 * Callers parse with `parseVariables` before sending and refuse text that is not an object.
 */
export function JsonVariablesEditor({ value, onChange, label = 'Variables (JSON object)', testId = 'variables-editor' }: JsonVariablesEditorProps) {
  const id = useId();
  const parsed = parseVariables(value);
  return (
    <div className="run-json">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} data-testid={testId} value={value} spellCheck={false} rows={6} onChange={(e) => onChange(e.target.value)} aria-invalid={!parsed.ok} />
      {!parsed.ok && <p className="run-error" role="alert" data-testid={`${testId}-problem`}>{parsed.message}</p>}
    </div>
  );
}
