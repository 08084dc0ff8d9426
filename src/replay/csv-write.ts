import { COMPLETE, type EventLog, eventsByCase, iso, START } from './model';

/**
 * Writes a log as CSV: `case_id,activity,start_time,end_time,resource`, one row per activity
 * instance (a `start` paired with the next `complete` of the same activity in its case; a lone one
 * leaves the other cell empty). Other transitions have no place in these columns: they are left
 * out and counted in `skipped`.
 *
 * @example
 * const { text, skipped } = writeCsv(log);
 */
export function writeCsv(log: EventLog): { text: string; skipped: number } {
  const rows = ['case_id,activity,start_time,end_time,resource'];
  let skipped = 0;
  for (const events of eventsByCase(log)) {
    const open = new Map<number, number[]>();
    const pending: Array<{ activity: number; start: number | null; end: number | null; resource: number }> = [];
    for (const i of events) {
      const lc = log.lifecycleOf[i];
      const a = log.activityOf[i];
      if (lc === START) {
        const row = { activity: a, start: log.timeOf[i], end: null, resource: log.resourceOf[i] };
        pending.push(row);
        const list = open.get(a) ?? [];
        list.push(pending.length - 1);
        open.set(a, list);
      } else if (lc === COMPLETE) {
        const at = open.get(a)?.shift();
        if (at === undefined) pending.push({ activity: a, start: null, end: log.timeOf[i], resource: log.resourceOf[i] });
        else {
          pending[at].end = log.timeOf[i];
          if (pending[at].resource < 0) pending[at].resource = log.resourceOf[i];
        }
      } else skipped++;
    }
    const c = csvField(log.cases[log.caseOf[events[0]]]);
    for (const r of pending) {
      rows.push([c, csvField(log.activities[r.activity]), r.start === null ? '' : iso(r.start), r.end === null ? '' : iso(r.end), r.resource < 0 ? '' : csvField(log.resources[r.resource])].join(','));
    }
  }
  return { text: `${rows.join('\r\n')}\r\n`, skipped };
}

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
