import type { ModdleElement } from 'bpmn-moddle';
import { str } from '../model/extensions';
import type { Expr, NodeDef } from '../model/types';
import { CommandRejectedError } from '../runtime/commands';
import type { CommandHandler, CompileContext, EventBehaviour } from '../runtime/element-type';
import { evalIn } from '../runtime/evaluate';
import { ElementFailure } from '../runtime/failure';
import type { Step } from '../runtime/step';
import { addTimer, triggerWait } from '../runtime/waits';
import { firstDue, isAllowed, nextDue, parseTimer } from '../timers';
import type { TimerKind, TimerPosition, TimerSchedule } from '../timers';

/*
 * Timer events, as Zeebe reads them (`timers/` holds the time math): a timeDate, timeDuration or
 * timeCycle, written as a literal (parsed and checked at deploy) or as FEEL (`=...`, evaluated when
 * the catching element is entered; for a process's timer start event, at deploy, by the host).
 * Which kind is allowed where follows Zeebe: cycles only on timer start events and
 * non-interrupting boundaries and event subprocess starts. The host's scheduler fires a due timer
 * with `timerFired`; a cycle is then scheduled again until its repetitions are used up.
 */

/** The compiled timer definition (`EventDef.data`). */
export interface TimerDef {
  kind: TimerKind;
  /** Parsed at deploy when the value is a literal. */
  schedule: TimerSchedule | null;
  /** A FEEL value, evaluated when the timer starts. */
  expr: Expr | null;
}

/**
 * The host's scheduler: a timer came due. `dueAt` guards against a stale or repeated fire.
 * `early`: a person fired it before its due time ("fire now", for trying a process out).
 */
export type TimerCommand = { type: 'timerFired'; timerKey: string; dueAt?: number; early?: boolean };

export const timerEvent: EventBehaviour = {
  kind: 'timer',
  compile(def, el, node, cx) {
    const position = positionOf(el, node);
    if (!position) {
      cx.report(node.id, `a timer event definition is not allowed on ${node.kind}`);
      return null;
    }
    const timer = compileTimer(def, node, position, cx);
    return timer ? { kind: 'timer', id: (def.id as string | undefined) ?? null, behaviour: timerEvent, data: timer } : null;
  },
  subscribe(step, ownerId, catcher, def) {
    const timer = def.data as TimerDef;
    const schedule = timer.schedule ?? evaluateSchedule(step, timer, ownerId, catcher);
    const due = firstDue(schedule, step.now);
    if (due === null) throw new ElementFailure('extract', `the ${timer.kind} of ${catcher.id} never comes due`);
    addTimer(step, {
      key: step.nextId('timer'), elementId: catcher.id, elementInstanceId: ownerId, processInstanceId: step.state.instanceId,
      dueAt: due, schedule, fired: 0, createdAt: step.now,
    });
  },
};

const timerFired: CommandHandler = (step, input) => {
  const command = input as TimerCommand;
  const timer = step.state.timers[command.timerKey];
  if (!timer) throw new CommandRejectedError('notFound', `no timer ${command.timerKey}`);
  if (command.dueAt !== undefined && command.dueAt !== timer.dueAt) {
    throw new CommandRejectedError('invalid', `timer ${timer.key} is due at ${new Date(timer.dueAt).toISOString()}, not ${new Date(command.dueAt).toISOString()} (fired already?)`);
  }
  // A timer never fires early by itself (the host passes the time it fires at); only when asked to.
  if (step.now < timer.dueAt && command.early !== true) throw new CommandRejectedError('invalid', `timer ${timer.key} is not due before ${new Date(timer.dueAt).toISOString()}`);
  const catcher = step.node(timer.elementId);
  const next = catcher.cancelActivity ? null : nextDue(timer.schedule as TimerSchedule, timer.dueAt, timer.fired + 1, step.now);
  if (next !== null) {
    // A non-interrupting cycle: the same timer waits for its next due time.
    timer.fired++;
    timer.dueAt = next;
    step.effect({ type: 'timerScheduled', timer: { ...timer } });
  }
  triggerWait(step, timer, 'timer', undefined, next !== null);
};

export const TIMER_COMMANDS: Record<TimerCommand['type'], CommandHandler> = { timerFired };

const KINDS: TimerKind[] = ['timeDate', 'timeDuration', 'timeCycle'];

function compileTimer(def: ModdleElement, node: NodeDef, position: TimerPosition, cx: CompileContext): TimerDef | null {
  const present = KINDS.filter((k) => def[k] !== undefined && def[k] !== null);
  if (present.length !== 1) {
    cx.report(node.id, present.length === 0 ? 'a timer event needs a timeDate, timeDuration or timeCycle' : `a timer event has ${present.join(' and ')}: give exactly one`);
    return null;
  }
  const kind = present[0];
  const allowed = isAllowed(kind, position);
  if (!allowed.ok) {
    cx.report(node.id, allowed.error);
    return null;
  }
  const source = (str(def[kind] as ModdleElement, 'body') ?? '').trim();
  if (source.startsWith('=')) {
    const expr = cx.exprs.expr(node.id, kind, source);
    return expr ? { kind, schedule: null, expr } : null;
  }
  const parsed = parseTimer({ kind, value: source });
  if (!parsed.ok) {
    cx.report(node.id, parsed.error);
    return null;
  }
  return { kind, schedule: parsed.schedule, expr: null };
}

function evaluateSchedule(step: Step, timer: TimerDef, ownerId: string | null, catcher: NodeDef): TimerSchedule {
  const value = evalIn(step, timer.expr as Expr, ownerId, `${timer.kind} of ${catcher.id}`);
  if (typeof value !== 'string') throw new ElementFailure('extract', `the ${timer.kind} of ${catcher.id} evaluated to ${JSON.stringify(value ?? null)}, expected a date, duration or cycle`);
  const parsed = parseTimer({ kind: timer.kind, value });
  if (!parsed.ok) throw new ElementFailure('extract', `${catcher.id}: ${parsed.error}`);
  return parsed.schedule;
}

function positionOf(el: ModdleElement, node: NodeDef): TimerPosition | null {
  switch (node.kind) {
    case 'startEvent': {
      const inEventSubprocess = (el.$parent as ModdleElement | undefined)?.triggeredByEvent === true;
      if (!inEventSubprocess) return 'startEvent';
      return el.isInterrupting === false ? 'eventSubprocessStartNonInterrupting' : 'eventSubprocessStart';
    }
    case 'intermediateCatchEvent':
      return 'intermediateCatchEvent';
    case 'boundaryEvent':
      return el.cancelActivity === false ? 'boundaryEventNonInterrupting' : 'boundaryEvent';
    default:
      return null;
  }
}
