import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv, parseColumnMapping } from './csv-read';
import { writeCsv } from './csv-write';
import { eventsOf, LogBuilder, LogError } from './model';
import { readOcel } from './ocel-read';
import { writeOcel } from './ocel-write';
import { readLog } from './read-log';
import { summarize } from './summary';
import { readXes } from './xes-read';
import { writeXes } from './xes-write';

const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="lifecycle:transition" value="complete"/></global>
  <string key="concept:name" value="claims"/>
  <trace>
    <string key="concept:name" value="c1"/>
    <int key="priority" value="2"/>
    <event><string key="concept:name" value="Register"/><date key="time:timestamp" value="2026-01-05T09:00:00.000+01:00"/><string key="org:resource" value="ana"/></event>
    <event><string key="concept:name" value="Check &amp; decide"/><string key="lifecycle:transition" value="start"/><date key="time:timestamp" value="2026-01-05T08:10:00Z"/><float key="cost" value="2.5"/>
      <list key="tags"><values><string key="t" value="x"/></values></list></event>
    <event><string key="concept:name" value="Check &amp; decide"/><date key="time:timestamp" value="2026-01-05T08:30:00Z"/><boolean key="ok" value="true"/></event>
  </trace>
  <trace>
    <event><string key="concept:name" value="Register"/><string key="lifecycle:transition" value="halt"/><date key="time:timestamp" value="2026-01-05T10:00:00Z"/></event>
  </trace>
</log>`;

describe('XES', () => {
  it('given an XES log with globals, typed and nested attributes, when read, then cases, events, lifecycles, resources and attributes are kept', () => {
    const log = readXes(XES, 'claims.xes');
    expect(log.name).toBe('claims');
    expect(log.cases).toEqual(['c1', 'trace 2']);
    const events = eventsOf(log);
    expect(events.map((e) => [e.caseId, e.activity, e.lifecycle, new Date(e.time).toISOString(), e.resource])).toEqual([
      ['c1', 'Register', 'complete', '2026-01-05T08:00:00.000Z', 'ana'],
      ['c1', 'Check & decide', 'start', '2026-01-05T08:10:00.000Z', null],
      ['c1', 'Check & decide', 'complete', '2026-01-05T08:30:00.000Z', null],
      ['trace 2', 'Register', 'unknown', '2026-01-05T10:00:00.000Z', null],
    ]);
    expect(events[1].attributes).toEqual({ cost: 2.5, tags: { list: [{ key: 't', value: 'x' }] } });
    expect(events[2].attributes).toEqual({ ok: true });
    expect(events[3].attributes).toEqual({ 'lifecycle:transition': 'halt' });
    expect(log.caseAttributes.get(0)).toEqual({ priority: 2 });
  });

  it('given a log written as XES and gzipped, when read back, then every event is the same', () => {
    const log = readXes(XES);
    const again = readXes(gzipSync(strToU8(writeXes(log))));
    expect(eventsOf(again)).toEqual(eventsOf(log));
    expect(again.caseAttributes).toEqual(log.caseAttributes);
  });

  it('given broken XES, when read, then the error names the file and the line', () => {
    expect(() => readXes('<log>\n<trace>\n<event>\n<string key="concept:name" value="A"/>\n</event></trace></log>', 'x.xes')).toThrow('x.xes: line 3: event "A" has no time:timestamp date');
    expect(() => readXes('<log>\n<trace>\n<event><date key="time:timestamp" value="yesterday"/></event></trace></log>', 'x.xes')).toThrow('x.xes: line 3: time:timestamp: "yesterday" is not an xs:dateTime');
    expect(() => readXes('<log>\n<trace>\n<event></trace></log>', 'x.xes')).toThrow('x.xes: line 3: </trace> where </event> was expected');
    expect(() => readXes('<html><body/></html>', 'x.xes')).toThrow('x.xes: line 1: not an XES log: the root element is <html>, not <log>');
    expect(() => readXes('<log>\n<event/></log>', 'x.xes')).toThrow('x.xes: line 2: <event> outside a <trace>');
  });
});

const OCEL = {
  objectTypes: [{ name: 'order', attributes: [] }, { name: 'item', attributes: [] }],
  eventTypes: [{ name: 'place', attributes: [{ name: 'due', type: 'time' }] }],
  objects: [{ id: 'o1', type: 'order' }, { id: 'o2', type: 'order' }, { id: 'i1', type: 'item' }, { id: 'i2', type: 'item' }, { id: 'i3', type: 'item' }],
  events: [
    { id: 'e1', type: 'place', time: '2026-01-05T08:00:00Z', attributes: [{ name: 'due', value: '2026-01-09T00:00:00Z' }, { name: 'resource', value: 'web' }], relationships: [{ objectId: 'o1', qualifier: 'order' }, { objectId: 'i1', qualifier: 'item' }, { objectId: 'i2', qualifier: 'item' }] },
    { id: 'e2', type: 'pick', time: '2026-01-05T09:00:00Z', relationships: [{ objectId: 'i1' }, { objectId: 'i2' }] },
    { id: 'e3', type: 'place', time: '2026-01-05T10:00:00Z', relationships: [{ objectId: 'o2' }, { objectId: 'i3' }] },
  ],
};

describe('OCEL 2.0', () => {
  it('given an OCEL log, when flattened on orders or on items, then each event joins every case of that type it relates to', () => {
    const orders = readOcel(JSON.stringify(OCEL), { objectType: 'order' });
    expect(orders.cases).toEqual(['o1', 'o2']);
    expect(eventsOf(orders).map((e) => `${e.caseId}:${e.activity}`)).toEqual(['o1:place', 'o2:place']);
    expect(eventsOf(orders)[0]).toMatchObject({ resource: 'web', lifecycle: 'complete', attributes: { due: { date: Date.parse('2026-01-09T00:00:00Z') } } });
    const items = readOcel(JSON.stringify(OCEL), { objectType: 'item' });
    expect(eventsOf(items).map((e) => `${e.caseId}:${e.activity}`)).toEqual(['i1:place', 'i2:place', 'i1:pick', 'i2:pick', 'i3:place']);
    // Without a choice, the type most events relate to (items: all three).
    expect(readOcel(JSON.stringify(OCEL)).cases).toEqual(['i1', 'i2', 'i3']);
  });

  it('given a flattened OCEL log, when written as OCEL again, then each source event is written once with its relations', () => {
    const items = readOcel(JSON.stringify(OCEL), { objectType: 'item' });
    const doc = JSON.parse(writeOcel(items)) as typeof OCEL;
    expect(doc.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(doc.events[0].relationships).toEqual(OCEL.events[0].relationships);
    expect(eventsOf(readOcel(JSON.stringify(doc), { objectType: 'item' }))).toEqual(eventsOf(items));
  });

  it('given OCEL objects related to objects (O2O), when read and written again, then the relations are kept with their qualifiers', () => {
    type O2O = Array<{ id: string; type: string; relationships?: Array<{ objectId: string; qualifier: string }> }>;
    const doc = structuredClone(OCEL) as Omit<typeof OCEL, 'objects'> & { objects: O2O };
    doc.objects[0].relationships = [{ objectId: 'i1', qualifier: 'contains' }, { objectId: 'i2', qualifier: 'contains' }];
    doc.objects[4].relationships = [{ objectId: 'o2', qualifier: 'part of' }];
    const log = readOcel(JSON.stringify(doc), { objectType: 'order' });
    expect(log.objects.find((o) => o.id === 'o1')?.relationships).toEqual([{ objectId: 'i1', qualifier: 'contains' }, { objectId: 'i2', qualifier: 'contains' }]);
    const again = JSON.parse(writeOcel(log)) as typeof doc;
    expect(again.objects.map((o) => [o.id, o.relationships])).toEqual([
      ['o1', [{ objectId: 'i1', qualifier: 'contains' }, { objectId: 'i2', qualifier: 'contains' }]], ['o2', []], ['i1', []], ['i2', []], ['i3', [{ objectId: 'o2', qualifier: 'part of' }]],
    ]);
    expect(readOcel(JSON.stringify(again), { objectType: 'order' }).objects).toEqual(log.objects);
    doc.objects[4].relationships = [{ objectId: 'o7', qualifier: 'part of' }];
    expect(() => readOcel(JSON.stringify(doc), { file: 'o.jsonocel' })).toThrow('o.jsonocel: $.objects[4].relationships[0].objectId: no object "o7" in $.objects');
    (doc.objects[4] as { relationships: unknown }).relationships = 'o2';
    expect(() => readOcel(JSON.stringify(doc), { file: 'o.jsonocel' })).toThrow('o.jsonocel: $.objects[4].relationships: not an array');
  });

  it('given broken OCEL, when read, then the error names the JSON path', () => {
    const bad = (patch: (d: typeof OCEL) => void) => {
      const d = structuredClone(OCEL);
      patch(d);
      return JSON.stringify(d);
    };
    expect(() => readOcel('{"events": [', { file: 'o.jsonocel' })).toThrow(/^o\.jsonocel: \$: not JSON/);
    expect(() => readOcel(bad((d) => (d.events[1].time = 'soon')), { file: 'o.jsonocel' })).toThrow('o.jsonocel: $.events[1].time: "soon" is not an ISO 8601 time');
    expect(() => readOcel(bad((d) => (d.events[2].relationships[1].objectId = 'i9')), { file: 'o.jsonocel' })).toThrow('o.jsonocel: $.events[2].relationships[1].objectId: no object "i9" in $.objects');
    expect(() => readOcel(JSON.stringify(OCEL), { objectType: 'truck', file: 'o.jsonocel' })).toThrow('o.jsonocel: $.objects: no object of type "truck" (types: item, order)');
  });
});

describe('CSV', () => {
  it('given a CSV log with start and end columns, when read, then each row gives a start and a complete event', () => {
    const log = readCsv('case_id,activity,start_time,end_time,resource\r\n1,"Check, twice",2026-01-05T08:00:00Z,2026-01-05T08:05:00Z,ana\r\n1,Pay,,2026-01-05T09:00:00Z,\r\n');
    expect(eventsOf(log).map((e) => [e.activity, e.lifecycle, e.resource])).toEqual([['Check, twice', 'start', 'ana'], ['Check, twice', 'complete', 'ana'], ['Pay', 'complete', null]]);
  });

  it('given other column names, when mapped, then they are read; and written CSV reads back the same', () => {
    const log = readCsv('Case,Task,Done\nA,Ship,2026-01-05T08:00:00Z\n', { columns: parseColumnMapping('case=Case,activity=Task,end=Done,start=Begun') });
    expect(eventsOf(log)).toEqual([{ caseId: 'A', activity: 'Ship', lifecycle: 'complete', time: Date.parse('2026-01-05T08:00:00Z'), resource: null, attributes: {} }]);
    const xes = readXes(XES);
    const { text, skipped } = writeCsv(xes);
    expect(skipped).toBe(1);
    expect(text.split('\r\n')[1]).toBe('c1,Register,,2026-01-05T08:00:00.000Z,ana');
    expect(eventsOf(readCsv(text)).length).toBe(xes.size - skipped);
  });

  it('given broken CSV, when read, then the error names the line', () => {
    expect(() => readCsv('case_id,activity,end_time\n1,A,2026-01-05\n2,B\n', { file: 'l.csv' })).toThrow('l.csv: line 3: 2 fields, the header has 3');
    expect(() => readCsv('case_id,activity,end_time\n1,A,when\n', { file: 'l.csv' })).toThrow('l.csv: line 2: end_time "when" is not a date and time');
    expect(() => readCsv('id,activity,end_time\n', { file: 'l.csv' })).toThrow('l.csv: line 1: no column "case_id" for the case (columns: id, activity, end_time); map it with --columns case=<column>');
    expect(() => readCsv('case_id,activity,end_time\n1,"A\n', { file: 'l.csv' })).toThrow('l.csv: line 2: a quoted field is not closed');
    expect(() => parseColumnMapping('kase=x')).toThrow(LogError);
  });
});

describe('summary and conversion', () => {
  it('given a log converted to each format, when read again, then the summary is the same (but for the format)', () => {
    const b = new LogBuilder('csv');
    b.add('1', 'A', 'start', Date.parse('2026-01-05T08:00:00Z'), 'ana');
    b.add('1', 'A', 'complete', Date.parse('2026-01-05T08:01:00Z'), 'ana');
    b.add('2', 'B', 'complete', Date.parse('2026-01-05T09:00:00Z'), null);
    const log = b.finish();
    const base = summarize(log);
    expect(base).toEqual({ format: 'csv', cases: 2, events: 3, activities: { A: 2, B: 1 }, start: '2026-01-05T08:00:00.000Z', end: '2026-01-05T09:00:00.000Z' });
    const enc = (s: string) => strToU8(s);
    expect(summarize(readLog('x.xes', enc(writeXes(log))))).toEqual({ ...base, format: 'xes' });
    expect(summarize(readLog('x.jsonocel', enc(writeOcel(log))))).toEqual({ ...base, format: 'ocel' });
    expect(summarize(readLog('x.csv', enc(writeCsv(log).text)))).toEqual(base);
  });
});
