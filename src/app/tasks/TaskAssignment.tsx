import { useState } from 'react';
import type { ApiFailure } from '../../api';
import type { UserTask } from '../../engine';
import { ApiErrorNote } from '../run/ApiErrorNote';
import { callEngine } from '../run/engine';

/** Claim (for the local user), unclaim, or assign to someone named. */
export function TaskAssignment({ task, user }: { task: UserTask; user: string }) {
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<ApiFailure>();
  const run = async (p: ReturnType<typeof callEngine>) => {
    const r = await p;
    setError('error' in r ? r : undefined);
  };
  return (
    <div className="run-actions" data-testid="task-assignment">
      <span data-testid="task-assignee">{task.assignee ? `Assigned to ${task.assignee}` : 'Unassigned'}</span>
      {task.assignee === null && <button type="button" className="button button--small" data-testid="task-claim" onClick={() => void run(callEngine('tasks.claim', { taskId: task.id, userId: user }))}>Claim</button>}
      {task.assignee !== null && <button type="button" className="button button--small" data-testid="task-unclaim" onClick={() => void run(callEngine('tasks.unclaim', { taskId: task.id }))}>Unclaim</button>}
      <input aria-label="Assign to" placeholder="assign to…" value={assignee} data-testid="task-assign-input" onChange={(e) => setAssignee(e.target.value)} />
      <button type="button" className="button button--small" data-testid="task-assign" disabled={assignee.trim() === ''} onClick={() => void run(callEngine('tasks.assign', { taskId: task.id, assignee: assignee.trim() }))}>Assign</button>
      <ApiErrorNote error={error} />
    </div>
  );
}
