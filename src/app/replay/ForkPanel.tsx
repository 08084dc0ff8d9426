import { useState } from 'react';
import { navigate } from '../routing/useRoute';
import { callEngine } from '../run/engine';
import { JsonVariablesEditor } from '../run/JsonVariablesEditor';
import { parseVariables } from '../run/json-variables';

/**
 * "Fork here": a new instance from the state at the current event (the engine re-executes the
 * command log up to it), with the process variables as edited here; opens the new instance.
 */
export function ForkPanel({ instanceId, seq, variables, onClose }: { instanceId: string; seq: number; variables: Record<string, unknown>; onClose(): void }) {
  const [text, setText] = useState(() => JSON.stringify(variables, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const parsed = parseVariables(text);
    if (!parsed.ok) return setProblem(parsed.message);
    setBusy(true);
    const r = await callEngine('instances.fork', { instanceId, atSeq: seq, variables: parsed.value });
    setBusy(false);
    if ('error' in r) return setProblem(r.message);
    navigate({ name: 'instance', instanceId: r.data.instanceId });
  };
  return (
    <div className="run-panel replay-fork" data-testid="replay-fork" role="dialog" aria-label={`Fork at event ${seq}`}>
      <h2>Fork at event {seq}</h2>
      <p className="run-muted">A new instance starts from the state this instance had here (its commands re-executed), with these process variables set; children its call activities wait for here are forked with it, as they were. Timers already due fire at once.</p>
      <JsonVariablesEditor value={text} onChange={setText} label="Variables to set (JSON object)" testId="fork-variables" />
      {problem && <p className="run-error" role="alert" data-testid="fork-problem">{problem}</p>}
      <div className="run-actions">
        <button type="button" onClick={() => void submit()} disabled={busy} data-testid="fork-submit">{busy ? 'Forking…' : 'Start the fork'}</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}
