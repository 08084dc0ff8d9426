import { useEffect, useState } from 'react';
import type { ApiFailure } from '../../api';
import type { UserTask } from '../../engine';
import { formatRoute } from '../routing/routes';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { loadDeployedForm, type DeployedForm } from '../run/deployed-form';
import { callEngine, useEngineQuery } from '../run/engine';
import { FormRunner } from '../run/FormRunner';
import { JsonVariablesEditor } from '../run/JsonVariablesEditor';
import { parseVariables } from '../run/json-variables';
import { TaskAssignment } from './TaskAssignment';

/**
 * One task: who holds it (claim, unclaim, assign), its dates, and completing it through its form
 * (`zeebe:formDefinition` formId deployed with the process, or a form key naming a deployed form),
 * validated by form-js; without a form, through a variables editor.
 */
export function TaskPanel({ task, user, onCompleted }: { task: UserTask; user: string; onCompleted(message: string): void }) {
  const [form, setForm] = useState<DeployedForm | null | undefined>(undefined);
  const [text, setText] = useState('{}');
  const [error, setError] = useState<ApiFailure>();
  const instance = useEngineQuery('instances.get', { instanceId: task.processInstanceId }, { instanceId: task.processInstanceId });
  const formRef = task.formId ?? formKeyId(task.formKey);

  useEffect(() => {
    let live = true;
    if (!formRef) setForm(null);
    else void loadDeployedForm(formRef).then((f) => live && setForm(f));
    return () => {
      live = false;
    };
  }, [formRef]);

  const complete = async (variables: Record<string, unknown>) => {
    const r = await callEngine('tasks.complete', { taskId: task.id, variables });
    if ('error' in r) setError(r);
    else onCompleted(r.data.instanceState === 'completed' ? `Completed; instance ${r.data.instanceId} is completed.` : `Completed; instance ${r.data.instanceId} goes on.`);
  };

  const parsed = parseVariables(text);
  const mayWork = task.assignee === null || task.assignee === user;
  return (
    <article className="run-task-panel" data-testid="task-panel" data-task-id={task.id}>
      <h2>{task.name ?? task.elementId}</h2>
      <p className="run-muted">
        <a href={formatRoute({ name: 'instance', instanceId: task.processInstanceId })} data-testid="task-instance-link">instance {task.processInstanceId}</a>
        {' · '}priority {task.priority}
        {task.dueDate && ` · due ${new Date(task.dueDate).toLocaleString()}`}
        {task.followUpDate && ` · follow up ${new Date(task.followUpDate).toLocaleString()}`}
        {task.candidateGroups.length > 0 && ` · groups ${task.candidateGroups.join(', ')}`}
      </p>
      <TaskAssignment task={task} user={user} />
      {!mayWork ? (
        <p className="run-muted">{task.assignee} holds this task: only they can complete it (or unclaim it first).</p>
      ) : form === undefined || instance.data === undefined ? null : form?.ok ? (
        <FormRunner schema={form.schema} data={instance.data.variables} submitLabel="Complete" onSubmit={complete} testId="task-form" />
      ) : (
        <>
          {form && <p className="run-muted" data-testid="task-form-missing">Form not available ({form.message}): variables as JSON instead.</p>}
          <JsonVariablesEditor value={text} onChange={setText} testId="task-variables" />
          <button type="button" className="button button--primary" data-testid="task-complete" disabled={!parsed.ok} onClick={() => parsed.ok && void complete(parsed.value)}>Complete</button>
        </>
      )}
      <ApiErrorNote error={error} testId="task-error" />
    </article>
  );
}

/** A form key names a deployed form: `camunda-forms:bpmn:<id>` (Camunda 7 style) or a bare id. */
function formKeyId(formKey: string | null): string | null {
  if (!formKey) return null;
  return formKey.replace(/^camunda-forms:(bpmn|deployment):/, '') || null;
}
