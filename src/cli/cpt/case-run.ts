import type { InstanceState, Job, Logger, UserTask, Variables } from '../../engine';
import type { ManualClock } from '../../host/clocks';
import type { EngineHost } from '../../host/engine-host';
import { oldestFirst } from '../steps';
import type { CaseDecisions } from './decisions';
import { ExampleData } from './example-data';
import { CaseFailure } from './failure';

/** A mocked job worker (MOCK_JOB_WORKER_*): what it does with every job of its type. */
export type MockWorker =
  | { kind: 'complete'; variables: Variables; exampleData?: boolean }
  | { kind: 'throw'; errorCode: string; errorMessage?: string; variables?: Variables };

/** Mocked workers complete at most this many jobs after one instruction (a model looping through a mocked task). */
const MAX_MOCKED_JOBS = 10_000;
/** Due times one INCREASE_TIME or SET_TIME may pass (the timer driver's own bound on one run). */
const MAX_ROUNDS = 1_000_000;


/**
 * The world of one test case: a fresh host on a virtual clock, its decisions, its mocked workers,
 * and the selectors of the CPT schema (process instance, job, user task, element, incident).
 */
export class CaseRun {
  readonly workers = new Map<string, MockWorker>();
  /** Example data (`useExampleData`) of the deployed models' elements. */
  readonly examples = new ExampleData();

  constructor(
    readonly host: EngineHost,
    readonly clock: ManualClock,
    readonly decisions: CaseDecisions,
    readonly logger?: Logger,
  ) {}

  /**
   * After every action: fire what is due at the current time (continuations, zero timers), then let
   * the mocked workers take every open job of their types, oldest first, until none is left.
   */
  async settle(): Promise<void> {
    await this.host.timers.runUntil(this.clock.now());
    for (let done = 0; ; done++) {
      const job = oldestFirst(await this.host.listJobs()).find((j) => this.workers.has(j.type));
      if (!job) return;
      if (done >= MAX_MOCKED_JOBS) throw new CaseFailure(`the mocked job workers completed ${MAX_MOCKED_JOBS} jobs after one instruction (does the model loop through ${job.elementId}?)`);
      const worker = this.workers.get(job.type) as MockWorker;
      if (worker.kind === 'complete') await this.host.completeJob({ jobKey: job.key }, worker.exampleData ? this.examples.of(job.elementId) : worker.variables);
      else await this.host.throwError({ jobKey: job.key }, worker.errorCode, { errorMessage: worker.errorMessage, variables: worker.variables });
      await this.host.timers.runUntil(this.clock.now());
    }
  }

  /**
   * Moves the clock to `target` one due time at a time, letting the mocked workers act after each
   * (a CPT worker takes a job as soon as it exists, so a job a timer created is done before a later
   * timer, a boundary on its task, could interrupt it).
   */
  async advanceTo(target: number): Promise<void> {
    for (let rounds = 0; ; rounds++) {
      const at = this.host.timers.nextDueAt();
      if (at === null || at > target) break;
      if (rounds >= MAX_ROUNDS) throw new CaseFailure(`more than ${MAX_ROUNDS} due times fell before ${new Date(target).toISOString()} (an unbounded cycle?)`);
      await this.host.timers.runUntil(Math.max(at, this.clock.now()));
      await this.settle();
    }
    await this.host.timers.runUntil(target);
  }

  /** All instances of a process, oldest first (CPT selects the first instance of a process definition). */
  async instancesOf(processId: string): Promise<InstanceState[]> {
    const all = await this.host.listInstances({ processId });
    return all.sort((a, b) => a.startedAt - b.startedAt || counter(a.instanceId) - counter(b.instanceId));
  }

  async instance(selector: { processDefinitionId: string }): Promise<InstanceState> {
    const [first] = await this.instancesOf(selector.processDefinitionId);
    if (!first) {
      const ids = this.host.deployments.processIds();
      throw new CaseFailure(`no process instance of ${selector.processDefinitionId}${ids.includes(selector.processDefinitionId) ? '' : ` (it is not deployed; deployed: ${ids.join(', ') || 'none'})`}`);
    }
    return first;
  }

  /** Open jobs matching every field the selector sets, oldest first. */
  async jobs(selector: { jobType?: string; elementId?: string; processDefinitionId?: string }): Promise<Job[]> {
    const open = oldestFirst(await this.host.listJobs());
    const out: Job[] = [];
    for (const j of open) {
      if (selector.jobType !== undefined && j.type !== selector.jobType) continue;
      if (selector.elementId !== undefined && j.elementId !== selector.elementId) continue;
      if (selector.processDefinitionId !== undefined && (await this.processOf(j.processInstanceId)) !== selector.processDefinitionId) continue;
      out.push(j);
    }
    return out;
  }

  /** Open user tasks matching every field the selector sets, oldest first. */
  async tasks(selector: { elementId?: string; taskName?: string; processDefinitionId?: string }): Promise<UserTask[]> {
    const open = [...(await this.host.listUserTasks())].sort((a, b) => a.createdAt - b.createdAt);
    const out: UserTask[] = [];
    for (const t of open) {
      if (selector.elementId !== undefined && t.elementId !== selector.elementId) continue;
      if (selector.taskName !== undefined && t.name !== selector.taskName) continue;
      if (selector.processDefinitionId !== undefined && (await this.processOf(t.processInstanceId)) !== selector.processDefinitionId) continue;
      out.push(t);
    }
    return out;
  }

  /** The element ids a selector names in an instance's process (by id, or every element with that name). */
  elementIds(state: InstanceState, selector: { elementId?: string; elementName?: string }): string[] {
    if (selector.elementId !== undefined) return [selector.elementId];
    const process = this.host.deployments.get(state.processId, state.processVersion);
    const ids = [...(process?.nodes.values() ?? [])].filter((n) => n.name === selector.elementName).map((n) => n.id);
    if (ids.length === 0) throw new CaseFailure(`process ${state.processId} has no element named "${selector.elementName}"`);
    return ids;
  }

  /** What is open now, for failure messages. */
  async describeOpen(): Promise<string> {
    const jobs = (await this.host.listJobs()).map((j) => `job ${j.type} at ${j.elementId}`);
    const tasks = (await this.host.listUserTasks()).map((t) => `user task ${t.elementId}${t.name ? ` "${t.name}"` : ''}`);
    const open = [...jobs, ...tasks];
    return open.length ? `open: ${open.join(', ')}` : 'no job or user task is open';
  }

  async processOf(instanceId: string): Promise<string | undefined> {
    return (await this.host.getInstance(instanceId))?.processId;
  }
}

/** `instance-12` → 12, so instances started at the same virtual instant keep their creation order. */
function counter(id: string): number {
  const n = /(\d+)$/.exec(id);
  return n ? Number(n[1]) : 0;
}

/** `{"jobType":"pack"}` for messages. */
export function show(selector: object): string {
  return JSON.stringify(selector);
}
