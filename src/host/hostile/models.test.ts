import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountingIds, ManualClock } from '../clocks';
import { EngineHost } from '../engine-host';
import { FeelExpressions } from '../feel-expressions';
import { MemoryStore } from '../memory-store';
import { createQuickJsScriptRunner, type QuickJsScriptRunner } from '../scripts/quickjs-runner';

/*
 * The hostile model corpus (issue 13): models and payloads that would hang the host, exhaust it or
 * mislead it, each with what must happen instead. Every case runs on a fresh host; afterwards the
 * host must still run a normal instance.
 */

interface HostileCase {
  name: string;
  model: string;
  process?: string;
  variables?: unknown;
  deepVariables?: number;
  hugeVariables?: number;
  expect: { deploy?: string; error?: string; incident?: { type: string; message: string } };
}

const cases = JSON.parse(readFileSync(new URL('models.json', import.meta.url), 'utf8')) as HostileCase[];
const model = (name: string) => readFileSync(new URL(`models/${name}`, import.meta.url), 'utf8');
let scripts: QuickJsScriptRunner;

beforeAll(async () => {
  scripts = await createQuickJsScriptRunner();
});
afterAll(() => scripts.dispose());

function variablesOf(c: HostileCase): unknown {
  if (c.deepVariables) {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < c.deepVariables; i++) node = (node.a = {}) as Record<string, unknown>;
    return root;
  }
  if (c.hugeVariables) return { blob: 'x'.repeat(c.hugeVariables) };
  return c.variables;
}

describe('hostile models and payloads', () => {
  for (const c of cases) {
    it(`given ${c.name}, when deployed and started, then it is contained: ${JSON.stringify(c.expect)}`, async () => {
      // A step budget of 10,000 keeps the loops quick here; conformance/budget.test.ts covers the default.
      const host = new EngineHost({
        store: new MemoryStore(), clock: new ManualClock(Date.UTC(2026, 0, 1)), ids: new CountingIds(), expressions: new FeelExpressions(), scripts,
        limits: { stepBudget: 10_000 },
      });
      if (c.expect.deploy) {
        await expect(host.deploy(model(c.model), c.model)).rejects.toThrow(c.expect.deploy);
        return;
      }
      await host.deploy(model(c.model), c.model);
      const started = host.startInstance(c.process as string, { variables: variablesOf(c) as Record<string, unknown> });
      if (c.expect.error) {
        await expect(started).rejects.toThrow(c.expect.error);
        expect(await host.listInstances()).toEqual([]);
      } else {
        await started;
        const incidents = await host.listIncidents();
        expect(incidents).toHaveLength(1);
        expect(incidents[0]).toMatchObject({ type: c.expect.incident?.type });
        expect(incidents[0].message).toContain(c.expect.incident?.message);
      }
      // The host goes on: a normal instance still runs and gives its usual answer.
      await host.deploy(model('normal.bpmn'), 'normal.bpmn');
      const normal = await host.startInstance('normal', { variables: { cards: ['4111', '55'] } });
      expect(normal).toMatchObject({ status: 'completed', variables: { approved: true, digits: 6 } });
    });
  }
});
