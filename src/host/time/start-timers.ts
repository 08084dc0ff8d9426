import type { ExecutableProcess } from '../../engine';
import type { TimerDef } from '../../engine/behaviours/timer-event';
import { parseTimer } from '../../engine/timers';
import type { TimerSchedule } from '../../engine/timers';

/**
 * The timer start events of a process with their schedules. A FEEL value is evaluated now, at
 * deploy, without variables (Zeebe does the same); one that does not evaluate to a valid timer is
 * an error naming the start event.
 * @throws Error naming the start event when its expression does not give a valid timer.
 */
export function startTimerDefs(process: ExecutableProcess, now: number): Array<{ elementId: string; schedule: TimerSchedule }> {
  const out: Array<{ elementId: string; schedule: TimerSchedule }> = [];
  for (const node of process.startEvents) {
    for (const def of node.events) {
      if (def.kind !== 'timer') continue;
      const timer = def.data as TimerDef;
      if (timer.schedule) {
        out.push({ elementId: node.id, schedule: timer.schedule });
        continue;
      }
      const { value } = timer.expr!.compiled.evaluate({}, now);
      const parsed = typeof value === 'string' ? parseTimer({ kind: timer.kind, value }) : { ok: false as const, error: `evaluated to ${JSON.stringify(value ?? null)}` };
      if (!parsed.ok) throw new Error(`${process.id}/${node.id}: the ${timer.kind} '${timer.expr!.source}' ${parsed.error}`);
      out.push({ elementId: node.id, schedule: parsed.schedule });
    }
  }
  return out;
}
