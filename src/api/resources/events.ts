import { ok, route } from '../route';
import { messagesCorrelate, messagesPublish, signalsBroadcast } from '../schemas';

/** Messages and signals (Zeebe rules: docs/engine-semantics.md "Messages", "Signals"). */
export const events = {
  'messages.publish': route(messagesPublish, async ({ host }, r) => {
    const result = await host.messages.publish(r);
    return ok(result, `${result.correlations.length} receiver${result.correlations.length === 1 ? '' : 's'}${result.buffered ? ', buffered' : ''}`);
  }),
  'messages.correlate': route(messagesCorrelate, async ({ host }, r) => ok(await host.messages.correlate(r))),
  'signals.broadcast': route(signalsBroadcast, async ({ host }, r) => {
    const result = await host.messages.broadcastSignal(r);
    return ok(result, `${result.correlations.length} receiver${result.correlations.length === 1 ? '' : 's'}`);
  }),
};
