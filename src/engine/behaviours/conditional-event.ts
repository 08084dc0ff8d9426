import { ext, formal, str } from '../model/extensions';
import type { Expr, NodeDef } from '../model/types';
import type { EventBehaviour, VariableChange } from '../runtime/element-type';
import { evalCondition } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { Variables } from '../runtime/state';
import { visibleVariables } from '../runtime/variables';
import { addSubscription, triggerWait, waitIncident } from '../runtime/waits';

/*
 * Conditional events (BPMN 2.0; Camunda 8.9 runs them too): a FEEL condition over the variables the
 * catching element can see. Its wait opens with the element (intermediate catch), the activity
 * (boundary) or the scope (event subprocess start) and is checked at once: a condition already
 * true triggers right away, as Camunda does. It is checked again whenever a variable it can see
 * is written (runtime/watch.ts) and triggers when the condition *becomes* true: a non-interrupting
 * boundary or event subprocess fires again only after the condition was false in between (the
 * BPMN rule). A condition that does not evaluate to a boolean is an incident on the wait (retry
 * `wait`); the process's own conditional start events are the host's (`evaluateConditions`).
 */

/** The compiled conditional definition (`EventDef.data`). */
export interface ConditionalDef {
  condition: Expr;
  /** `zeebe:conditionalFilter variableNames`: only writes to these re-check it (null: any). */
  variableNames: string[] | null;
  /** `zeebe:conditionalFilter variableEvents`: which writes re-check it (null: creates and updates). */
  variableEvents: Array<'create' | 'update'> | null;
}

export const conditionalEvent: EventBehaviour = {
  kind: 'conditional',
  compile(def, el, node, cx) {
    if (node.kind !== 'startEvent' && node.kind !== 'intermediateCatchEvent' && node.kind !== 'boundaryEvent') {
      cx.report(node.id, `a conditional event definition is only allowed on start, intermediate catch and boundary events, not on ${node.kind}`);
      return null;
    }
    const source = formal(def, 'condition');
    if (source === undefined) {
      cx.report(node.id, 'a conditional event needs a condition');
      return null;
    }
    const condition = cx.exprs.expr(node.id, 'condition', source);
    const filter = ext(def, 'zeebe:ConditionalFilter');
    const variableNames = names(str(filter, 'variableNames'));
    const events = names(str(filter, 'variableEvents'));
    const bad = events?.filter((e) => e !== 'create' && e !== 'update') ?? [];
    if (bad.length > 0) cx.report(node.id, `zeebe:conditionalFilter variableEvents may name create and update, not ${bad.join(', ')}`);
    if (!condition || bad.length > 0) return null;
    const data: ConditionalDef = { condition, variableNames, variableEvents: events as ConditionalDef['variableEvents'] };
    return { kind: 'conditional', id: (def.id as string | undefined) ?? null, behaviour: conditionalEvent, data };
  },
  link(node, def, nodes, cx) {
    // Zeebe's rule for a process's conditional start events: one condition, one start event.
    if (node.kind !== 'startEvent' || node.containerId !== null) return;
    const source = (def.data as ConditionalDef).condition.source.trim();
    for (const other of nodes.values()) {
      if (other === node) return;
      if (other.kind !== 'startEvent' || other.containerId !== null) continue;
      if (other.events.some((d) => d.kind === 'conditional' && (d.data as ConditionalDef).condition.source.trim() === source)) {
        cx.report(node.id, `${node.id} and ${other.id} start the process on the same condition '${source}': give each conditional start event its own`);
      }
    }
  },
  subscribe(step, ownerId, catcher) {
    const key = step.nextId('sub');
    addSubscription(step, {
      key, kind: 'conditional', name: catcher.id, correlationKey: null, elementId: catcher.id, elementInstanceId: ownerId,
      processInstanceId: step.state.instanceId, interrupting: catcher.cancelActivity, createdAt: step.now, holds: false,
    });
    // Checked as soon as the step's current piece of work is done (not inside the owner's activation).
    step.recheck(key);
  },
  recheck(step, wait, catcher, def, changes) {
    const conditional = def.data as ConditionalDef;
    if (changes && !changes.some((c) => passes(conditional, c))) return;
    let holds: boolean;
    try {
      holds = evalCondition(step, conditional.condition, visibleVariables(step, wait.elementInstanceId), `condition of ${catcher.id}`);
    } catch (err) {
      if (!(err instanceof ElementFailure)) throw err;
      waitIncident(step, wait, err.type, err.message);
      return;
    }
    const held = wait.holds === true;
    wait.holds = holds;
    if (holds && !held) triggerWait(step, wait, 'conditional', undefined, !wait.interrupting);
  },
};

/**
 * Whether the conditional start event `node` of a process holds for `variables` (the host's
 * `evaluateConditions`): every conditional definition when it is parallel multiple, else any one.
 * A condition that does not evaluate to a boolean gives `error` (there is no instance yet to hold
 * an incident).
 */
export function startConditionHolds(node: NodeDef, variables: Variables, now: number): { holds: boolean } | { error: string } {
  const conditionals = node.events.filter((d) => d.kind === 'conditional');
  let any = false;
  let all = conditionals.length > 0;
  for (const d of conditionals) {
    const c = (d.data as ConditionalDef).condition;
    let result: { value: unknown; warnings: string[] };
    try {
      result = c.compiled.evaluate(variables, now);
    } catch (err) {
      return { error: `condition of ${node.id} '${c.source}' failed: ${(err as Error)?.message ?? String(err)}` };
    }
    if (typeof result.value !== 'boolean') {
      const why = result.warnings.length > 0 ? `: ${result.warnings.join('; ')}` : '';
      return { error: `condition of ${node.id} '${c.source}' evaluated to ${JSON.stringify(result.value ?? null)}, expected a boolean${why}` };
    }
    any ||= result.value;
    all &&= result.value;
  }
  return { holds: node.parallelMultiple ? all : any };
}

function passes(c: ConditionalDef, change: VariableChange): boolean {
  if (c.variableNames && !c.variableNames.includes(change.name)) return false;
  if (c.variableEvents && !c.variableEvents.includes(change.created ? 'create' : 'update')) return false;
  return true;
}

function names(list: string | undefined): string[] | null {
  if (list === undefined) return null;
  const out = list.split(',').map((s) => s.trim()).filter(Boolean);
  return out.length > 0 ? out : null;
}

/** True for the process-level start events the host starts on conditions. */
export function isConditionalStart(node: NodeDef): boolean {
  return node.kind === 'startEvent' && node.containerId === null && node.events.some((d) => d.kind === 'conditional');
}
