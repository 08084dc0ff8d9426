import { describe, expect, it } from 'vitest';
import type { ScriptRequest, ScriptRunner } from '../../engine';
import { simulate } from '../simulate';
import { loadModel, scenario } from '../test-support/load';

/** A script runner that records what each script would see of its instance. */
function recordingScripts(): ScriptRunner & { seen: string[] } {
  const seen: string[] = [];
  return { seen, run: (r: ScriptRequest) => { seen.push(r.processInstanceId); return { ok: true, result: r.processInstanceId, setVariables: {} }; } };
}

describe('instance ids in a simulation', () => {
  it('given cases that overlap and finish out of order, when simulated, then every case\'s script sees an instance id of its own, and the same ids whatever the other cases took', async () => {
    const model = await loadModel('instance-ids.bpmn');
    const s = scenario(model.scenarios, 'ids');
    const scripts = recordingScripts();
    const { result } = simulate({ process: model.process(), scenario: s, ctx: { scripts } });
    expect(result.instances).toEqual({ started: 200, completed: 200 });
    expect(scripts.seen.length).toBe(200);
    // As in production: an instance id names one instance, never one that ran before it.
    expect(new Set(scripts.seen).size).toBe(200);
    // A case's id does not depend on when other cases finished (what-if runs stay comparable):
    // with another seed the work takes other times, and each case still has the same id.
    const other = recordingScripts();
    simulate({ process: model.process(), scenario: s, ctx: { scripts: other }, seed: 4 });
    expect([...other.seen].sort()).toEqual([...scripts.seen].sort());
  });
});
