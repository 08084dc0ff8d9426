import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { command } from '../../host/test-support/store-contract';
import { freshDbs } from '../test-support/fresh-db';
import { failWritesWhen } from '../test-support/intercept';
import { WriteBuffer } from './write-buffer';

const fresh = freshDbs();

describe('WriteBuffer: the rows of several callers as one bulk request per table', () => {
  it('given three callers adding command records, one of them a stored key, when flushed, then only that caller gets its own error (naming its row) and the transaction writes nothing', async () => {
    // Given
    const db = fresh();
    await db.commands.add(command('b', 2, 'x'));
    const settled: PromiseSettledResult<void>[] = [];

    // When
    const outcome = await db.transaction('rw', db.commands, async () => {
      const buffer = new WriteBuffer();
      const a = [command('a', 1, 'start')];
      const b = [command('b', 1, 'start'), command('b', 2, 'x')];
      const c = [command('c', 1, 'start')];
      const calls = [a, b, c].map((rows) => buffer.add(db.commands, rows, (_failure, i) => new Error(`command ${rows[i].n} of ${rows[i].instanceId} is stored`)));
      buffer.flush();
      settled.push(...(await Promise.allSettled(calls)));
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    }).catch((e: unknown) => e);

    // Then
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcome as Error).message).toBe('command 2 of b is stored');
    expect((await db.commands.toArray()).map((r) => `${r.instanceId} ${r.n}`)).toEqual(['b 2']);
  });

  it('given puts and deletes of two callers on one table, when flushed, then one request each is issued and both callers resolve', async () => {
    const db = fresh();
    await db.variables.bulkPut([{ instanceId: 'a', scopeId: '', name: 'old', value: 1 }]);

    await db.transaction('rw', db.variables, async () => {
      const buffer = new WriteBuffer();
      const calls = [
        buffer.delete(db.variables, [['a', '', 'old'] as [string, string, string]]),
        buffer.put(db.variables, [{ instanceId: 'a', scopeId: '', name: 'n', value: 2 }]),
        buffer.put(db.variables, [{ instanceId: 'b', scopeId: '', name: 'n', value: 3 }]),
        buffer.put(db.variables, []),
      ];
      buffer.flush();
      await Promise.all(calls);
    });

    expect((await db.variables.toArray()).map((r) => `${r.instanceId}.${r.name}=${String(r.value)}`)).toEqual(['a.n=2', 'b.n=3']);
  });

  it('given a full disk, when flushed, then every caller of the failed request gets the quota error itself (not a mapped one)', async () => {
    const db = fresh();
    failWritesWhen(db, () => true);

    const reasons = await db.transaction('rw', db.audit, async () => {
      const buffer = new WriteBuffer();
      const calls = [1, 2].map((n) => buffer.add(db.audit, [{ at: n, who: 'ana', action: 'start', instanceId: `i${n}`, details: {} }], () => new Error('mapped')));
      buffer.flush();
      return (await Promise.allSettled(calls)).map((s) => (s.status === 'rejected' ? (s.reason as Error).name : 'written'));
    }).catch((e: unknown) => [(e as Error).name]);

    expect(reasons).toEqual(['QuotaExceededError', 'QuotaExceededError']);
  });
});
