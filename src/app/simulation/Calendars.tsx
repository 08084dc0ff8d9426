import type { CalendarDraft, ShiftDraft } from './calendar-draft';
import { DAY_NAMES, freeCalendarId, newCalendarDraft } from './calendar-draft';

let knownZones: string[] | undefined;

/** The zones the browser knows, for the zone field's suggestions (asked of Intl once: some 400 ids). */
function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return (knownZones ??= ['UTC', ...(intl.supportedValuesOf?.('timeZone') ?? [])]);
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Monday to Sunday, 24 hours each, with the shifts drawn as open blocks (a shift past midnight goes on into the next day). */
function WeekStrip({ c }: { c: CalendarDraft }) {
  const blocks: Array<{ day: number; from: number; to: number }> = [];
  for (const s of c.shifts) {
    const from = minutes(s.from);
    const to = minutes(s.to) <= from ? minutes(s.to) + 1440 : minutes(s.to);
    for (const d of s.days) {
      blocks.push({ day: d, from, to: Math.min(to, 1440) });
      if (to > 1440) blocks.push({ day: (d + 1) % 7, from: 0, to: to - 1440 });
    }
  }
  return (
    <div className="sim-week" aria-hidden="true">
      {DAY_NAMES.map((n, d) => (
        <div key={n} className="sim-week__day">
          <span className="sim-week__name">{n}</span>
          <span className="sim-week__bar">
            {blocks.filter((b) => b.day === d).map((b, i) => <span key={i} className="sim-week__open" style={{ left: `${(b.from / 1440) * 100}%`, width: `${((b.to - b.from) / 1440) * 100}%` }} />)}
          </span>
        </div>
      ))}
      <div className="sim-week__day">
        <span className="sim-week__name" />
        <span className="sim-week__hours">{[0, 6, 12, 18, 24].map((h) => <span key={h} style={{ left: `${(h / 24) * 100}%` }}>{h}</span>)}</span>
      </div>
    </div>
  );
}

/**
 * The scenario's calendars (BPSim `Calendar`, iCalendar): weekly shifts and holidays on the wall
 * clock of a time zone (UTC, the simulated clock's, unless another is chosen), drawn as a week. A calendar a role or start event uses cannot be deleted
 * until they use another.
 */
export function Calendars({ value, usedBy, onChange }: { value: Record<string, CalendarDraft>; usedBy: Record<string, string[]>; onChange(v: Record<string, CalendarDraft>): void }) {
  const put = (id: string, c: CalendarDraft) => onChange({ ...value, [id]: c });
  const putShift = (id: string, i: number, s: ShiftDraft) => put(id, { ...value[id], shifts: value[id].shifts.map((x, j) => (j === i ? s : x)) });
  const remove = (id: string) => onChange(Object.fromEntries(Object.entries(value).filter(([k]) => k !== id)));
  const ids = Object.keys(value);
  return (
    <fieldset data-testid="sim-calendars">
      <legend>Calendars</legend>
      <datalist id="sim-zones">{zones().map((z) => <option key={z} value={z} />)}</datalist>
      {ids.length === 0 && <span className="muted">No calendars: roles are always on shift and instances arrive at any time.</span>}
      {ids.map((id) => {
        const c = value[id];
        const users = usedBy[id] ?? [];
        if (c.kept) {
          return (
            <div key={id} className="sim-calendar" data-testid={`sim-calendar-${id}`}>
              <div className="sim-row">
                <span className="sim-row__name">{c.name}</span>
                <span className="muted">shifts every few weeks or days, or ending (RRULE INTERVAL, UNTIL, COUNT): kept as in the file; edit them in the XML. {users.length > 0 ? `Used by ${users.join(', ')}.` : 'Not used.'}</span>
                <button type="button" className="button button--small" disabled={users.length > 0} onClick={() => remove(id)} data-testid={`sim-calendar-delete-${id}`}>Delete calendar</button>
              </div>
            </div>
          );
        }
        return (
          <div key={id} className="sim-calendar" data-testid={`sim-calendar-${id}`}>
            <div className="sim-row">
              <label className="run-field">Name <input value={c.name} onChange={(e) => put(id, { ...c, name: e.target.value })} data-testid={`sim-calendar-name-${id}`} /></label>
              <label className="run-field">time zone <input list="sim-zones" value={c.zone} onChange={(e) => put(id, { ...c, zone: e.target.value })} data-testid={`sim-calendar-zone-${id}`} /></label>
              <span className="muted">{users.length > 0 ? `used by ${users.join(', ')}` : 'not used'}</span>
              <button type="button" className="button button--small" disabled={users.length > 0} title={users.length > 0 ? `Used by ${users.join(', ')}: give them another calendar first` : undefined}
                onClick={() => remove(id)} data-testid={`sim-calendar-delete-${id}`}>Delete calendar</button>
            </div>
            <WeekStrip c={c} />
            {c.shifts.map((s, i) => (
              <div key={i} className="sim-row" data-testid={`sim-shift-${id}-${i}`}>
                <span className="sim-days" role="group" aria-label={`Days of shift ${i + 1} of ${c.name}`}>
                  {DAY_NAMES.map((n, d) => (
                    <label key={n} className="sim-day">
                      <input type="checkbox" checked={s.days.includes(d)} data-testid={`sim-shift-day-${id}-${i}-${d}`}
                        onChange={(e) => putShift(id, i, { ...s, days: e.target.checked ? [...s.days, d].sort((a, b) => a - b) : s.days.filter((x) => x !== d) })} />{n}
                    </label>
                  ))}
                </span>
                <label className="run-field">from <input type="time" value={s.from} onChange={(e) => putShift(id, i, { ...s, from: e.target.value })} data-testid={`sim-shift-from-${id}-${i}`} /></label>
                <label className="run-field">to <input type="time" value={s.to} onChange={(e) => putShift(id, i, { ...s, to: e.target.value })} data-testid={`sim-shift-to-${id}-${i}`} /></label>
                {s.to <= s.from && <span className="muted">{s.to === s.from ? 'all day' : 'ends the next day'}</span>}
                <button type="button" className="button button--small" aria-label={`Remove shift ${i + 1} of ${c.name}`} onClick={() => put(id, { ...c, shifts: c.shifts.filter((_, j) => j !== i) })}>Remove</button>
              </div>
            ))}
            <div className="sim-row">
              <button type="button" className="button button--small" onClick={() => put(id, { ...c, shifts: [...c.shifts, { days: [0, 1, 2, 3, 4], from: '09:00', to: '17:00' }] })} data-testid={`sim-shift-add-${id}`}>Add a shift</button>
              <span>Holidays</span>
              {c.holidays.map((h, i) => (
                <span key={i} className="sim-row">
                  <input type="date" aria-label={`Holiday ${i + 1} of ${c.name}`} value={h} onChange={(e) => put(id, { ...c, holidays: c.holidays.map((x, j) => (j === i ? e.target.value : x)) })} data-testid={`sim-holiday-${id}-${i}`} />
                  <button type="button" className="button button--small" aria-label={`Remove holiday ${i + 1} of ${c.name}`} onClick={() => put(id, { ...c, holidays: c.holidays.filter((_, j) => j !== i) })}>×</button>
                </span>
              ))}
              <button type="button" className="button button--small" onClick={() => put(id, { ...c, holidays: [...c.holidays, new Date().toISOString().slice(0, 10)] })} data-testid={`sim-holiday-add-${id}`}>Add a holiday</button>
            </div>
          </div>
        );
      })}
      <div><button type="button" className="button button--small" onClick={() => { const id = freeCalendarId(ids); put(id, newCalendarDraft(`Calendar ${ids.length + 1}`)); }} data-testid="sim-calendar-add">New calendar</button></div>
    </fieldset>
  );
}

/** A select of the scenario's calendars, or none. */
export function CalendarSelect({ label, value, calendars, none, testId, onChange }: { label: string; value: string | null; calendars: Record<string, CalendarDraft>; none: string; testId: string; onChange(v: string | null): void }) {
  return (
    <label className="run-field">{label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid={testId}>
        <option value="">{none}</option>
        {Object.entries(calendars).map(([id, c]) => <option key={id} value={id}>{c.name || id}</option>)}
        {value !== null && !calendars[value] && <option value={value}>{value} (deleted)</option>}
      </select>
    </label>
  );
}
