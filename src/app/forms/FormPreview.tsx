import { useEffect, useRef, useState } from 'react';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

/**
 * A read-only form (form-js viewer, disabled fields) of a form's JSON, e.g. an old version: people
 * recognise a form by its fields, not by its schema.
 *
 * @example
 * ```tsx
 * const FormPreview = lazy(() => import('../forms/FormPreview'));
 * <FormPreview schema={version.content} label="Version 3" />
 * ```
 */
export default function FormPreview({ schema, label }: { schema: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let form: Form | undefined;
    let cancelled = false;
    void (async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(schema);
      } catch (error) {
        setProblem(`The form cannot be shown: ${(error as Error).message}`);
        return;
      }
      form = new Form({ container: container.current!, properties: { readOnly: true } });
      try {
        await form.importSchema(parsed);
        if (!cancelled) setProblem(null);
      } catch (error) {
        if (!cancelled) setProblem(`The form cannot be shown: ${(error as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
      form?.destroy();
    };
  }, [schema]);

  return (
    <div className="fd-preview fd-form-preview" data-testid="form-preview" aria-label={label}>
      {problem && <div role="alert" className="fd-editor-error">{problem}</div>}
      <div ref={container} />
    </div>
  );
}
