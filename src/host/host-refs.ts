import type { InstanceState, Job, UserTask } from '../engine';
import type { Store } from './store';
import { HostError, type HostTransaction } from './transaction';

/** A job by key, or the open job of an element in an instance. */
export type JobRef = { jobKey: string } | { instanceId: string; elementId: string };
/** A user task by id, or the open task of an element in an instance. */
export type TaskRef = { taskId: string } | { instanceId: string; elementId: string };

/** The instance and the open job `ref` names, read in `tx`. @throws HostError notFound, listing what is open. */
export async function resolveJob(store: Store, tx: HostTransaction, ref: JobRef): Promise<{ instanceId: string; job: Job }> {
  if ('jobKey' in ref) {
    const instanceId = await store.findInstanceByJob(ref.jobKey);
    const job = instanceId ? (await tx.state(instanceId)).jobs[ref.jobKey] : undefined;
    if (!instanceId || !job) throw new HostError('notFound', `no open job ${ref.jobKey}`);
    return { instanceId, job };
  }
  const state = await tx.state(ref.instanceId);
  const jobs = Object.values(state.jobs).filter((j) => j.elementId === ref.elementId && j.state === 'activatable');
  if (jobs.length === 0) throw new HostError('notFound', `no open job at ${ref.elementId} in instance ${ref.instanceId}${openAt(state)}`);
  return { instanceId: ref.instanceId, job: jobs[0] };
}

/** The instance and the open user task `ref` names, read in `tx`. @throws HostError notFound, listing what is open. */
export async function resolveTask(store: Store, tx: HostTransaction, ref: TaskRef): Promise<{ instanceId: string; task: UserTask }> {
  if ('taskId' in ref) {
    const instanceId = await store.findInstanceByTask(ref.taskId);
    const task = instanceId ? (await tx.state(instanceId)).tasks[ref.taskId] : undefined;
    if (!instanceId || !task) throw new HostError('notFound', `no open user task ${ref.taskId}`);
    return { instanceId, task };
  }
  const state = await tx.state(ref.instanceId);
  const task = Object.values(state.tasks).find((t) => t.elementId === ref.elementId);
  if (!task) throw new HostError('notFound', `no open user task at ${ref.elementId} in instance ${ref.instanceId}${openAt(state)}`);
  return { instanceId: ref.instanceId, task };
}

function openAt(state: InstanceState): string {
  const waiting = [...Object.values(state.jobs).map((j) => `job at ${j.elementId}`), ...Object.values(state.tasks).map((t) => `user task at ${t.elementId}`)];
  return waiting.length ? ` (open: ${waiting.join(', ')})` : ' (nothing is waiting)';
}
