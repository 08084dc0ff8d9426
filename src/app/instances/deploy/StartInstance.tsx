import { useEffect, useState } from 'react';
import type { ApiFailure } from '../../../api';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { loadDeployedForm, startFormId, type DeployedForm } from '../../run/deployed-form';
import { callEngine } from '../../run/engine';
import { FormRunner } from '../../run/FormRunner';
import { JsonVariablesEditor } from '../../run/JsonVariablesEditor';
import { parseVariables } from '../../run/json-variables';
import { navigate } from '../../routing/useRoute';
import { startRequest, type StartInput } from './start-request';

/**
 * "Start instance" of a just-deployed process: through its start form when the start event names
 * one that is deployed (form-js validates it in the page; nothing is sent while a field is
 * invalid; its values go as `formValues`), else with variables typed as JSON; then opens the new instance.
 */
export function StartInstance({ processId, version, getXml, onStarted }: { processId: string; version: number; getXml(): Promise<string>; onStarted(): void }) {
  const [form, setForm] = useState<DeployedForm | null | undefined>(undefined);
  const [text, setText] = useState('{}');
  const [businessKey, setBusinessKey] = useState('');
  const [error, setError] = useState<ApiFailure>();

  useEffect(() => {
    let live = true;
    void getXml().then(async (xml) => {
      const formId = startFormId(xml, processId);
      const loaded = formId ? await loadDeployedForm(formId) : null;
      if (live) setForm(loaded);
    });
    return () => {
      live = false;
    };
  }, [getXml, processId]);

  const start = async (input: StartInput) => {
    const r = await callEngine('instances.start', startRequest(processId, version, businessKey, input));
    if ('error' in r) {
      setError(r);
      return;
    }
    onStarted();
    navigate({ name: 'instance', instanceId: r.data.instanceId });
  };

  const parsed = parseVariables(text);
  return (
    <section className="run-start" data-testid="start-instance" data-process-id={processId}>
      <h3>Start {processId} v{version}</h3>
      <label className="run-field">
        Business key <input data-testid="start-business-key" value={businessKey} onChange={(e) => setBusinessKey(e.target.value)} placeholder="optional" />
      </label>
      {form === undefined ? null : form?.ok ? (
        <FormRunner schema={form.schema} submitLabel="Start instance" onSubmit={(formValues) => start({ formValues })} testId="start-form" />
      ) : (
        <>
          {form && <p className="run-muted">Start form not available ({form.message}): variables as JSON instead.</p>}
          <JsonVariablesEditor value={text} onChange={setText} testId="start-variables" />
          <button type="button" className="button button--primary" data-testid="start-confirm" disabled={!parsed.ok} onClick={() => parsed.ok && void start({ variables: parsed.value })}>Start instance</button>
        </>
      )}
      <ApiErrorNote error={error} testId="start-error" />
    </section>
  );
}
