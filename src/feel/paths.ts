import { Decimal } from './decimal';
import { formatOffset, timeOffset } from './temporal';
import {
  type CallContext, FeelContext, FeelDate, FeelDateTime, FeelDaysTimeDuration, FeelRange, FeelTime, type FeelValue,
  FeelYearsMonthsDuration, typeNameOf,
} from './values';

/** `a.b`: context entries, element-wise over lists, and the properties of temporal values and ranges. */
export function pathOf(v: FeelValue, name: string, c: CallContext): FeelValue {
  if (v === null) return null;
  if (v instanceof FeelContext) {
    const r = v.entries.get(name);
    if (r === undefined) {
      return null;
    }
    return r;
  }
  if (Array.isArray(v)) return v.map((e) => pathOf(e, name, c));
  const r = property(v, name);
  if (r === undefined) {
    c.warn(`${typeNameOf(v)} has no property '${name}'`);
    return null;
  }
  return r;
}

function durationSeconds(d: FeelDaysTimeDuration): { days: Decimal; hours: Decimal; minutes: Decimal; seconds: Decimal } {
  const neg = d.seconds.isNegative();
  let s = d.seconds.abs();
  const days = s.divToInt(86400);
  s = s.minus(days.times(86400));
  const hours = s.divToInt(3600);
  s = s.minus(hours.times(3600));
  const minutes = s.divToInt(60);
  s = s.minus(minutes.times(60));
  const sign = (x: Decimal) => (neg && !x.isZero() ? x.negated() : x);
  return { days: sign(days), hours: sign(hours), minutes: sign(minutes), seconds: sign(s.trunc()) };
}

function offsetDuration(off: number | null): FeelValue {
  return off === null ? null : new FeelDaysTimeDuration(new Decimal(off));
}

function property(v: Exclude<FeelValue, null>, name: string): FeelValue | undefined {
  if (v instanceof FeelDate) {
    const d = v.date;
    switch (name) {
      case 'year': return new Decimal(d.year + v.yearShift);
      case 'month': return new Decimal(d.month);
      case 'day': return new Decimal(d.day);
      case 'weekday': return new Decimal(d.dayOfWeek);
    }
    return undefined;
  }
  if (v instanceof FeelDateTime) {
    const d = v.dateTime;
    switch (name) {
      case 'year': return new Decimal(d.year + v.yearShift);
      case 'month': return new Decimal(d.month);
      case 'day': return new Decimal(d.day);
      case 'weekday': return new Decimal(d.dayOfWeek);
      case 'hour': return new Decimal(d.hour);
      case 'minute': return new Decimal(d.minute);
      case 'second': return new Decimal(d.second);
      case 'time offset': return v.zone ? null : offsetDuration(v.offset);
      case 'timezone': return v.zone ?? (v.offset !== null ? formatOffset(v.offset) : null);
    }
    return undefined;
  }
  if (v instanceof FeelTime) {
    const t = v.time;
    switch (name) {
      case 'hour': return new Decimal(t.hour);
      case 'minute': return new Decimal(t.minute);
      case 'second': return new Decimal(t.second);
      case 'time offset': return v.zone ? null : offsetDuration(timeOffset(v));
      case 'timezone': return v.zone ?? (v.offset !== null ? formatOffset(v.offset) : null);
    }
    return undefined;
  }
  if (v instanceof FeelDaysTimeDuration) {
    const p = durationSeconds(v);
    switch (name) {
      case 'days': return p.days;
      case 'hours': return p.hours;
      case 'minutes': return p.minutes;
      case 'seconds': return p.seconds;
    }
    return undefined;
  }
  if (v instanceof FeelYearsMonthsDuration) {
    switch (name) {
      case 'years': return new Decimal(Math.trunc(v.months / 12) || 0);
      case 'months': return new Decimal(v.months % 12 || 0);
    }
    return undefined;
  }
  if (v instanceof FeelRange) {
    switch (name) {
      case 'start': return v.start;
      case 'end': return v.end;
      case 'start included': return v.startIncluded;
      case 'end included': return v.endIncluded;
    }
  }
  return undefined;
}
