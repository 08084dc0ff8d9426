import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeployment, parseBpmn } from '../../engine';
import type { ScriptRequest, ScriptRunner } from '../../engine';
import { testFeel } from '../../engine/test-support/feel';
import { readScenarios } from '../bpsim/read';
import { simulate } from '../simulate';

/** A script runner that records what each script would see of its instance. */
function recordingScripts(): ScriptRunner & { seen: Record<string, string[]> } {
  const seen: Record<string, string[]> = {};
  return { seen, run: (r: ScriptRequest) => { (seen[r.elementId] ??= []).push(r.processInstanceId); return { ok: true, result: r.processInstanceId, setVariables: {} }; } };
}

async function load() {
  const { definitions } = await parseBpmn(readFileSync(join(__dirname, 'instance-ids.bpmn'), 'utf8'));
  const { processes, errors } = compileDeployment(definitions, { expressions: testFeel });
  expect(errors).toEqual([]);
  return { processes, scenario: readScenarios(definitions)[0] };
}

describe('instance ids in a simulation', () => {
  it('given cases that overlap and finish out of order, when simulated, then every case\'s script sees an instance id of its own, and the same ids whatever the other cases took', async () => {
    const { processes, scenario } = await load();
    const run = (seed: number) => {
      const scripts = recordingScripts();
      const { result } = simulate({ process: processes.get('IdProcess')!, called: processes, scenario, ctx: { scripts }, seed });
      expect(result.instances).toEqual({ started: 200, completed: 200 });
      return scripts.seen;
    };
    const seen = run(3);
    expect(seen.Label.length).toBe(200);
    // As in production: an instance id names one instance, never one that ran before it.
    expect(new Set(seen.Label).size).toBe(200);
    // A called child's id is named after its own case's id.
    expect(seen.ChildLabel.length).toBe(200);
    expect([...seen.ChildLabel].sort()).toEqual(seen.Label.map((id) => `${id}-call-1`).sort());
    // A case's id does not depend on when other cases finished (what-if runs stay comparable):
    // with another seed the work takes other times, and the cases have the same ids.
    const other = run(4);
    expect([...other.Label].sort()).toEqual([...seen.Label].sort());
  });
});
