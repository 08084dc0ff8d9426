import { ok, route } from '../route';
import { historyGet } from '../schemas';
import { instanceOf } from './instances';

export const history = {
  /** The instance's history events in order (`afterSeq`: only the newer ones, for a live view). */
  'history.get': route(historyGet, async (ports, r) => {
    await instanceOf(ports, r.instanceId);
    return ok(await ports.host.history(r.instanceId, r.afterSeq));
  }),
};
