import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuickJsScriptRunner, type QuickJsScriptRunner } from '../../host/scripts/quickjs-runner';
import { Deployments } from '../deployments';
import { replayLog } from '../runtime/replay';
import { compileXml, roundTrip, testContext } from '../test-support/harness';
import type { HistoryFile } from '../test-support/replay-record';
import { recordScenario } from '../test-support/replay-record';
import { readModel, SCENARIOS } from '../test-support/replay-scenarios';

/*
 * The replay suite (as Temporal's SDK keeps `history_files`): every recorded command log, replayed
 * by today's engine, must give exactly the recorded history. A change of behaviour shows up here;
 * if it is meant, re-record (`npm run record:histories`) and review the diff.
 */

const dir = new URL('histories/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let scripts: QuickJsScriptRunner;

beforeAll(async () => {
  scripts = await createQuickJsScriptRunner();
});
afterAll(() => scripts.dispose());

describe('replay suite', () => {
  it('has a recorded history file for every scenario', () => {
    expect(files).toEqual(SCENARIOS.map((s) => `${s.name}.json`).sort());
  });

  for (const file of files) {
    it(`given the recorded logs of ${file}, when replayed, then each instance's history is reproduced exactly`, async () => {
      const recorded = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as HistoryFile;
      const deployments = new Deployments();
      for (const model of recorded.models) await compileXml(readModel(model), deployments);
      expect(recorded.instances.length).toBeGreaterThan(0);
      for (const instance of recorded.instances) {
        const process = deployments.get(instance.processId, instance.processVersion);
        if (!process) throw new Error(`${file}: ${instance.processId} v${instance.processVersion} is not in its models`);
        const ctx = testContext({ scripts, limits: { stepBudget: recorded.stepBudget } });
        const { history } = replayLog(process, roundTrip(instance.log), ctx);
        expect(history, `${file}: ${instance.instanceId} replays differently; if the change is meant, run npm run record:histories and review the diff`).toEqual(instance.history);
      }
    });
  }

  it('given the scenarios, when run again now, then they record what the files hold (the files are current)', async () => {
    for (const scenario of SCENARIOS) {
      const fresh = roundTrip(await recordScenario(scenario, scripts));
      const stored = JSON.parse(readFileSync(new URL(`${scenario.name}.json`, dir), 'utf8')) as HistoryFile;
      expect(fresh, `${scenario.name}: the engine now records something else; if that is meant, run npm run record:histories and review the diff`).toEqual(stored);
    }
  });
});
