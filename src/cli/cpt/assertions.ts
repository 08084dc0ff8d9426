import { isDeepStrictEqual } from 'node:util';
import type { HistoryEvent, InstanceState } from '../../engine';
import { show, type CaseRun } from './case-run';
import { CaseFailure } from './failure';
import type { Instruction, InstructionOf } from './instructions';

/**
 * The CPT assertions. CPT waits (with a timeout) until an assertion holds; the engine here runs
 * every instruction to its next wait state before the next one, so each assertion is checked once,
 * at once, and a failure says what was found instead.
 */
const ASSERTIONS: { [K in AssertionType]: (run: CaseRun, ins: InstructionOf<K>) => Promise<void> } = {
  ASSERT_PROCESS_INSTANCE: async (run, ins) => {
    const state = await run.instance(ins.processInstanceSelector);
    const actual = processState(state);
    if (ins.state !== undefined && ins.state !== 'IS_CREATED' && ins.state !== actual) {
      throw new CaseFailure(`expected process instance ${state.instanceId} (${state.processId}) ${ins.state}, but it ${actual}${await openSummary(run, state)}`);
    }
    if (ins.hasActiveIncidents !== undefined) {
      const incidents = Object.values(state.incidents);
      if (ins.hasActiveIncidents !== incidents.length > 0) {
        throw new CaseFailure(ins.hasActiveIncidents
          ? `expected process instance ${state.instanceId} to have active incidents, but it has none`
          : `expected process instance ${state.instanceId} to have no active incidents, but it has ${incidents.map((i) => `${i.elementId}: ${i.message}`).join('; ')}`);
      }
    }
  },
  ASSERT_ELEMENT_INSTANCE: async (run, ins) => {
    const state = await run.instance(ins.processInstanceSelector);
    const stats = await elementStats(run, state);
    const ids = run.elementIds(state, ins.elementSelector);
    const want = ins.amount ?? 1;
    const got = ids.reduce((n, id) => n + countIn(stats, ins.state, id), 0);
    if (got !== want) {
      throw new CaseFailure(`expected ${show(ins.elementSelector)} ${ins.state} ${want} time${want === 1 ? '' : 's'} in ${state.instanceId}, found ${got} (${describeStats(stats, ids)})`);
    }
  },
  ASSERT_ELEMENT_INSTANCES: async (run, ins) => {
    const state = await run.instance(ins.processInstanceSelector);
    const stats = await elementStats(run, state);
    const groups = ins.elementSelectors.map((sel) => ({ sel, ids: run.elementIds(state, sel) }));
    const bad = (pred: (ids: string[]) => boolean) => groups.filter((g) => !pred(g.ids)).map((g) => show(g.sel));
    const any = (kind: 'IS_ACTIVE' | 'IS_COMPLETED' | 'IS_TERMINATED', ids: string[]) => ids.some((id) => countIn(stats, kind, id) > 0);
    let failing: string[] = [];
    switch (ins.state) {
      case 'IS_ACTIVE': case 'IS_COMPLETED': case 'IS_TERMINATED':
        failing = bad((ids) => any(ins.state as 'IS_ACTIVE', ids));
        break;
      case 'IS_NOT_ACTIVE':
        failing = bad((ids) => !any('IS_ACTIVE', ids));
        break;
      case 'IS_NOT_ACTIVATED':
        failing = bad((ids) => ids.every((id) => (stats.entered.get(id) ?? 0) === 0));
        break;
      case 'IS_ACTIVE_EXACTLY': {
        failing = bad((ids) => any('IS_ACTIVE', ids));
        const named = new Set(groups.flatMap((g) => g.ids));
        const others = [...stats.active.keys()].filter((id) => !named.has(id));
        if (others.length) failing.push(`and also active: ${others.join(', ')}`);
        break;
      }
      case 'IS_COMPLETED_IN_ORDER': {
        let at = 0;
        for (const g of groups) {
          const next = stats.order.findIndex((id, i) => i >= at && g.ids.includes(id));
          if (next < 0) {
            failing = [`${show(g.sel)} (completion order: ${stats.order.join(', ') || 'nothing completed'})`];
            break;
          }
          at = next + 1;
        }
        break;
      }
    }
    if (failing.length) throw new CaseFailure(`expected elements ${ins.state} in ${state.instanceId}, but not: ${failing.join('; ')} (${describeStats(stats, groups.flatMap((g) => g.ids))})`);
  },
  ASSERT_USER_TASK: async (run, ins) => assertUserTask(run, ins),
  ASSERT_VARIABLES: async (run, ins) => {
    const state = await run.instance(ins.processInstanceSelector);
    let variables = state.variables;
    let where = `process instance ${state.instanceId}`;
    if (ins.elementSelector) {
      const ids = run.elementIds(state, ins.elementSelector);
      const scope = Object.values(state.elements).find((e) => ids.includes(e.elementId));
      if (!scope) throw new CaseFailure(`${show(ins.elementSelector)} has no active element instance in ${state.instanceId} to read local variables from`);
      variables = scope.variables ?? {};
      where = `element ${scope.elementId} of ${state.instanceId}`;
    }
    const problems: string[] = [];
    for (const name of ins.variableNames ?? []) if (!(name in variables)) problems.push(`variable ${name} is not set`);
    for (const [name, want] of Object.entries(ins.variables ?? {})) {
      if (!(name in variables)) problems.push(`expected ${name} = ${JSON.stringify(want)}, but it is not set`);
      else if (!isDeepStrictEqual(variables[name], want)) problems.push(`expected ${name} = ${JSON.stringify(want)}, got ${JSON.stringify(variables[name])}`);
    }
    if (problems.length) throw new CaseFailure(`variables of ${where}: ${problems.join('; ')}`);
  },
  ASSERT_DECISION: async (run, ins) => {
    const sel = ins.decisionSelector;
    const matching = run.decisions.evaluations.filter((e) => (sel.decisionDefinitionId === undefined || e.decisionId === sel.decisionDefinitionId)
      && (sel.decisionDefinitionName === undefined || e.decisionName === sel.decisionDefinitionName));
    const last = matching[matching.length - 1];
    if (!last) {
      const seen = [...new Set(run.decisions.evaluations.map((e) => e.decisionId))];
      throw new CaseFailure(`decision ${show(sel)} was not evaluated (${seen.length ? `evaluated: ${seen.join(', ')}` : 'no decision was evaluated'})`);
    }
    const problems: string[] = [];
    if (ins.output !== undefined && !isDeepStrictEqual(last.output, ins.output)) problems.push(`expected output ${JSON.stringify(ins.output)}, got ${JSON.stringify(last.output)}`);
    const missing = (ins.matchedRules ?? []).filter((r) => !last.matchedRules.includes(r));
    if (missing.length) problems.push(`expected rules ${missing.join(', ')} to match`);
    const unwanted = (ins.notMatchedRules ?? []).filter((r) => last.matchedRules.includes(r));
    if (unwanted.length) problems.push(`expected rules ${unwanted.join(', ')} not to match`);
    if (ins.noMatchedRules && last.matchedRules.length) problems.push('expected no rule to match');
    if (problems.length) throw new CaseFailure(`decision ${last.decisionId}: ${problems.join('; ')} (matched rules: ${last.matchedRules.join(', ') || 'none'}${last.mocked ? ', mocked' : ''})`);
  },
  ASSERT_PROCESS_INSTANCE_MESSAGE_SUBSCRIPTION: async (run, ins) => {
    const state = await run.instance(ins.processInstanceSelector);
    const { messageName, correlationKey } = ins.messageSelector;
    const fits = (name: string, key: string | null) => name === messageName && (correlationKey === undefined || key === correlationKey);
    const waiting = Object.values(state.subscriptions).filter((s) => s.kind === 'message' && fits(s.name, s.correlationKey));
    const history = await run.host.history(state.instanceId);
    const opened = new Set(history.filter((e) => e.type === 'subscriptionOpened' && e.kind === 'message' && fits(e.name, e.correlationKey)).map((e) => (e as { key: string }).key));
    const correlated = history.some((e) => e.type === 'eventTriggered' && e.kind === 'message' && opened.has(e.key));
    const holds = ins.state === 'IS_WAITING' ? waiting.length > 0 : ins.state === 'IS_NOT_WAITING' ? waiting.length === 0 : correlated;
    if (!holds) {
      const open = Object.values(state.subscriptions).filter((s) => s.kind === 'message').map((s) => `${s.name} (key '${s.correlationKey ?? ''}') at ${s.elementId}`);
      throw new CaseFailure(`expected the message subscription ${show(ins.messageSelector)} of ${state.instanceId} ${ins.state}, but it is not (waiting: ${open.join(', ') || 'none'}; correlated before: ${correlated ? 'yes' : 'no'})`);
    }
  },
};

export type AssertionType = 'ASSERT_PROCESS_INSTANCE' | 'ASSERT_ELEMENT_INSTANCE' | 'ASSERT_ELEMENT_INSTANCES' | 'ASSERT_USER_TASK' | 'ASSERT_VARIABLES'
  | 'ASSERT_DECISION' | 'ASSERT_PROCESS_INSTANCE_MESSAGE_SUBSCRIPTION';

/** The handler of an assertion instruction; undefined for actions. */
export function assertionOf(type: string): ((run: CaseRun, ins: Instruction) => Promise<void>) | undefined {
  return (ASSERTIONS as Record<string, (run: CaseRun, ins: Instruction) => Promise<void>>)[type];
}

/** CPT's process instance states. A terminate end event completes the instance (as in Zeebe); a cancelled one is terminated. */
function processState(state: InstanceState): 'IS_ACTIVE' | 'IS_COMPLETED' | 'IS_TERMINATED' {
  return state.status === 'active' ? 'IS_ACTIVE' : state.status === 'completed' ? 'IS_COMPLETED' : 'IS_TERMINATED';
}

interface ElementStats {
  entered: Map<string, number>;
  completed: Map<string, number>;
  terminated: Map<string, number>;
  active: Map<string, number>;
  /** Element ids in completion order. */
  order: string[];
}

/** Element instance counts of one instance, from its history and its live elements (a multi-instance body counts like its inner instances). */
async function elementStats(run: CaseRun, state: InstanceState): Promise<ElementStats> {
  const stats: ElementStats = { entered: new Map(), completed: new Map(), terminated: new Map(), active: new Map(), order: [] };
  const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const e of await run.host.history(state.instanceId) as HistoryEvent[]) {
    if (e.type === 'elementEntered') bump(stats.entered, e.elementId);
    else if (e.type === 'elementCompleted') {
      bump(stats.completed, e.elementId);
      stats.order.push(e.elementId);
    } else if (e.type === 'elementTerminated') bump(stats.terminated, e.elementId);
  }
  for (const ei of Object.values(state.elements)) bump(stats.active, ei.elementId);
  return stats;
}

function countIn(stats: ElementStats, kind: 'IS_ACTIVE' | 'IS_COMPLETED' | 'IS_TERMINATED', id: string): number {
  const map = kind === 'IS_ACTIVE' ? stats.active : kind === 'IS_COMPLETED' ? stats.completed : stats.terminated;
  return map.get(id) ?? 0;
}

function describeStats(stats: ElementStats, ids: string[]): string {
  return [...new Set(ids)].map((id) => `${id}: ${stats.active.get(id) ?? 0} active, ${stats.completed.get(id) ?? 0} completed, ${stats.terminated.get(id) ?? 0} terminated`).join('; ');
}

async function openSummary(run: CaseRun, state: InstanceState): Promise<string> {
  const active = [...new Set(Object.values(state.elements).map((e) => e.elementId))];
  const incidents = Object.values(state.incidents).map((i) => `${i.elementId}: ${i.message}`);
  return `${active.length ? `; active: ${active.join(', ')}` : ''}${incidents.length ? `; incidents: ${incidents.join('; ')}` : ''}`;
}

/** A user task, open or closed, as ASSERT_USER_TASK sees it. Closed tasks are rebuilt from history, which keeps fewer fields. */
interface TaskView {
  state: 'IS_CREATED' | 'IS_COMPLETED' | 'IS_CANCELED';
  elementId: string;
  name: string | null;
  assignee: string | null;
  open?: { candidateGroups: string[]; priority: number; dueDate: string | null; followUpDate: string | null };
}

async function assertUserTask(run: CaseRun, ins: InstructionOf<'ASSERT_USER_TASK'>): Promise<void> {
  const sel = ins.userTaskSelector;
  if (ins.state === 'IS_FAILED') throw new CaseFailure('IS_FAILED: Flowdeck user tasks cannot fail (they have no task listeners), so this state never holds');
  const views: TaskView[] = [];
  for (const state of await run.host.listInstances()) {
    if (sel.processDefinitionId !== undefined && state.processId !== sel.processDefinitionId) continue;
    const process = run.host.deployments.get(state.processId, state.processVersion);
    const nameOf = (id: string) => process?.nodes.get(id)?.name ?? null;
    const created = new Map<string, { elementId: string; assignee: string | null }>();
    const closed = new Set<string>();
    for (const e of await run.host.history(state.instanceId)) {
      if (e.type === 'taskCreated' || e.type === 'taskAssigned') created.set(e.taskId, { elementId: e.elementId, assignee: e.assignee });
      if (e.type === 'taskCompleted') {
        closed.add(e.taskId);
        views.push({ state: 'IS_COMPLETED', elementId: e.elementId, name: nameOf(e.elementId), assignee: created.get(e.taskId)?.assignee ?? null });
      }
    }
    for (const t of Object.values(state.tasks)) {
      closed.add(t.id);
      views.push({ state: 'IS_CREATED', elementId: t.elementId, name: t.name, assignee: t.assignee,
        open: { candidateGroups: t.candidateGroups, priority: t.priority, dueDate: t.dueDate, followUpDate: t.followUpDate } });
    }
    for (const [id, t] of created) if (!closed.has(id)) views.push({ state: 'IS_CANCELED', elementId: t.elementId, name: nameOf(t.elementId), assignee: t.assignee });
  }
  const selected = views.filter((v) => (sel.elementId === undefined || v.elementId === sel.elementId) && (sel.taskName === undefined || v.name === sel.taskName));
  const task = ins.state === undefined ? selected[0] : selected.find((v) => v.state === ins.state);
  if (!task) {
    const found = selected.map((v) => `${v.elementId} ${v.state}`);
    throw new CaseFailure(`no user task matches ${show(sel)}${ins.state ? ` in state ${ins.state}` : ''} (${found.length ? `found: ${found.join(', ')}` : 'none was created'})`);
  }
  const problems: string[] = [];
  const expectEq = (field: string, want: unknown, got: unknown) => {
    if (want !== undefined && !isDeepStrictEqual(want, got)) problems.push(`expected ${field} ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  expectEq('assignee', ins.assignee, task.assignee);
  expectEq('elementId', ins.elementId, task.elementId);
  expectEq('name', ins.name, task.name);
  const openOnly = { candidateGroups: ins.candidateGroups, priority: ins.priority, dueDate: ins.dueDate, followUpDate: ins.followUpDate };
  for (const [field, want] of Object.entries(openOnly)) {
    if (want === undefined) continue;
    if (!task.open) problems.push(`${field} is only known for open tasks (this one is ${task.state})`);
    else expectEq(field, want, task.open[field as keyof TaskView['open'] & string]);
  }
  if (problems.length) throw new CaseFailure(`user task ${task.elementId}: ${problems.join('; ')}`);
}
