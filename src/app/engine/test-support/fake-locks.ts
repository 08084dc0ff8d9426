/** A Web Locks stand-in for Node: one holder per name, the others granted in request order when it lets go. */
export function fakeLocks(): Pick<LockManager, 'request'> {
  const queues = new Map<string, Array<() => void>>();
  const held = new Set<string>();
  const grantNext = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  return {
    request: ((name: string, callback: (lock: Lock | null) => Promise<unknown> | unknown) => new Promise<unknown>((resolve) => {
      const run = () => {
        held.add(name);
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).then(resolve).finally(() => grantNext(name));
      };
      if (held.has(name)) queues.set(name, [...(queues.get(name) ?? []), run]);
      else run();
    })) as LockManager['request'],
  };
}
