import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngineHost } from '../../host/engine-host';
import type { ManualClock } from '../../host/clocks';

/*
 * The scenarios whose command logs and histories are kept in `histories/` (Temporal's
 * `history_files`): each drives real instances through the host; `npm run record:histories`
 * records them, and `replay.test.ts` replays every log and demands the recorded history exactly.
 * Models are read from where their specs keep them (paths from the repository root).
 */

export interface Scenario {
  name: string;
  description: string;
  models: string[];
  run(host: EngineHost, clock: ManualClock): Promise<void>;
}

const MIN = 60_000;
const HOUR = 60 * MIN;

export const SCENARIOS: Scenario[] = [
  {
    name: 'order-approved',
    description: 'the example order: a JavaScript script scores it, a user approves, the charge job fails once and then completes',
    models: ['docs/examples/order/order.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('order', { variables: { amount: 150 }, businessKey: 'A-1' });
      clock.advance(MIN);
      await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'Approve' }, { approvedBy: 'ann' });
      clock.advance(MIN);
      await host.failJob({ instanceId: pi.instanceId, elementId: 'Charge' }, { errorMessage: 'gateway timeout' });
      clock.advance(MIN);
      await host.completeJob({ instanceId: pi.instanceId, elementId: 'Charge' }, { receipt: 'R-1' });
    },
  },
  {
    name: 'order-declined',
    description: 'the example order: the charge is declined with a BPMN error, caught by the boundary event',
    models: ['docs/examples/order/order.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('order', { variables: { amount: 20 } });
      clock.advance(MIN);
      await host.throwError({ instanceId: pi.instanceId, elementId: 'Charge' }, 'DECLINED', { errorMessage: 'card declined' });
    },
  },
  {
    name: 'call-activities',
    description: 'a parent calls a child twice (mapped, then propagating everything); a parent catches its failing child\'s error',
    models: ['src/engine/behaviours/call-activity.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('parent', { variables: { customer: { name: 'Ada' }, childId: 'child' } });
      for (let i = 0; i < 2; i++) {
        clock.advance(MIN);
        const job = (await host.listJobs({ type: 'greet' }))[0];
        await host.completeJob({ jobKey: job.key }, { greeting: `hello ${i}` });
      }
      void pi;
      await host.startInstance('parentCatches');
    },
  },
  {
    name: 'timers',
    description: 'a reminder cycle on a waiting task fires three times, then the give-up timer ends it; event subprocess timers',
    models: ['src/engine/behaviours/timer-event.bpmn'],
    async run(host) {
      await host.startInstance('escalate', { variables: { patience: 'PT5H' } });
      await host.startInstance('watchdog');
      await host.timers.advance(6 * HOUR);
    },
  },
  {
    name: 'multi-instance',
    description: 'a parallel multi-instance job task whose jobs complete out of order, and scripted inner instances',
    models: ['src/engine/behaviours/multi-instance.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('miParallel', { variables: { items: ['a', 'b', 'c'] } });
      const jobs = await host.listJobs({ instanceId: pi.instanceId });
      for (const index of [2, 0, 1]) {
        clock.advance(MIN);
        await host.completeJob({ jobKey: jobs[index].key }, { receipt: `r-${index}` });
      }
      await host.startInstance('miScripted', { variables: { items: [1, 2, 3] } });
    },
  },
  {
    name: 'budget',
    description: 'a loop without a wait state stops at the step budget; resolving runs another budget; a fixed limit lets it end',
    models: ['src/engine/conformance/budget.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('spin', { variables: { n: 0, limit: 1e9 } });
      const incident = (await host.listIncidents({ instanceId: pi.instanceId }))[0];
      clock.advance(MIN);
      await host.setVariables(pi.instanceId, { limit: 30 });
      await host.resolveIncident(pi.instanceId, incident.id);
    },
  },
  {
    name: 'conditional-events',
    description: 'a non-interrupting conditional boundary fires on each rise of its condition, an interrupting one ends the task; a condition that fails is resolved',
    models: ['src/engine/behaviours/conditional-event.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('guarded', { variables: { addressChanged: false, temperature: 20 } });
      for (const temperature of [35, 36, 10, 31]) {
        clock.advance(MIN);
        await host.setVariables(pi.instanceId, { temperature });
      }
      await host.setVariables(pi.instanceId, { addressChanged: true });
      const failing = await host.startInstance('failing');
      const incident = (await host.listIncidents({ instanceId: failing.instanceId }))[0];
      await host.setVariables(failing.instanceId, { x: 3 });
      await host.resolveIncident(failing.instanceId, incident.id);
    },
  },
  {
    name: 'ad-hoc',
    description: 'a sequential ad-hoc subprocess: activations queue, the completion condition ends it; a parallel one activated from a collection',
    models: ['src/engine/behaviours/ad-hoc-sub-process.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('bpmnForm', { variables: { done: false } });
      const adHoc = Object.values(pi.elements).find((e) => e.elementId === 'outreach')?.id as string;
      await host.activateAdHocElements(pi.instanceId, adHoc, [{ elementId: 'call' }, { elementId: 'mail', variables: { channel: 'email' } }]);
      clock.advance(MIN);
      await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'call' });
      await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'mail' }, { done: true });
      const tools = await host.startInstance('zeebeForm', { variables: { toDo: ['a', 'b'] } });
      await host.completeJob({ instanceId: tools.instanceId, elementId: 'a' }, { result: 1 });
      await host.completeUserTask({ instanceId: tools.instanceId, elementId: 'b' }, { result: 2 });
    },
  },
  {
    name: 'async-continuations',
    description: 'asyncBefore, asyncAfter and flowable:async boundaries, each continued by the scheduler in an operation of its own',
    models: ['src/engine/conformance/async-continuation.bpmn'],
    async run(host) {
      const pi = await host.startInstance('asyncFlow', { variables: { amount: 5, paid: 'yes' } });
      // Continuations are due at once: runDue fires them without moving the clock to the boundary timers.
      await host.timers.runDue();
      await host.completeJob({ instanceId: pi.instanceId, elementId: 'charge' });
      while ((await host.timers.runDue()) > 0);
    },
  },
  {
    name: 'book-trip',
    description: 'the saga: flight, hotel and car booked, the payment refused; the cancel end event compensates car, hotel, flight in that order and the trip leaves through its cancel boundary',
    models: ['docs/examples/book-trip/book-trip.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('book-trip', { businessKey: 'T-1' });
      for (const elementId of ['BookFlight', 'BookHotel', 'BookCar']) {
        clock.advance(MIN);
        await host.completeJob({ instanceId: pi.instanceId, elementId }, { [elementId]: 'ok' });
      }
      clock.advance(MIN);
      await host.throwError({ instanceId: pi.instanceId, elementId: 'ChargeCard' }, 'PAYMENT_FAILED', { errorMessage: 'card declined' });
      for (const elementId of ['CancelCar', 'CancelHotel', 'CancelFlight']) {
        clock.advance(MIN);
        await host.completeJob({ instanceId: pi.instanceId, elementId });
      }
      await host.completeUserTask({ instanceId: pi.instanceId, elementId: 'TellCustomer' });
    },
  },
  {
    name: 'compensation-and-escalation',
    description: 'a throw compensates a task, a multi-instance task (one handler per iteration) and a subprocess, latest first; escalations caught in event subprocesses and across a call activity',
    models: ['src/engine/behaviours/compensation.bpmn', 'src/engine/behaviours/escalation-event.bpmn'],
    async run(host, clock) {
      const pi = await host.startInstance('compOrder', { variables: { items: ['a', 'b'] } });
      for (let i = 0; i < 4; i++) {
        clock.advance(MIN);
        const [job] = await host.listJobs({ instanceId: pi.instanceId });
        await host.completeJob({ jobKey: job.key });
      }
      await host.startInstance('compEsp');
      const log = (await host.listJobs({ type: 'log' }))[0];
      await host.completeJob({ jobKey: log.key });
      const esp = await host.startInstance('escEsp');
      await host.completeUserTask({ instanceId: esp.instanceId, elementId: 'work' });
      await host.startInstance('escParent', { variables: { stop: true } });
    },
  },
  {
    name: 'external-tasks',
    description: 'the job executor: a lock that runs out, a re-lock, an extension, a failure with a retry backoff, retries exhausted and resolved, priorities, a BPMN error from a worker',
    models: ['src/host/jobs/jobs.bpmn'],
    async run(host, clock) {
      const lock = { topic: 'charge', lockDurationMs: MIN };
      const pi = await host.startInstance('payment', { variables: { amount: 7 } });
      await host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
      await host.timers.advance(MIN);
      const [job] = await host.jobs.fetchAndLock({ ...lock, workerId: 'w2' });
      await host.jobs.extendLock(job.key, 'w2', 2 * MIN);
      await host.jobs.fail(job.key, 'w2', { retries: 1, retryBackoffMs: 5 * MIN, errorMessage: 'gateway down' });
      await host.timers.advance(5 * MIN);
      const [again] = await host.jobs.fetchAndLock({ ...lock, workerId: 'w3' });
      await host.jobs.fail(again.key, 'w3', { retries: 0, errorMessage: 'still down' });
      const incident = Object.keys((await host.getInstance(pi.instanceId))?.incidents ?? {})[0];
      clock.advance(MIN);
      await host.resolveIncident(pi.instanceId, incident, 2);
      const [last] = await host.jobs.fetchAndLock({ ...lock, workerId: 'w3' });
      await host.jobs.complete(last.key, 'w3', { receipt: 'R-7' });
      await host.startInstance('urgent', { variables: { urgency: 2 } });
      await host.startInstance('routine');
      for (const j of await host.jobs.fetchAndLock({ topic: 'work', workerId: 'w4', lockDurationMs: MIN, maxJobs: 5 })) await host.jobs.complete(j.key, 'w4');
      await host.startInstance('payment', { variables: { amount: 9000 } });
      const [declined] = await host.jobs.fetchAndLock({ ...lock, workerId: 'w1' });
      await host.jobs.throwError(declined.key, 'w1', 'CARD_DECLINED', { message: 'limit', variables: { reason: 'limit' } });
    },
  },
];

/** Reads a model by its path from the repository root. */
export function readModel(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
}
