import { type AttrEntry, type Attributes, type AttrValue, type EventLog, LogBuilder, LogError, lifecycleIndex, type ScalarValue, UNKNOWN } from './model';
import type { XmlHandler, XmlSource } from './xes-scan';
import { parseXesDate } from './xes-date';

// What each open element is.
const LOG = 1;
const TRACE = 2;
const EVENT = 3;
const GLOBAL = 4;
const ATTRIBUTE = 5;
const VALUES = 6;
const OTHER = 7;

const ATTRIBUTE_TYPES = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);

/** The names and values a tokenizer should hand out as these very strings (see {@link XmlScanner}). */
export const XES_STRINGS: readonly string[] = [
  ...ATTRIBUTE_TYPES, 'log', 'trace', 'event', 'global', 'values', 'key', 'value', 'scope',
  'concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource', 'start', 'complete',
];

/** A nested attribute being read (one with children). */
interface Frame {
  type: string;
  key: string;
  raw: string | undefined;
  children: AttrEntry[];
  line: number;
}

/**
 * The meaning of XES (IEEE 1849) over any XML tokenizer's open / close calls: one case per trace
 * (`concept:name`, or `trace N`), events with `concept:name`, `time:timestamp`,
 * `lifecycle:transition` (a non-standard one becomes `unknown`, its text kept as an attribute) and
 * `org:resource`; other attributes kept with their type, nested ones (`list`, `container`,
 * attributes inside attributes) as {@link AttrValue}s; event globals fill what an event lacks.
 * The reader runs it on {@link XmlScanner}; the tests also on saxes, to compare.
 *
 * An event goes into the log when it closes if its trace's name is known by then (the usual
 * order), otherwise the trace's events wait for the trace's end.
 */
export class XesHandler implements XmlHandler {
  readonly builder = new LogBuilder('xes');
  private source!: XmlSource;
  private readonly kinds: number[] = [];
  private readonly frames: Frame[] = [];
  private globalScope: 'trace' | 'event' | null = null;
  private readonly eventGlobals: Attributes = {};
  /** The event globals other than the four standard keys, filled in when an event lacks them. */
  private extraGlobals: string[] = [];
  private traceName: string | null = null;
  private traceCase = -1;
  private traceAttrs: Attributes = {};
  private waiting: PendingEvent[] = [];
  private traces = 0;
  private sawLog = false;
  // The event being read.
  private name: string | undefined = undefined;
  private time: number | undefined = undefined;
  private transition: string | undefined = undefined;
  private resource: string | undefined = undefined;
  private extra: Attributes | undefined = undefined;
  private line = 0;

  /** The tokenizer this handler reads from (set before the first element). */
  attach(source: XmlSource): void {
    this.source = source;
  }

  finish(): EventLog {
    if (!this.sawLog) throw this.source.fail('not an XES log: no <log> element');
    return this.builder.finish();
  }

  open(name: string, empty: boolean): void {
    const depth = this.kinds.length;
    const parent = depth > 0 ? this.kinds[depth - 1] : 0;
    if (ATTRIBUTE_TYPES.has(name)) this.attribute(name, parent, empty);
    else if (parent === ATTRIBUTE && name === 'values') {
      if (!empty) this.kinds.push(VALUES);
    } else {
      this.element(name, parent);
      if (empty) this.close(name);
    }
  }

  close(name: string): void {
    const kind = this.kinds.pop();
    if (kind === ATTRIBUTE) this.closeAttribute();
    else if (kind === EVENT) this.closeEvent();
    else if (kind === TRACE) this.closeTrace();
    else if (kind === GLOBAL) this.globalScope = null;
    void name;
  }

  private element(name: string, parent: number): void {
    const kinds = this.kinds;
    switch (name) {
      case 'log':
        if (parent !== 0) throw this.source.fail('<log> inside another element');
        this.sawLog = true;
        kinds.push(LOG);
        return;
      case 'trace':
        if (parent !== LOG) throw this.source.fail('<trace> outside <log>');
        this.traceName = null;
        this.traceCase = -1;
        this.traceAttrs = {};
        this.waiting = [];
        this.traces++;
        kinds.push(TRACE);
        return;
      case 'event':
        if (parent !== TRACE) throw this.source.fail('<event> outside a <trace>');
        this.name = this.time = this.transition = this.resource = this.extra = undefined;
        this.line = this.source.currentLine();
        kinds.push(EVENT);
        return;
      case 'global':
        this.globalScope = this.source.attribute('scope', true) === 'trace' ? 'trace' : 'event';
        kinds.push(GLOBAL);
        return;
      default:
        if (!this.sawLog) throw this.source.fail(`not an XES log: the root element is <${name}>, not <log>`);
        kinds.push(OTHER);
    }
  }

  private attribute(type: string, parent: number, empty: boolean): void {
    const key = this.source.attribute('key', true);
    if (key === undefined) throw this.source.fail(`<${type}> without a key`);
    if (type === 'date' && parent === EVENT && empty && key === 'time:timestamp' && this.source.date) {
      // The event's timestamp, read from the tokenizer's bytes: no string per event.
      const t = this.source.date('value');
      if (t === undefined) throw this.source.fail(`<date key="${key}"> without a value`);
      if (t !== t) throw this.source.fail(`${key}: "${this.source.attribute('value', false)}" is not an xs:dateTime`);
      this.time = t;
      return;
    }
    const raw = this.source.attribute('value', type !== 'date');
    const nested = type === 'list' || type === 'container';
    if (raw === undefined && !nested) throw this.source.fail(`<${type} key="${key}"> without a value`);
    if (parent === ATTRIBUTE || parent === VALUES || !empty) {
      // Inside a nested attribute, or one with children: read it whole, then place it.
      const frame: Frame = { type, key, raw, children: [], line: this.source.currentLine() };
      if (empty) this.place(frame, parent);
      else {
        this.frames.push(frame);
        this.kinds.push(ATTRIBUTE);
      }
      return;
    }
    if (nested) return this.put(key, nested && type === 'list' ? { list: [] } : { container: [] }, parent, type);
    if (parent === EVENT) this.eventAttribute(type, key, raw as string);
    else this.put(key, this.scalar(type, key, raw as string), parent, type);
  }

  private closeAttribute(): void {
    const frame = this.frames.pop() as Frame;
    this.place(frame, this.kinds.length > 0 ? this.kinds[this.kinds.length - 1] : 0);
  }

  /** A finished nested (or child-bearing) attribute goes to its parent attribute, or to its element. */
  private place(frame: Frame, parent: number): void {
    const value = this.nestedValue(frame);
    if (parent === ATTRIBUTE || parent === VALUES) this.frames[this.frames.length - 1].children.push({ key: frame.key, value });
    else if (parent === EVENT && typeof value !== 'object') this.eventAttribute(frame.type, frame.key, frame.raw as string);
    else this.put(frame.key, value, parent, frame.type);
  }

  private nestedValue(f: Frame): AttrValue {
    if (f.type === 'list') return { list: f.children };
    if (f.type === 'container') return { container: f.children };
    const v = this.scalar(f.type, f.key, f.raw as string);
    return f.children.length === 0 ? v : { value: v, meta: f.children };
  }

  /** An attribute of a trace, a global or the log. */
  private put(key: string, v: AttrValue, parent: number, type: string): void {
    if (parent === EVENT) {
      const s = typeof v === 'object' && 'value' in v ? v.value : v;
      // The standard keys carry their simple value; their own attributes are not kept.
      if (STANDARD.has(key) && typeof s !== 'object') return this.eventAttribute(type, key, String(s));
      if (key === 'time:timestamp' && typeof s === 'object' && 'date' in s) this.time = s.date;
      else (this.extra ??= {})[key] = v;
    } else if (parent === TRACE) {
      if (key === 'concept:name') this.traceName = String(scalar(v) ?? '');
      else this.traceAttrs[key] = v;
    } else if (parent === GLOBAL && this.globalScope === 'event') {
      this.eventGlobals[key] = v;
      this.extraGlobals = Object.keys(this.eventGlobals).filter((k) => !STANDARD.has(k));
    } else if (parent === LOG && key === 'concept:name') this.builder.name = String(scalar(v) ?? '');
  }

  /** The standard keys go straight to their fields: no attribute object per event for them. */
  private eventAttribute(type: string, key: string, raw: string): void {
    if (key === 'concept:name') this.name = raw;
    else if (key === 'time:timestamp' && type === 'date') this.time = (this.scalar(type, key, raw) as { date: number }).date;
    else if (key === 'lifecycle:transition') this.transition = raw;
    else if (key === 'org:resource') this.resource = raw;
    else (this.extra ??= {})[key] = this.scalar(type, key, raw);
  }

  private scalar(type: string, key: string, raw: string): ScalarValue {
    switch (type) {
      case 'date': {
        const t = parseXesDate(raw);
        if (t !== t) throw this.source.fail(`${key}: "${raw}" is not an xs:dateTime`);
        return { date: t };
      }
      case 'int':
      case 'float': {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n)) throw this.source.fail(`${key}: "${raw}" is not a number`);
        return n;
      }
      case 'boolean':
        if (raw !== 'true' && raw !== 'false') throw this.source.fail(`${key}: "${raw}" is not a boolean`);
        return raw === 'true';
      default:
        return raw;
    }
  }

  private closeEvent(): void {
    if (this.traceName === null) this.waiting.push({ name: this.name, time: this.time, transition: this.transition, resource: this.resource, extra: this.extra, line: this.line });
    else this.add(this.name, this.time, this.transition, this.resource, this.extra, this.line);
  }

  /** A trace's events wait for its end only when its name came after them. */
  private closeTrace(): void {
    const caseIdx = this.caseIndex();
    for (const e of this.waiting) this.add(e.name, e.time, e.transition, e.resource, e.extra, e.line);
    this.waiting = [];
    this.builder.setCaseAttributes(caseIdx, this.traceAttrs);
  }

  private caseIndex(): number {
    if (this.traceCase < 0) this.traceCase = this.builder.caseId(this.traceName ?? `trace ${this.traces}`);
    return this.traceCase;
  }

  /** Adds an event (its fields as arguments: no object per event when its trace's name is known). */
  private add(name: string | undefined, eventTime: number | undefined, eventTransition: string | undefined, eventResource: string | undefined, eventExtra: Attributes | undefined, line: number): void {
    const g = this.eventGlobals;
    const activity = name ?? (g['concept:name'] as string | undefined);
    if (activity === undefined || activity === '__INVALID__') throw this.failAt('an event without concept:name', line);
    const gTime = g['time:timestamp'];
    const time = eventTime ?? (typeof gTime === 'object' && 'date' in gTime ? gTime.date : undefined);
    if (time === undefined) throw this.failAt(`event "${activity}" has no time:timestamp date`, line);
    const transition = eventTransition ?? (g['lifecycle:transition'] as string | undefined);
    let lifecycle = UNKNOWN;
    let extra = eventExtra;
    if (transition !== undefined) {
      const known = lifecycleIndex(transition);
      if (known === undefined) (extra ??= {})['lifecycle:transition'] = transition;
      else lifecycle = known;
    }
    for (const k of this.extraGlobals) if (!(extra && k in extra)) (extra ??= {})[k] = g[k];
    const resource = eventResource ?? (g['org:resource'] as string | undefined);
    this.builder.add(this.caseIndex(), activity, lifecycle, time, resource ?? null, extra);
  }

  private failAt(reason: string, line: number): LogError {
    const e = this.source.fail(reason);
    return new LogError(e.where.replace(/line \d+$/, `line ${line}`), reason);
  }
}

const STANDARD = new Set(['concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource']);

function scalar(v: AttrValue): ScalarValue | null {
  if (typeof v !== 'object' || 'date' in v) return v;
  return 'value' in v ? v.value : null;
}

/** An event read but not yet added (its trace's name is not known yet). */
interface PendingEvent {
  name: string | undefined;
  time: number | undefined;
  transition: string | undefined;
  resource: string | undefined;
  extra: Attributes | undefined;
  line: number;
}
