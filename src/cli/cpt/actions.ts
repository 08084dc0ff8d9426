import { afterDuration, instantOf } from '../time-values';
import { show, type CaseRun } from './case-run';
import { CaseFailure } from './failure';
import type { Instruction, InstructionOf } from './instructions';
import { mockChildProcessXml } from './mock-child';

export type ActionType =
  | 'CREATE_PROCESS_INSTANCE' | 'COMPLETE_JOB' | 'THROW_BPMN_ERROR_FROM_JOB' | 'COMPLETE_USER_TASK' | 'PUBLISH_MESSAGE' | 'CORRELATE_MESSAGE'
  | 'BROADCAST_SIGNAL' | 'INCREASE_TIME' | 'SET_TIME' | 'RESOLVE_INCIDENT' | 'UPDATE_VARIABLES' | 'EVALUATE_DECISION' | 'EVALUATE_CONDITIONAL_START_EVENT'
  | 'MOCK_JOB_WORKER_COMPLETE_JOB' | 'MOCK_JOB_WORKER_THROW_BPMN_ERROR' | 'MOCK_CHILD_PROCESS' | 'MOCK_DMN_DECISION';

type Handlers = { [K in ActionType]: (run: CaseRun, ins: InstructionOf<K>) => Promise<void> };

/**
 * The CPT actions and mocks (everything but the assertions): each changes the world of the case
 * through the host's public operations, as a Camunda client would.
 */
const ACTIONS: Handlers = {
  CREATE_PROCESS_INSTANCE: async (run, ins) => {
    // Zeebe's start instructions start anywhere in the model and runtime instructions stop it part way;
    // the engine starts at start events only, so these fail by name rather than run differently.
    if (ins.startInstructions?.length) throw new CaseFailure('startInstructions (starting at a chosen element) are not supported by Flowdeck');
    if (ins.runtimeInstructions?.length) throw new CaseFailure('runtimeInstructions (TERMINATE_PROCESS_INSTANCE after an element) are not supported by Flowdeck');
    await run.host.startInstance(ins.processDefinitionSelector.processDefinitionId, { variables: ins.variables });
  },
  COMPLETE_JOB: async (run, ins) => {
    const job = await oneJob(run, ins.jobSelector);
    await run.host.completeJob({ jobKey: job.key }, ins.useExampleData ? run.examples.of(job.elementId) : ins.variables);
  },
  THROW_BPMN_ERROR_FROM_JOB: async (run, ins) => {
    const job = await oneJob(run, ins.jobSelector);
    await run.host.throwError({ jobKey: job.key }, ins.errorCode, { errorMessage: ins.errorMessage, variables: ins.variables });
  },
  COMPLETE_USER_TASK: async (run, ins) => {
    const [task] = await run.tasks(ins.userTaskSelector);
    if (!task) throw new CaseFailure(`no open user task matches ${show(ins.userTaskSelector)} (${await run.describeOpen()})`);
    await run.host.completeUserTask({ taskId: task.id }, ins.useExampleData ? run.examples.of(task.elementId) : ins.variables);
  },
  PUBLISH_MESSAGE: async (run, ins) => {
    await run.host.messages.publish({ name: ins.name, correlationKey: ins.correlationKey, variables: ins.variables, timeToLiveMs: ins.timeToLive, messageId: ins.messageId });
  },
  CORRELATE_MESSAGE: async (run, ins) => {
    await run.host.messages.correlate({ name: ins.name, correlationKey: ins.correlationKey, variables: ins.variables });
  },
  BROADCAST_SIGNAL: async (run, ins) => {
    await run.host.messages.broadcastSignal({ name: ins.signalName, variables: ins.variables });
  },
  INCREASE_TIME: async (run, ins) => {
    await run.advanceTo(afterDuration(run.clock.now(), ins.duration));
  },
  SET_TIME: async (run, ins) => {
    const at = instantOf(ins.time);
    // Forward, every due time on the way fires in order; back, the clock is set and nothing fires.
    if (at >= run.clock.now()) await run.advanceTo(at);
    else run.clock.set(at);
  },
  RESOLVE_INCIDENT: async (run, ins) => {
    const sel = ins.incidentSelector;
    const incidents = (await run.host.listIncidents()).sort((a, b) => a.createdAt - b.createdAt);
    let found;
    for (const i of incidents) {
      if (sel.elementId !== undefined && i.elementId !== sel.elementId) continue;
      if (sel.processDefinitionId !== undefined && (await run.processOf(i.processInstanceId)) !== sel.processDefinitionId) continue;
      found = i;
      break;
    }
    if (!found) {
      const open = incidents.map((i) => `${i.elementId}: ${i.message}`);
      throw new CaseFailure(`no open incident matches ${show(sel)} (${open.length ? `open: ${open.join('; ')}` : 'no incident is open'})`);
    }
    // A job incident (no retries left) gets one retry, as CPT's runner gives it before resolving.
    await run.host.resolveIncident(found.processInstanceId, found.id, found.jobKey ? 1 : undefined);
  },
  UPDATE_VARIABLES: async (run, ins) => {
    const state = await run.instance(ins.processInstanceSelector);
    if (!ins.elementSelector) {
      await run.host.setVariables(state.instanceId, ins.variables);
      return;
    }
    const ids = run.elementIds(state, ins.elementSelector);
    const scope = Object.values(state.elements).find((e) => ids.includes(e.elementId));
    if (!scope) throw new CaseFailure(`${show(ins.elementSelector)} has no active element instance in ${state.instanceId} to set local variables on`);
    await run.host.setVariables(state.instanceId, ins.variables, { scopeId: scope.id, local: true });
  },
  EVALUATE_DECISION: async (run, ins) => {
    const id = ins.decisionDefinitionSelector.decisionDefinitionId;
    const r = run.decisions.evaluate(id, ins.variables ?? {}, run.clock.now());
    if (!r.ok) throw new CaseFailure(`decision ${id}: ${r.error}`);
  },
  EVALUATE_CONDITIONAL_START_EVENT: async (run, ins) => {
    await run.host.evaluateConditions(ins.variables);
  },
  MOCK_JOB_WORKER_COMPLETE_JOB: async (run, ins) => {
    // useExampleData takes each job's own element's example data when the job comes.
    if (ins.useExampleData) run.workers.set(ins.jobType, { kind: 'complete', variables: {}, exampleData: true });
    else run.workers.set(ins.jobType, { kind: 'complete', variables: ins.variables ?? {} });
  },
  MOCK_JOB_WORKER_THROW_BPMN_ERROR: async (run, ins) => {
    run.workers.set(ins.jobType, { kind: 'throw', errorCode: ins.errorCode, errorMessage: ins.errorMessage, variables: ins.variables });
  },
  MOCK_CHILD_PROCESS: async (run, ins) => {
    let xml;
    try {
      xml = mockChildProcessXml(ins.processDefinitionId, ins.variables ?? {});
    } catch (error) {
      throw new CaseFailure((error as Error).message);
    }
    await run.host.deploy(xml, `mock-${ins.processDefinitionId}.bpmn`);
  },
  MOCK_DMN_DECISION: async (run, ins) => {
    run.decisions.mock(ins.decisionDefinitionId, ins.variables ?? {});
  },
};

/** The handler of an action or mock instruction; undefined for assertions. */
export function actionOf(type: string): ((run: CaseRun, ins: Instruction) => Promise<void>) | undefined {
  return (ACTIONS as Record<string, (run: CaseRun, ins: Instruction) => Promise<void>>)[type];
}

async function oneJob(run: CaseRun, selector: { jobType?: string; elementId?: string; processDefinitionId?: string }) {
  const [job] = await run.jobs(selector);
  if (!job) throw new CaseFailure(`no open job matches ${show(selector)} (${await run.describeOpen()})`);
  return job;
}
