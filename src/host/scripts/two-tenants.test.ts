import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScriptRunner } from '../../engine/ports';
import { CountingIds, ManualClock, SeededRandom } from '../clocks';
import { EngineHost } from '../engine-host';
import { FeelExpressions } from '../feel-expressions';
import { MemoryStore } from '../memory-store';
import { RUNNERS, useRunners } from './test-support/runners';

const MODEL = readFileSync(join(import.meta.dirname, 'fixtures', 'two-tenants.bpmn'), 'utf8');
// One valid card (Luhn) and one invalid: the loan must be rejected.
const CARDS = ['4111111111111111', '1234567812345678'];

async function newHost(scripts: ScriptRunner): Promise<EngineHost> {
  const host = new EngineHost({ store: new MemoryStore(), clock: new ManualClock(Date.UTC(2025, 0, 1)), ids: new CountingIds(), random: new SeededRandom(7), expressions: new FeelExpressions(), scripts });
  await host.deploy(MODEL, 'two-tenants.bpmn');
  return host;
}

async function tenantB(host: EngineHost) {
  const state = await host.startInstance('tenantB', { variables: { cards: CARDS } });
  return { status: state.status, path: state.path, variables: state.variables, incidents: Object.values(state.incidents) };
}

// Tenant A plants code in the array and string iterators; tenant B, a later instance on the same
// host, iterates card numbers and decides a loan. B must get exactly what B alone gets (writing),
// and a second instance of A must get nothing of B's (reading).
describe.each(RUNNERS)('two tenants on one EngineHost (%s runner)', (_name, create) => {
  const runners = useRunners(() => create(), () => create());

  it('given tenant A planted code in the iterators, when tenant B checks its cards, then B decides exactly as alone and A reads nothing back', async () => {
    const [shared, alone] = runners();
    const expected = await tenantB(await newHost(alone));
    expect(expected).toMatchObject({ status: 'completed', variables: { cards: CARDS, checked: 2, approved: false }, incidents: [] });
    expect(expected.path).toContain('Rejected');

    const host = await newHost(shared);
    const plant = await host.startInstance('tenantA');
    expect(plant).toMatchObject({ status: 'completed', variables: { loot: [] } });

    expect(await tenantB(host)).toEqual(expected);

    const reader = await host.startInstance('tenantA');
    expect(reader).toMatchObject({ status: 'completed', variables: { loot: [] } });
    expect(JSON.stringify(reader.variables)).not.toContain('4111');
  });
});
