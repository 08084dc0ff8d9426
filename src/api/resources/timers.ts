import { ApiError } from '../errors';
import { ok, route } from '../route';
import { timersFire } from '../schemas';
import { instanceOf, mustRun, summarize } from './instances';

/** Timers of an instance: "fire now" (`POST /instances/{id}/timers/{key}/fire`). */
export const timers = {
  'timers.fire': route(timersFire, async (ports, { instanceId, timerKey }) => {
    const s = await instanceOf(ports, instanceId);
    mustRun(s, 'fire a timer of');
    const timer = s.timers[timerKey];
    if (!timer) throw new ApiError('notFound', `instance ${instanceId} waits for no timer ${timerKey}`, { instanceId, timerKey, timers: Object.keys(s.timers) });
    const after = await ports.host.fireTimerNow(instanceId, timerKey);
    return ok(summarize(after), `fired timer ${timerKey} of ${timer.elementId} now (due ${new Date(timer.dueAt).toISOString()})`);
  }),
};
