import { useState } from 'react';
import type { ApiFailure } from '../../../api';
import type { Job } from '../../../engine';
import { ApiErrorNote } from '../../run/ApiErrorNote';
import { JsonVariablesEditor } from '../../run/JsonVariablesEditor';
import { parseVariables } from '../../run/json-variables';
import { workJobByHand, type HandAction } from './work-job';

/** An external job, with Complete / Fail / Throw BPMN error done by hand as a worker would. */
export function JobRow({ job, running }: { job: Job; running: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('{}');
  const [errorCode, setErrorCode] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiFailure>();
  const parsed = parseVariables(text);
  const act = async (action: HandAction) => {
    if (!parsed.ok) return;
    const r = await workJobByHand(job, action === 'throwError' ? { action, errorCode: errorCode.trim(), message, variables: parsed.value } : action === 'fail' ? { action, message } : { action, variables: parsed.value });
    setError('error' in r ? r : undefined);
    if (!('error' in r)) setOpen(false);
  };
  const workable = running && (job.state === 'activatable' || job.state === 'backoff');
  return (
    <div className="run-job" data-testid="instance-job" data-job-key={job.key} data-state={job.state}>
      <span className="run-mono">{job.elementId}</span> · type <strong>{job.type}</strong> · {job.state} · {job.retries} retr{job.retries === 1 ? 'y' : 'ies'} left
      {job.errorMessage && <span className="run-muted"> · last error: {job.errorMessage}</span>}
      {workable && !open && <button type="button" className="button button--small" data-testid="job-work" onClick={() => setOpen(true)}>Work by hand…</button>}
      {job.state === 'activated' && <span className="run-muted"> · locked by {job.worker}</span>}
      {open && (
        <div className="run-job__form">
          <JsonVariablesEditor value={text} onChange={setText} label="Result variables (JSON object)" testId="job-variables" />
          <button type="button" className="button button--primary button--small" data-testid="job-complete" disabled={!parsed.ok} onClick={() => void act('complete')}>Complete</button>
          <label className="run-field">Message <input value={message} data-testid="job-message" onChange={(e) => setMessage(e.target.value)} /></label>
          <button type="button" className="button button--small" data-testid="job-fail" onClick={() => void act('fail')}>Fail (one retry less)</button>
          <label className="run-field">Error code <input value={errorCode} data-testid="job-error-code" onChange={(e) => setErrorCode(e.target.value)} /></label>
          <button type="button" className="button button--small" data-testid="job-throw" disabled={errorCode.trim() === '' || !parsed.ok} onClick={() => void act('throwError')}>Throw BPMN error</button>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>Close</button>
        </div>
      )}
      <ApiErrorNote error={error} />
    </div>
  );
}
