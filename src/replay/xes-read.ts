import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TextStream } from './bytes';
import { type Attributes, type AttrValue, type EventLog, LogBuilder, LogError, lifecycleIndex, UNKNOWN } from './model';

/** Reading progress: bytes consumed so far, events read. */
export type Progress = (p: { bytes: number; events: number }) => void;

const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);

/**
 * Streams an XES (IEEE 1849) log, plain or gzipped, into an {@link EventLog}: one case per trace
 * (`concept:name`), events with `concept:name`, `time:timestamp`, `lifecycle:transition` (a
 * non-standard one becomes `unknown`, its text kept in the attributes) and `org:resource`; other
 * top-level attributes are kept; nested attribute values are skipped. Event globals fill missing
 * attributes. Errors name the line.
 *
 * @example
 * const r = new XesReader('log.xes.gz');
 * for await (const chunk of stream) r.write(chunk);
 * const log = r.end();
 */
export class XesReader {
  private readonly builder = new LogBuilder('xes');
  private readonly parser = new SaxesParser<{ position: true }>({ position: true });
  private readonly text: TextStream;
  private bytes = 0;
  /** Element nesting: what each open element is. */
  private readonly stack: string[] = [];
  private globalScope: 'trace' | 'event' | null = null;
  private readonly eventGlobals: Attributes = {};
  private traceName: string | null = null;
  private traceAttrs: Attributes = {};
  private traceEvents: Array<{ attrs: Attributes; line: number }> = [];
  private traces = 0;
  private inEvent = false;
  private eventAttrs: Attributes = {};
  private eventLine = 0;
  private nested = 0;
  private failure: LogError | null = null;
  private sawLog = false;

  constructor(
    private readonly file = 'log',
    private readonly onProgress?: Progress,
  ) {
    this.text = new TextStream((s) => this.parser.write(s));
    this.parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    this.parser.on('closetag', (tag) => this.close(tag.name));
    this.parser.on('error', (e) => {
      throw this.fail(e.message.replace(/^([^:]*:)?\d+:\d+: /, ''));
    });
  }

  write(chunk: Uint8Array | string): void {
    if (this.failure) throw this.failure;
    if (typeof chunk === 'string') this.parser.write(chunk);
    else {
      this.bytes += chunk.length;
      this.text.push(chunk);
    }
    this.onProgress?.({ bytes: this.bytes, events: this.builder.size });
  }

  end(): EventLog {
    if (this.failure) throw this.failure;
    this.text.push(new Uint8Array(0), true);
    this.parser.close();
    if (!this.sawLog) throw this.fail('not an XES log: no <log> element');
    return this.builder.finish();
  }

  private fail(reason: string, line = this.parser.line): LogError {
    this.failure ??= new LogError(`${this.file}: line ${line}`, reason);
    return this.failure;
  }

  private open(tag: SaxesTagPlain): void {
    const name = tag.name;
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    this.stack.push(name);
    if (this.nested > 0 || (ATTRIBUTE_TAGS.has(name) && parent !== null && ATTRIBUTE_TAGS.has(parent))) {
      this.nested++;
      return;
    }
    if (ATTRIBUTE_TAGS.has(name)) return this.attribute(tag, parent);
    switch (name) {
      case 'log':
        if (parent !== null) throw this.fail('<log> inside another element');
        this.sawLog = true;
        return;
      case 'trace':
        if (parent !== 'log') throw this.fail('<trace> outside <log>');
        this.traceName = null;
        this.traceAttrs = {};
        this.traceEvents = [];
        this.traces++;
        return;
      case 'event':
        if (parent !== 'trace') throw this.fail('<event> outside a <trace>');
        this.inEvent = true;
        this.eventAttrs = {};
        this.eventLine = this.parser.line;
        return;
      case 'global': {
        const scope = tag.attributes.scope;
        this.globalScope = scope === 'trace' ? 'trace' : 'event';
        return;
      }
      default:
        if (!this.sawLog) throw this.fail(`not an XES log: the root element is <${name}>, not <log>`);
    }
  }

  private attribute(tag: SaxesTagPlain, parent: string | null): void {
    const { key, value } = tag.attributes;
    if (key === undefined) throw this.fail(`<${tag.name}> without a key`);
    if (tag.name === 'list' || tag.name === 'container') return;
    if (value === undefined) throw this.fail(`<${tag.name} key="${key}"> without a value`);
    const v = this.value(tag.name, key, value);
    if (parent === 'event') this.eventAttrs[key] = v;
    else if (parent === 'trace') {
      if (key === 'concept:name') this.traceName = String(v);
      else this.traceAttrs[key] = v;
    } else if (parent === 'global' && this.globalScope === 'event') this.eventGlobals[key] = v;
    else if (parent === 'log' && key === 'concept:name') this.builder.name = String(v);
  }

  private value(type: string, key: string, raw: string): AttrValue {
    switch (type) {
      case 'date': {
        const t = Date.parse(raw);
        if (Number.isNaN(t)) throw this.fail(`${key}: "${raw}" is not an xs:dateTime`);
        return { date: t };
      }
      case 'int':
      case 'float': {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n)) throw this.fail(`${key}: "${raw}" is not a number`);
        return n;
      }
      case 'boolean':
        if (raw !== 'true' && raw !== 'false') throw this.fail(`${key}: "${raw}" is not a boolean`);
        return raw === 'true';
      default:
        return raw;
    }
  }

  private close(name: string): void {
    this.stack.pop();
    if (this.nested > 0) {
      this.nested--;
      return;
    }
    if (name === 'event' && this.inEvent) {
      this.inEvent = false;
      this.traceEvents.push({ attrs: this.eventAttrs, line: this.eventLine });
    } else if (name === 'trace') this.flushTrace();
    else if (name === 'global') this.globalScope = null;
  }

  /** A trace's events are added when it closes: its name may come after its first event. */
  private flushTrace(): void {
    const b = this.builder;
    const caseIdx = b.caseId(this.traceName ?? `trace ${this.traces}`);
    b.setCaseAttributes(caseIdx, this.traceAttrs);
    for (const { attrs, line } of this.traceEvents) {
      const a = { ...this.eventGlobals, ...attrs };
      const activity = a['concept:name'];
      if (activity === undefined || activity === '__INVALID__') throw this.fail('an event without concept:name', line);
      const time = a['time:timestamp'];
      if (time === undefined || typeof time !== 'object') throw this.fail(`event "${String(activity)}" has no time:timestamp date`, line);
      const transition = a['lifecycle:transition'];
      let lifecycle = UNKNOWN;
      const extra: Attributes = {};
      if (transition !== undefined) {
        const known = lifecycleIndex(String(transition));
        if (known === undefined) extra['lifecycle:transition'] = transition;
        else lifecycle = known;
      }
      const resource = a['org:resource'];
      for (const k in a) if (k !== 'concept:name' && k !== 'time:timestamp' && k !== 'lifecycle:transition' && k !== 'org:resource') extra[k] = a[k];
      b.add(caseIdx, String(activity), lifecycle, time.date, resource === undefined ? null : String(resource), extra);
    }
  }
}

/**
 * Reads a whole XES text or byte array (gzip allowed) at once.
 * @example
 * const log = readXes(await file.arrayBuffer().then((b) => new Uint8Array(b)), 'log.xes.gz');
 */
export function readXes(input: Uint8Array | string, file = 'log', onProgress?: Progress): EventLog {
  const r = new XesReader(file, onProgress);
  if (typeof input === 'string') r.write(input);
  else for (let at = 0; at < input.length; at += 1 << 20) r.write(input.subarray(at, Math.min(input.length, at + (1 << 20))));
  return r.end();
}
