import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDeployment, parseBpmn } from '../../engine';
import type { ExecutableProcess } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { readScenarios } from '../bpsim/read';
import type { Scenario } from '../scenario';

/** Parses a spec's `.bpmn` fixture, compiles its (first) process for one run and reads its scenarios. */
export async function loadModel(file: string): Promise<{ process: () => ExecutableProcess; scenarios: Scenario[]; xml: string }> {
  const xml = readFileSync(join(__dirname, '..', 'specs', file), 'utf8');
  // Scenarios that are meant to be unreadable (bad inputs) are read by the spec itself.
  const readable = xml.replace(/<bpsim:Scenario id="bad"[\s\S]*?<\/bpsim:Scenario>/g, '');
  const { definitions } = await parseBpmn(readable);
  const scenarios = readScenarios(definitions);
  const process = () => {
    const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
    if (errors.length > 0) throw new Error(JSON.stringify(errors));
    return [...processes.values()][0];
  };
  return { process, scenarios, xml };
}

export function scenario(all: Scenario[], id: string): Scenario {
  const s = all.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}
