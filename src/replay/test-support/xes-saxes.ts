import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TextStream } from '../bytes';
import { type EventLog, LogError } from '../model';
import { XesHandler } from '../xes-handler';

/**
 * The XES reader on saxes, kept as the reference the hand-written scanner is compared with
 * (`xes-scan.test.ts`): the same {@link XesHandler}, a different tokenizer. Not for production:
 * it is the slower one (docs/adr/0180).
 */
export function readXesWithSaxes(input: Uint8Array | string | Iterable<Uint8Array>, file = 'log'): EventLog {
  const parser = new SaxesParser<{ position: true }>({ position: true });
  const handler = new XesHandler();
  let attrs: Record<string, string> = {};
  let failure: LogError | null = null;
  const fail = (reason: string) => (failure ??= new LogError(`${file}: line ${parser.line}`, reason));
  handler.attach({ attribute: (name) => attrs[name], currentLine: () => parser.line, fail });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    attrs = t.attributes;
    handler.open(t.name, t.isSelfClosing);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) handler.close(tag.name);
  });
  parser.on('doctype', () => {
    throw fail('a DOCTYPE is not allowed in XES');
  });
  parser.on('error', (e) => {
    throw fail(e.message.replace(/^([^:]*:)?\d+:\d+: /, ''));
  });
  const text = new TextStream((s) => parser.write(s));
  if (typeof input === 'string') parser.write(input);
  else if (input instanceof Uint8Array) for (let at = 0; at < input.length; at += 1 << 16) text.push(input.subarray(at, Math.min(input.length, at + (1 << 16))));
  else for (const chunk of input) text.push(chunk);
  text.push(new Uint8Array(0), true);
  parser.close();
  return handler.finish();
}
