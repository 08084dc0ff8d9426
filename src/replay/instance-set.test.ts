import { describe, expect, it } from 'vitest';
import { historyToLog } from './engine-log';
import { Player } from './frames';
import { heatmap } from './heatmap';
import { buildIndex } from './replay-index';
import { approvalHost, runApproval, T0 } from './test-support/approval-run';

// Several engine instances played together (the studio's "Play together"): one case per
// instance, each its own colour (case index), at absolute or relative time.

async function twoInstances() {
  const on = await approvalHost();
  const first = await runApproval(100, on);
  on.clock.advance(600_000);
  const second = await runApproval(5000, on);
  const log = historyToLog([first.history, second.history], { name: 'two' });
  return { log, ids: [first.instanceId, second.instanceId] };
}

function casesAt(player: Player, t: number, activity: number): number[] {
  const f = player.seek(t);
  const out: number[] = [];
  for (let k = 0; k < f.tokens; k++) if (f.tokenPlace[k] === activity && f.tokenKind[k] === 0) out.push(f.tokenCase[k]);
  return out.sort();
}

describe('several engine instances at once', () => {
  it('given two instances started ten minutes apart, when played at absolute time, then only the first is at its user task thirty seconds in', async () => {
    const { log, ids } = await twoInstances();
    expect(log.cases).toEqual(ids);
    const index = buildIndex(log);
    const enter = log.activities.indexOf('Enter');
    const player = new Player(index);
    expect(casesAt(player, T0 + 30_000, enter)).toEqual([0]);
    const secondStart = Math.min(...Array.from(log.timeOf).filter((_, i) => log.caseOf[i] === 1));
    expect(casesAt(player, secondStart + 30_000, enter)).toEqual([1]);
  });

  it('given the same two instances at relative time, when thirty seconds in, then both are at the user task, as two cases', async () => {
    const { log } = await twoInstances();
    const index = buildIndex(log, { relative: true });
    expect(index.start).toBe(0);
    const enter = log.activities.indexOf('Enter');
    const player = new Player(index);
    expect(casesAt(player, 30_000, enter)).toEqual([0, 1]);
    expect(player.seek(30_000).active[enter]).toBe(2);
  });

  it('given the two instances, when the whole set is played, then each took its own branch and the heatmap counts both', async () => {
    const { log } = await twoInstances();
    const index = buildIndex(log);
    const end = new Player(index).seek(index.end);
    expect(end.visitedNodes[log.activities.indexOf('AutoApprove')]).toBe(1);
    expect(end.visitedNodes[log.activities.indexOf('Review')]).toBe(1);
    expect(heatmap(index).nodes.Enter.frequency).toBe(2);
  });
});
