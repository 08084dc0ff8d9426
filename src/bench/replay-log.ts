/**
 * Generated event logs for bench:replay: `cases` cases of the approval model's activities
 * (Request in, Enter amount, Review or Approve automatically, Reviewed / Approved), as XES text
 * chunks of 1,000 traces each. With `overlap`, every case starts in the first minute and its
 * activities last hours, so all cases are on the diagram at once (the player's worst case).
 */
export function* xesChunks(cases: number, options: { overlap?: boolean } = {}): Generator<string> {
  const t0 = Date.UTC(2026, 0, 5, 9);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">\n<string key="concept:name" value="bench"/>\n';
  const people = ['ana', 'bo', 'cy', 'dee'];
  let out: string[] = [];
  for (let c = 0; c < cases; c++) {
    const start = options.overlap ? t0 + (c % 60_000) : t0 + c * 37_000;
    const step = options.overlap ? 3_600_000 : 600_000;
    const big = c % 3 === 0;
    const who = people[c % 4];
    const ev = (name: string, lc: string, t: number, res?: string) =>
      `<event><string key="concept:name" value="${name}"/><string key="lifecycle:transition" value="${lc}"/><date key="time:timestamp" value="${new Date(t).toISOString()}"/>${res ? `<string key="org:resource" value="${res}"/>` : ''}</event>`;
    const next = big ? 'Review' : 'Approve automatically';
    out.push(
      `<trace><string key="concept:name" value="case-${c}"/>`,
      ev('Request in', 'complete', start),
      ev('Enter amount', 'start', start + 1000, who),
      ev('Enter amount', 'complete', start + step + (c % 997) * 1000, who),
      ev(next, 'start', start + step * 1.5, big ? who : undefined),
      ev(next, 'complete', start + step * 2.5 + (c % 991) * 1000, big ? who : undefined),
      ev(big ? 'Reviewed' : 'Approved', 'complete', start + step * 2.6),
      '</trace>\n',
    );
    if (out.length >= 8000) {
      yield out.join('');
      out = [];
    }
  }
  yield `${out.join('')}</log>\n`;
}

/** Events per generated case. */
export const EVENTS_PER_CASE = 6;
