import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type EventLog, eventsOf, LogError } from './model';
import { readXesWithSaxes } from './test-support/xes-saxes';
import { readXes, XesReader } from './xes-read';
import { writeXes } from './xes-write';

// Differential tests: the hand-written scanner (xes-scan.ts) and saxes, under the same XES
// handler, must give the same log, or fail at the same line. Each input is also fed in small
// pieces, so constructs cut by a chunk's end are covered.

const head = '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016">\n';
const ev = (name: string, t = '2026-01-05T09:00:00Z', more = '') => `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="${t}"/>${more}</event>`;
const doc = (body: string) => `${head}${body}\n</log>\n`;
const trace = (name: string, body: string) => `<trace><string key="concept:name" value="${name}"/>${body}</trace>\n`;

function plain(log: EventLog) {
  return { name: log.name, cases: log.cases, events: eventsOf(log), caseAttributes: [...log.caseAttributes] };
}

/** Reads `text` with both readers (whole, in pieces of `piece` characters, and as bytes) and checks they agree. */
function same(text: string, piece = 7): EventLog {
  const reference = readXesWithSaxes(text, 'x.xes');
  const log = readXes(text, 'x.xes');
  expect(plain(log)).toEqual(plain(reference));
  const r = new XesReader('x.xes');
  for (let at = 0; at < text.length; at += piece) r.write(text.slice(at, at + piece));
  expect(plain(r.end())).toEqual(plain(reference));
  const bytes = strToU8(text);
  const b = new XesReader('x.xes');
  for (let at = 0; at < bytes.length; at += piece) b.write(bytes.subarray(at, at + piece));
  expect(plain(b.end())).toEqual(plain(reference));
  return log;
}

/** Both readers refuse `text`, naming the same line. */
function sameError(text: string, line: number, reason?: RegExp): void {
  const where = (read: () => unknown) => {
    try {
      read();
    } catch (e) {
      expect(e).toBeInstanceOf(LogError);
      return e as LogError;
    }
    throw new Error('no error');
  };
  const ours = where(() => readXes(text, 'x.xes'));
  const theirs = where(() => readXesWithSaxes(text, 'x.xes'));
  expect(ours.where).toBe(`x.xes: line ${line}`);
  expect(theirs.where).toBe(`x.xes: line ${line}`);
  if (reason) expect(ours.reason).toMatch(reason);
  const r = new XesReader('x.xes');
  const pieces = where(() => {
    for (let at = 0; at < text.length; at += 5) r.write(text.slice(at, at + 5));
    r.end();
  });
  expect(pieces.where).toBe(`x.xes: line ${line}`);
}

describe('XES scanner against saxes', () => {
  it('given the five predefined entities in values, when read, then both give the characters', () => {
    const log = same(doc(trace('c&lt;1&gt;', ev('A &amp; B &quot;quoted&quot; &apos;single&apos;'))));
    expect(log.cases).toEqual(['c<1>']);
    expect(log.activities).toEqual(['A & B "quoted" \'single\'']);
  });

  it('given decimal and hexadecimal character references, when read, then both decode them (astral ones too)', () => {
    const log = same(doc(trace('c1', ev('caf&#233; &#x1F600; &#X41;'.replace('&#X41;', '&#x41;')))));
    expect(log.activities).toEqual(['café 😀 A']);
  });

  it('given single-quoted values holding double quotes and double-quoted ones holding apostrophes, when read, then both keep them', () => {
    const log = same(doc(`<trace><string key='concept:name' value='say "hi"'/><event><string key="concept:name" value="it's"/><date key='time:timestamp' value='2026-01-05T09:00:00Z'/></event></trace>`));
    expect(log.cases).toEqual(['say "hi"']);
    expect(log.activities).toEqual(["it's"]);
  });

  it('given spaces and line breaks inside tags and around "=", when read, then both read the attributes', () => {
    const log = same(doc(`<trace  >\n<string\n key = "concept:name"\tvalue=\n"c1" />\n<event ><string key="concept:name" value="A" ></string><date key="time:timestamp"\n value="2026-01-05T09:00:00Z"/></event ></trace >`));
    expect(log.cases).toEqual(['c1']);
    expect(log.size).toBe(1);
  });

  it('given comments before, between and inside elements (one holding a tag), when read, then both skip them', () => {
    const log = same(`${doc(`<!-- <trace> is not here -->${trace('c1', `<!--x-->${ev('A')}<!-- - -->${ev('B')}`)}<!---->`).replace('<log', '<!-- first -->\n<log')}<!-- after -->`);
    expect(log.activities).toEqual(['A', 'B']);
  });

  it('given processing instructions besides the declaration, when read, then both skip them', () => {
    const log = same(doc(`<?flowdeck note="<not a tag>"?>${trace('c1', `<?pi?>${ev('A')}`)}`));
    expect(log.size).toBe(1);
  });

  it('given CDATA sections inside elements holding markup, when read, then both ignore them', () => {
    const log = same(doc(trace('c1', `<![CDATA[<event><string key="concept:name" value="fake"/></event> ]] ]]>${ev('A')}`)));
    expect(log.activities).toEqual(['A']);
  });

  it('given tabs and line breaks in values, when read, then both make them spaces and keep the character references', () => {
    const log = same(doc(trace('c1', ev('line\tone\ntwo\r\nthree&#10;four&#9;five'))));
    expect(log.activities).toEqual(['line one two three\nfour\tfive']);
  });

  it('given a file with CRLF line ends, when read, then both read it, and a CRLF counts as one line (saxes counts two)', () => {
    same(doc(trace('c1', `\r\n${ev('A')}\r\n${ev('B')}`)).replace(/\n/g, '\r\n'));
    const broken = doc(trace('c1', `\n${ev('A')}\n<event></trace>`)).replace(/\n/g, '\r\n');
    expect(() => readXes(broken, 'x.xes')).toThrow('x.xes: line 5: </trace> where </event> was expected');
    expect(() => readXesWithSaxes(broken, 'x.xes')).toThrow(LogError);
  });

  it('given a list attribute with values, when read, then both keep its items in order with repeated keys', () => {
    const log = same(doc(trace('c1', ev('A', undefined, '<list key="tags"><values><string key="t" value="x"/><string key="t" value="y"/><int key="n" value="3"/></values></list>'))));
    expect(eventsOf(log)[0].attributes).toEqual({ tags: { list: [{ key: 't', value: 'x' }, { key: 't', value: 'y' }, { key: 'n', value: 3 }] } });
  });

  it('given containers inside containers, when read, then both keep the nesting', () => {
    const log = same(doc(trace('c1', ev('A', undefined, '<container key="address"><string key="city" value="Porto"/><container key="geo"><float key="lat" value="41.15"/><date key="at" value="2026-01-01T00:00:00Z"/></container></container>'))));
    expect(eventsOf(log)[0].attributes).toEqual({
      address: { container: [{ key: 'city', value: 'Porto' }, { key: 'geo', value: { container: [{ key: 'lat', value: 41.15 }, { key: 'at', value: { date: Date.UTC(2026, 0, 1) } }] } }] },
    });
  });

  it('given attributes inside a simple attribute, when read, then both keep the value with its own attributes', () => {
    const log = same(doc(trace('c1', ev('A', undefined, '<int key="amount" value="900"><string key="currency" value="EUR"/><boolean key="estimated" value="false"/></int>'))));
    expect(eventsOf(log)[0].attributes).toEqual({ amount: { value: 900, meta: [{ key: 'currency', value: 'EUR' }, { key: 'estimated', value: false }] } });
  });

  it('given nested attributes on a trace and a standard key with attributes of its own, when read, then the trace keeps them and the key its value', () => {
    const log = same(doc(`<trace><string key="concept:name" value="c1"><string key="source" value="erp"/></string><list key="owners"><values><string key="o" value="ana"/></values></list>${ev('A')}</trace>`));
    expect(log.cases).toEqual(['c1']);
    expect(log.caseAttributes.get(0)).toEqual({ owners: { list: [{ key: 'o', value: 'ana' }] } });
  });

  it('given event globals and a trace whose name comes after its events, when read, then both fill the defaults and name the case', () => {
    const log = same(doc(`<global scope="event"><string key="lifecycle:transition" value="start"/><string key="channel" value="web"/></global>\n<trace>${ev('A')}${ev('B')}<string key="concept:name" value="late"/></trace>\n${trace('c2', ev('C'))}`));
    expect(log.cases).toEqual(['late', 'c2']);
    expect(eventsOf(log).map((e) => [e.caseId, e.lifecycle, e.attributes.channel])).toEqual([['late', 'start', 'web'], ['late', 'start', 'web'], ['c2', 'start', 'web']]);
  });

  it('given empty elements written with an end tag and self-closed, when read, then both read the same', () => {
    same(doc(`<trace></trace><trace/>${trace('c3', `<event><string key="concept:name" value="A"></string><date key="time:timestamp" value="2026-01-05T09:00:00Z"></date></event>`)}`));
  });

  it('given non-ASCII text fed as bytes cut inside characters, when read, then both decode it', () => {
    const log = same(doc(trace('ç1', ev('Prüfung 審査 😀'))), 3);
    expect(log.activities).toEqual(['Prüfung 審査 😀']);
  });

  it('given a gzipped log written by the writer with nested attributes, when read, then both give the log back', () => {
    const text = doc(trace('c1', ev('A', '2026-01-05T09:00:00.250+02:00', '<list key="l"><values><container key="c"><int key="i" value="1"/></container></values></list><string key="s" value="v"><int key="m" value="2"/></string>')));
    const log = same(text);
    const gz = gzipSync(strToU8(writeXes(log)));
    expect(plain(readXes(gz, 'x.xes.gz'))).toEqual(plain(readXesWithSaxes(gz, 'x.xes.gz')));
    expect(eventsOf(readXes(gz))).toEqual(eventsOf(log));
  });

  it('given ">" inside values, comments and instructions, when fed in pieces of every size from 1 to 13 bytes, then every cut gives the same log and the same error line', () => {
    const text = doc(`<?pi a>b?>\n<!-- x > y -->\n${trace('c>1', `\n${ev('A > B >> C')}\n${ev('D', undefined, '<string key="note" value="&gt;>&amp;>"/>')}`)}`);
    const reference = plain(readXesWithSaxes(text, 'x.xes'));
    const bytes = strToU8(text);
    for (let piece = 1; piece <= 13; piece++) {
      const r = new XesReader('x.xes');
      for (let at = 0; at < bytes.length; at += piece) r.write(bytes.subarray(at, at + piece));
      expect(plain(r.end())).toEqual(reference);
    }
    const broken = strToU8(doc(`${trace('c1', `\n${ev('A > B')}\n<event></trace>`)}`));
    for (let piece = 1; piece <= 13; piece++) {
      const r = new XesReader('x.xes');
      expect(() => {
        for (let at = 0; at < broken.length; at += piece) r.write(broken.subarray(at, at + piece));
        r.end();
      }).toThrow('x.xes: line 5: </trace> where </event> was expected');
    }
  });

  it('given a UTF-8 byte order mark, when read as bytes (also one byte at a time), then it is skipped and lines still count from 1', () => {
    const text = doc(trace('c1', ev('A')));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    expect(plain(readXes(bytes, 'x.xes'))).toEqual(plain(readXesWithSaxes(text, 'x.xes')));
    const r = new XesReader('x.xes');
    for (const b of bytes) r.write(new Uint8Array([b]));
    expect(r.end().activities).toEqual(['A']);
    const broken = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(`${head}<trace>\n<event></trace>\n</log>`)]);
    expect(() => readXes(broken, 'x.xes')).toThrow('x.xes: line 4: </trace> where </event> was expected');
  });

  it('given text pieces that split a surrogate pair and bytes cut one at a time, when read, then both decode the astral characters', () => {
    const text = doc(trace('😀1', ev('a😀b 𝄞')));
    const log = same(text, 1);
    expect(log.cases).toEqual(['😀1']);
    expect(log.activities).toEqual(['a😀b 𝄞']);
  });

  it('given a gzipped log fed a few bytes at a time, when read, then it is inflated as it streams and gives the log back', () => {
    const text = doc(trace('c1', `${ev('A')}${ev('B', '2026-01-05T10:00:00+01:00')}`));
    const gz = gzipSync(strToU8(text));
    const r = new XesReader('x.xes.gz');
    for (let at = 0; at < gz.length; at += 3) r.write(gz.subarray(at, at + 3));
    expect(plain(r.end())).toEqual(plain(readXesWithSaxes(text, 'x.xes')));
  });

  it('given timestamps with character references or non-ASCII digits, when read, then both read them as text reads them', () => {
    const log = same(doc(trace('c1', `${ev('A', '2026-01-05T09:00:0&#49;Z')}${ev('B', '2026-01-05T09:00:00.5Z')}`)));
    expect(Array.from(log.timeOf)).toEqual([Date.parse('2026-01-05T09:00:01Z'), Date.parse('2026-01-05T09:00:00.5Z')]);
    sameError(doc(`\n${trace('c1', ev('A', '2026-01-05T09:00:0١Z'))}`), 4, /is not an xs:dateTime/);
  });

  it('given timestamps with offsets, fractions and no zone, when read, then both give the same times', () => {
    const times = ['2026-01-05T09:00:00.123456+05:30', '2026-01-05T09:00:00-0300', '2026-01-05T09:00:00', '2024-02-29T23:59:59.9Z', '2026-02-30T09:00:00Z'];
    const log = same(doc(trace('c1', times.map((t, i) => ev(`A${i}`, t)).join(''))));
    expect(Array.from(log.timeOf)).toEqual(times.map((t) => Date.parse(t)));
  });

  it('given a close tag that does not match, when read, then both name its line', () => {
    sameError(doc(`${trace('c1', ev('A'))}<trace>\n<event></trace>`), 5, /<\/trace> where <\/event> was expected/);
  });

  it('given an unknown entity or a bad character reference, when read, then both name the line', () => {
    sameError(doc(`\n${trace('c1', ev('A &nbsp; B'))}`), 4, /unknown entity &nbsp;/);
    sameError(doc(`\n\n${trace('c1', ev('A &#0; B'))}`), 5, /&#0;/);
  });

  it('given "<" inside a value or an unquoted value, when read, then both name the line', () => {
    sameError(doc(`\n${trace('c1', ev('A < B'))}`), 4, /"<" in the value/);
    sameError(doc(`<trace>\n<string key=concept:name value="c"/></trace>`), 4, /not quoted/);
  });

  it('given an attribute given twice, when read, then both name the line', () => {
    sameError(doc(`<trace>\n\n<string key="a" key="b" value="c"/></trace>`), 5, /given twice/);
  });

  it('given a DOCTYPE or an entity declaration, when read, then both refuse it naming the line', () => {
    sameError(`<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY boom "x">]>\n<log></log>`, 2, /DOCTYPE is not allowed/);
    expect(() => readXes(`<?xml version="1.0"?>\n<log>\n<!ENTITY boom "x">\n</log>`, 'x.xes')).toThrow('x.xes: line 3: an entity declaration is not allowed in XES');
  });

  it('given text outside the root element, when read, then both name its line', () => {
    sameError(`${doc(trace('c1', ev('A')))}\ntrailing`, 7, /outside the root/);
  });

  it('given a file that ends inside an element, when read, then it names the last line', () => {
    const text = doc(trace('c1', ev('A'))).replace('</log>\n', '');
    expect(() => readXes(text, 'x.xes')).toThrow('x.xes: line 5: the file ends before </log>');
    expect(() => readXesWithSaxes(text, 'x.xes')).toThrow(LogError);
    expect(() => readXes(`${head}<trace><event`, 'x.xes')).toThrow('x.xes: line 3: the file ends inside a tag, comment or CDATA section');
  });

  it('given values that are not numbers, booleans or dates, when read, then both name the event line', () => {
    sameError(doc(`\n${trace('c1', ev('A', undefined, '<int key="n" value="many"/>'))}`), 4, /n: "many" is not a number/);
    sameError(doc(`\n\n${trace('c1', ev('A', 'soon'))}`), 5, /is not an xs:dateTime/);
    sameError(doc(`${trace('c1', '\n<event><string key="concept:name" value="A"/></event>')}`), 4, /has no time:timestamp/);
  });
});
