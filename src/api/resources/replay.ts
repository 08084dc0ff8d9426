import { ok, route } from '../route';
import { instancesFork } from '../schemas';
import { instanceOf } from './instances';

export const replay = {
  /** Rewind and fork (docs/replay.md "Fork"): a new instance from the state at history event `atSeq`, with `variables` set. */
  'instances.fork': route(instancesFork, async (ports, r) => {
    await instanceOf(ports, r.instanceId);
    const fork = await ports.host.fork(r.instanceId, { atSeq: r.atSeq, variables: r.variables });
    return ok(fork, `forked ${r.instanceId} at event ${r.atSeq} as ${fork.instanceId}`);
  }),
};
