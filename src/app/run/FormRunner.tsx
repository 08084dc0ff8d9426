import { useEffect, useRef, useState } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

export interface FormRunnerProps {
  schema: Record<string, unknown>;
  /** Values the form starts with (the task's variables). */
  data?: Record<string, unknown>;
  submitLabel: string;
  /** Called with the form's values once form-js found no validation errors. */
  onSubmit(values: Record<string, unknown>): Promise<void> | void;
  testId?: string;
}

/**
 * A form-js form to fill in: "submit" runs form-js' own validation (required fields, patterns,
 * ranges) and hands over the values only when it passes; otherwise form-js shows the errors on
 * the fields and nothing is sent.
 */
export function FormRunner({ schema, data, submitLabel, onSubmit, testId = 'run-form' }: FormRunnerProps) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(0);
  const [busy, setBusy] = useState(false);

  // By value: a new object with the same variables (an engine commit elsewhere) must not re-import
  // the form and wipe what the person typed.
  const initial = JSON.stringify(data ?? {});
  useEffect(() => {
    const f = new Form({ container: container.current! });
    form.current = f;
    f.importSchema(schema, JSON.parse(initial) as Record<string, unknown>).then(() => setProblem(null), (error: Error) => setProblem(`The form cannot be shown: ${error.message}`));
    return () => {
      f.destroy();
      form.current = null;
    };
  }, [schema, initial]);

  const submit = async () => {
    if (!form.current) return;
    const { data: values, errors } = form.current.submit();
    const count = Object.keys(errors).length;
    setInvalid(count);
    if (count > 0) return;
    setBusy(true);
    try {
      await onSubmit(values as Record<string, unknown>);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="run-form" data-testid={testId}>
      <div ref={container} />
      {problem && <p className="run-error" role="alert">{problem}</p>}
      {invalid > 0 && <p className="run-error" role="alert" data-testid={`${testId}-invalid`}>{invalid} field{invalid === 1 ? '' : 's'} to correct</p>}
      <button type="button" className="button button--primary" data-testid={`${testId}-submit`} disabled={busy || problem !== null} onClick={() => void submit()}>{submitLabel}</button>
    </div>
  );
}
