import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process';

const LOG = 'src/replay/fixtures/approval-log.xes';
const MODEL = 'src/replay/fixtures/approval.bpmn';
const SUMMARY = {
  format: 'xes', cases: 3, events: 19,
  activities: { 'Approve automatically': 4, Approved: 2, 'Enter amount': 6, Request: undefined, 'Request in': 3, Review: 2, Reviewed: 1, 'Send letter': 1 },
  start: '2026-01-05T09:00:00.000Z', end: '2026-01-05T10:11:00.000Z',
};
delete (SUMMARY.activities as Record<string, unknown>).Request;

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Record<string, unknown>;
const tmp = () => mkdtempSync(join(tmpdir(), 'flowdeck-log-'));

describe('flowdeck log', { timeout: 60_000 }, () => {
  it('given an XES log, when summarised with --json, then it prints exactly the documented object; with --model, the matching too', async () => {
    const r = await runInProcess('log', LOG, '--json');
    expect(r.code).toBe(0);
    expect(json(r)).toEqual(SUMMARY);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const m = await runInProcess('log', LOG, '--model', MODEL, '--json');
    expect(json(m)).toEqual({
      ...SUMMARY,
      matched: { 'Approve automatically': 'AutoApprove', Approved: 'Approved', 'Enter amount': 'Enter', 'Request in': 'Start', Review: 'Review', Reviewed: 'Reviewed' },
      unmatched: ['Send letter'],
    });
    const text = await runInProcess('log', LOG, '--model', MODEL);
    expect(text.stdout).toContain('unmatched: 1 activity: Send letter');
  });

  it('given an XES log, when converted to OCEL 2.0, CSV and gzipped XES, then reading each again gives the same summary', async () => {
    const dir = tmp();
    for (const [file, format] of [['out.jsonocel', 'ocel'], ['out.csv', 'csv'], ['out.xes', 'xes']] as const) {
      const to = join(dir, file);
      const c = await runInProcess('log', LOG, '--to', to);
      expect(c.code, c.stderr).toBe(0);
      expect(c.stderr).toContain('wrote 19 events');
      expect(json(await runInProcess('log', to, '--json'))).toEqual({ ...SUMMARY, format });
    }
    const gz = join(dir, 'again.xes.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(dir, 'out.xes'))));
    expect(json(await runInProcess('log', gz, '--json'))).toEqual(SUMMARY);
  });

  it('given OCEL with two object types and CSV with other column names, when read with --object-type and --columns, then the case notion and the mapping apply', async () => {
    const dir = tmp();
    const ocel = join(dir, 'o.jsonocel');
    writeFileSync(ocel, JSON.stringify({
      objects: [{ id: 'o1', type: 'order' }, { id: 'i1', type: 'item' }, { id: 'i2', type: 'item' }],
      events: [
        { id: 'e1', type: 'place', time: '2026-01-05T08:00:00Z', relationships: [{ objectId: 'o1' }, { objectId: 'i1' }, { objectId: 'i2' }] },
        { id: 'e2', type: 'pick', time: '2026-01-05T09:00:00Z', relationships: [{ objectId: 'i1' }] },
      ],
    }));
    expect(json(await runInProcess('log', ocel, '--object-type', 'order', '--json'))).toMatchObject({ format: 'ocel', cases: 1, events: 1, activities: { place: 1 } });
    expect(json(await runInProcess('log', ocel, '--object-type', 'item', '--json'))).toMatchObject({ cases: 2, events: 3, activities: { pick: 1, place: 2 } });
    const bad = await runInProcess('log', ocel, '--object-type', 'truck');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('$.objects: no object of type "truck" (types: item, order)');
    const csv = join(dir, 'l.csv');
    writeFileSync(csv, 'Case,Task,Done,Who\nA,Ship,2026-01-05T08:00:00Z,ana\n');
    expect(json(await runInProcess('log', csv, '--columns', 'case=Case,activity=Task,end=Done,resource=Who', '--json'))).toMatchObject({ format: 'csv', cases: 1, events: 1 });
    const unmapped = await runInProcess('log', csv);
    expect(unmapped.code).toBe(3);
    expect(unmapped.stderr).toContain('line 1: no column "case_id" for the case (columns: Case, Task, Done, Who); map it with --columns case=<column>');
  });

  it('given files that are not valid logs, when read, then it exits 3 naming the line or JSON path, and --to writes nothing', async () => {
    const dir = tmp();
    const xes = join(dir, 'bad.xes');
    writeFileSync(xes, readFileSync(LOG, 'utf8').replace('2026-01-05T09:12:00.000+00:00', 'noon'));
    const to = join(dir, 'never.csv');
    const r = await runInProcess('log', xes, '--to', to);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad\.xes: line 20: time:timestamp: "noon" is not an xs:dateTime/);
    expect(() => readFileSync(to)).toThrow();
    const json2 = join(dir, 'bad.jsonocel');
    writeFileSync(json2, '{"objects": [], "events": [{"id": "e1", "type": "a"}]}');
    expect((await runInProcess('log', json2)).stderr).toContain('$.events[0].time: undefined is not an ISO 8601 time');
    expect((await runInProcess('log', LOG, '--to', 'x.txt')).stderr).toContain('--to x.txt: a log is written as .xes (IEEE 1849), .jsonocel (OCEL 2.0 JSON), .csv');
    expect((await runInProcess('log')).code).toBe(2);
  });
});

describe('flowdeck run --log', { timeout: 60_000 }, () => {
  it('given a run, when --log out.xes and out.jsonocel are asked for, then its history is written as a log that matches the model', async () => {
    const dir = tmp();
    for (const file of ['run.xes', 'run.jsonocel']) {
      const out = join(dir, file);
      const r = await runInProcess('run', MODEL, '--variables', '{"amount": 5}', '--log', out);
      expect(r.code, r.stderr).toBe(0);
      const s = json(await runInProcess('log', out, '--model', MODEL, '--json'));
      expect(s.cases).toBe(1);
      expect((s.activities as Record<string, number>).Enter).toBe(2);
      expect(s.matched).toMatchObject({ Start: 'Start', Enter: 'Enter' });
      expect(s.unmatched).toEqual([]);
    }
    const ocel = JSON.parse(readFileSync(join(dir, 'run.jsonocel'), 'utf8')) as { objects: Array<{ type: string }> };
    expect(ocel.objects.map((o) => o.type).sort()).toEqual(['process instance', 'user task']);
    expect((await runInProcess('run', MODEL, '--log', 'out.csv')).stderr).toContain('--log out.csv: a log is written as .xes (IEEE 1849), .jsonocel (OCEL 2.0 JSON)');
  });
});
