import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deployments } from '../engine';
import { createQuickJsScriptRunner, type QuickJsScriptRunner } from '../host/scripts/quickjs-runner';
import { compileXml, roundTrip, testContext } from '../engine/test-support/harness';
import type { HistoryFile } from '../engine/test-support/replay-record';
import { readModel } from '../engine/test-support/replay-scenarios';
import { historyToLog, logToHistory } from './engine-log';
import { Player } from './frames';
import { readOcel } from './ocel-read';
import { writeOcel } from './ocel-write';
import { buildIndex } from './replay-index';
import { replayInstance } from './rewind';
import { readXes } from './xes-read';
import { writeXes } from './xes-write';

/*
 * The engine's recorded histories (src/engine/replay/histories, `npm run record:histories`) through
 * replay: re-executing each command log gives the recorded history byte for byte, and the histories
 * survive XES and OCEL 2.0 byte for byte too.
 */
const dir = new URL('../engine/replay/histories/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let scripts: QuickJsScriptRunner;

beforeAll(async () => {
  scripts = await createQuickJsScriptRunner();
});
afterAll(() => scripts.dispose());

describe('recorded engine histories through replay', () => {
  it('has recorded histories to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`given ${file}, when each instance is replayed and its history goes through XES and OCEL 2.0, then every history comes back byte for byte`, async () => {
      const recorded = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as HistoryFile;
      const deployments = new Deployments();
      for (const model of recorded.models) await compileXml(readModel(model), deployments);
      for (const instance of recorded.instances) {
        const process = deployments.get(instance.processId, instance.processVersion);
        if (!process) throw new Error(`${file}: ${instance.processId} is not in its models`);
        const { history } = replayInstance(process, roundTrip(instance.log), testContext({ scripts, limits: { stepBudget: recorded.stepBudget } }));
        expect(JSON.stringify(history), `${file}: ${instance.instanceId}`).toBe(JSON.stringify(instance.history));
      }
      const log = historyToLog(recorded.instances.map((i) => i.history));
      const viaXes = logToHistory(readXes(writeXes(log)));
      const viaOcel = logToHistory(readOcel(writeOcel(readXes(writeXes(log))), { objectType: 'process instance' }));
      for (const instance of recorded.instances) {
        expect(JSON.stringify(viaXes.get(instance.instanceId)), `${file}: ${instance.instanceId} via XES`).toBe(JSON.stringify(instance.history));
        expect(JSON.stringify(viaOcel.get(instance.instanceId)), `${file}: ${instance.instanceId} via OCEL`).toBe(JSON.stringify(instance.history));
      }
      // The player takes every event in: at the end of the log, all of them have happened.
      const ix = buildIndex(log);
      expect(new Player(ix).seek(ix.end).events).toBe(log.size);
    });
  }
});
