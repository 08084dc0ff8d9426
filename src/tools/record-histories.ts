/**
 * `npm run record:histories`: runs the replay suite's scenarios (src/engine/replay/scenarios.ts)
 * and writes their command logs and histories to src/engine/replay/histories/. Run it when a change
 * of engine behaviour is meant, and review the diff it makes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { recordScenario } from '../engine/test-support/replay-record';
import { SCENARIOS } from '../engine/test-support/replay-scenarios';
import { createQuickJsScriptRunner } from '../host/scripts/quickjs-runner';

const dir = new URL('../engine/replay/histories/', import.meta.url);
mkdirSync(dir, { recursive: true });
const scripts = await createQuickJsScriptRunner();
for (const scenario of SCENARIOS) {
  const file = await recordScenario(scenario, scripts);
  writeFileSync(new URL(`${scenario.name}.json`, dir), `${JSON.stringify(file, null, 1)}\n`);
  const events = file.instances.reduce((n, i) => n + i.history.length, 0);
  console.log(`${scenario.name}: ${file.instances.length} instance(s), ${events} history events`);
}
scripts.dispose();
