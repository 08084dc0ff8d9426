import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { historyToLog, logToHistory } from './engine-log';
import { eventsOf } from './model';
import { readOcel } from './ocel-read';
import { writeOcel } from './ocel-write';
import { readLog } from './read-log';
import { summarize } from './summary';
import { readDiagramModel } from './diagram-model';
import { readXes } from './xes-read';
import { writeXes } from './xes-write';
import { APPROVAL, runApproval } from './test-support/approval-run';

describe('engine history as a log', () => {
  it('given two engine histories, when exported as XES, read, written as OCEL 2.0 and read back, then no event is lost and the histories come back field for field', async () => {
    const small = await runApproval(100);
    const big = await runApproval(900, small);
    const histories = [small.history, big.history];
    const log = historyToLog(histories);
    expect(log.size).toBe(small.history.length + big.history.length);
    const fromXes = readXes(writeXes(log));
    expect(eventsOf(fromXes)).toEqual(eventsOf(log));
    const ocel = JSON.parse(writeOcel(fromXes)) as { objects: Array<{ id: string; type: string }>; events: unknown[] };
    expect(ocel.events).toHaveLength(log.size);
    expect(ocel.objects.map((o) => o.type).sort()).toEqual(['process instance', 'user task'].flatMap((t) => [t, t]).sort());
    // Each user task is part of its process instance (an OCEL 2.0 object-to-object relation).
    const tasks = (ocel.objects as Array<{ id: string; type: string; relationships: Array<{ objectId: string; qualifier: string }> }>).filter((o) => o.type === 'user task');
    expect(tasks.map((t) => t.relationships)).toEqual([[{ objectId: small.instanceId, qualifier: 'part of' }], [{ objectId: big.instanceId, qualifier: 'part of' }]]);
    const fromOcel = readOcel(JSON.stringify(ocel), { objectType: 'process instance' });
    expect(eventsOf(fromOcel)).toEqual(eventsOf(log));
    const back = logToHistory(fromOcel);
    expect(back.get(small.instanceId)).toEqual(small.history);
    expect(back.get(big.instanceId)).toEqual(big.history);
  });

  it('given a child instance and its caller, when exported as OCEL 2.0 with their parents, then the child is related to the caller (O2O called by); a caller outside the log is not named', async () => {
    const caller = await runApproval(100);
    const child = await runApproval(900, caller);
    const objects = (log: ReturnType<typeof historyToLog>) => (JSON.parse(writeOcel(log)) as { objects: Array<{ id: string; relationships?: Array<{ objectId: string; qualifier: string }> }> }).objects;
    const both = objects(historyToLog([caller.history, child.history], { parents: { [child.instanceId]: caller.instanceId } }));
    expect(both.find((o) => o.id === child.instanceId)?.relationships).toEqual([{ objectId: caller.instanceId, qualifier: 'called by' }]);
    expect(both.find((o) => o.id === caller.instanceId)?.relationships ?? []).toEqual([]);
    const alone = objects(historyToLog([child.history], { parents: { [child.instanceId]: caller.instanceId } }));
    expect(alone.find((o) => o.id === child.instanceId)?.relationships ?? []).toEqual([]);
  });

  it('given an engine log, when summarised with its model, then element events are matched by id and none is unmatched', async () => {
    const { history } = await runApproval(100);
    const xes = writeXes(historyToLog([history], { detail: 'activities' }));
    const s = summarize(readLog('run.xes', strToU8(xes)), readDiagramModel(APPROVAL));
    expect(s.activities).toEqual({ AutoApprove: 2, Approved: 2, Big: 2, Enter: 4, Start: 2, Wait: 2 });
    expect(s.matched).toEqual({ AutoApprove: 'AutoApprove', Approved: 'Approved', Big: 'Big', Enter: 'Enter', Start: 'Start', Wait: 'Wait' });
    expect(s.unmatched).toEqual([]);
  });
});
