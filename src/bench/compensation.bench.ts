/**
 * `npm run bench:compensation`: the book-trip saga (docs/examples/book-trip) on the bare engine
 * step, every job completed by a command, one instance per run:
 *   (a) paid: flight, hotel, car booked, the card charged (three compensable completions recorded);
 *   (b) refused: the payment fails, the cancel end event compensates car, hotel, flight in order;
 *   (c) baseline: the same model with its compensation boundaries and handlers removed, paid
 *       (nothing to record: the kernel's lifecycle hooks are not even called).
 * Prints instances/s and two ratios measured in this run: what recording costs (c / a) and what the
 * three compensations cost (a / b). FLOWDECK_BENCH_MS sets the time per line (default 3000 ms).
 */
import { readFileSync } from 'node:fs';
import { compileDeployment, Deployments, dispatch, openJobs, openTasks, parseBpmn, start } from '../engine';
import type { Command, EngineContext, ExecutableProcess, InstanceState } from '../engine';
import { CountingIds, ManualClock } from '../host/clocks';
import { FeelExpressions } from '../host/feel-expressions';
import { formatRate, measure } from './engine-measure';

const BUDGET_MS = Number(process.env.FLOWDECK_BENCH_MS ?? 3000);
const SAGA = readFileSync(new URL('../../docs/examples/book-trip/book-trip.bpmn', import.meta.url), 'utf8');

/** The saga without compensation: no compensation boundaries, handlers or associations. */
function withoutCompensation(xml: string): string {
  return xml
    .replace(/<bpmn:boundaryEvent id="\w+Booked"[^>]*><bpmn:compensateEventDefinition \/><\/bpmn:boundaryEvent>\n/g, '')
    .replace(/<bpmn:serviceTask id="Cancel\w+"[\s\S]*?<\/bpmn:serviceTask>\n/g, '')
    .replace(/<bpmn:association [^>]*\/>\n/g, '');
}

async function compile(xml: string): Promise<ExecutableProcess> {
  const { definitions } = await parseBpmn(xml);
  const { processes, errors } = compileDeployment(definitions, { expressions: new FeelExpressions() });
  if (errors.length) throw new Error(JSON.stringify(errors));
  const deployments = new Deployments();
  deployments.deploy(processes.values());
  return deployments.get('book-trip') as ExecutableProcess;
}

/** Runs one saga instance to its end; returns the number of elements it completed. */
function runner(process: ExecutableProcess, refuse: boolean, expectCompensated: number) {
  const ctx: EngineContext = { clock: new ManualClock(0), ids: new CountingIds() };
  return () => {
    let state: InstanceState = start(process, {}, ctx).state;
    let compensated = 0;
    for (let guard = 0; state.status === 'active'; guard++) {
      if (guard > 20) throw new Error('the saga did not end');
      const [job] = openJobs(state);
      if (job) {
        if (job.type.startsWith('cancel-')) compensated++;
        const command: Command = refuse && job.type === 'charge-card'
          ? { type: 'throwError', jobKey: job.key, errorCode: 'PAYMENT_FAILED' }
          : { type: 'completeJob', jobKey: job.key, variables: {} };
        state = dispatch(process, state, command, ctx, { inPlace: true }).state;
        continue;
      }
      const [task] = openTasks(state);
      state = dispatch(process, state, { type: 'completeUserTask', taskId: task.id }, ctx, { inPlace: true }).state;
    }
    if (compensated !== expectCompensated) throw new Error(`expected ${expectCompensated} compensations, ran ${compensated}`);
    return state.path.length;
  };
}

const saga = await compile(SAGA);
const plain = await compile(withoutCompensation(SAGA));
if (plain.compensates || !saga.compensates) throw new Error('the baseline model still compensates (or the saga does not)');
const paid = runner(saga, false, 0);
const refused = runner(saga, true, 3);
const baseline = runner(plain, false, 0);
// Interleaved rounds, best of each: load from the other helpers on this machine hits all alike.
const best: Record<string, number> = {};
for (let round = 0; round < 3; round++) {
  for (const [name, once] of [['(c) baseline: saga without compensation, paid', baseline], ['(a) saga, paid (3 completions recorded)', paid], ['(b) saga, payment refused (3 compensations in order)', refused]] as const) {
    const rate = await measure(name, once, BUDGET_MS / 3);
    console.log(formatRate(rate));
    best[name] = Math.max(best[name] ?? 0, rate.instancesPerSecond);
  }
}
const [c, a, b] = Object.values(best);
console.log(`recording overhead (c / a): ${(c / a).toFixed(2)}x; compensation cost (a / b): ${(a / b).toFixed(2)}x`);
console.log(JSON.stringify({ paidSagaPerSec: Math.round(a), refusedSagaPerSec: Math.round(b), baselinePerSec: Math.round(c), recordingOverhead: Number((c / a).toFixed(3)), refusedOverPaid: Number((a / b).toFixed(3)) }));
