import type { ApiRequest } from '../../api';

/** The instance list's filters as the form holds them ('' = any). */
export interface InstanceFilters {
  processId: string;
  /** A version number as text, '' for any. */
  version: string;
  state: '' | 'active' | 'suspended' | 'completed' | 'canceled';
  businessKey: string;
  hasIncident: '' | 'yes' | 'no';
  /** Process variable equal to `variableValue` (JSON; text that is not JSON is a string). */
  variableName: string;
  variableValue: string;
  /** `datetime-local` text ('' = open), local time. */
  startedFrom: string;
  startedTo: string;
  sortBy: 'startedAt' | 'endedAt' | 'processId' | 'businessKey' | 'instanceId';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const DEFAULT_FILTERS: InstanceFilters = { processId: '', version: '', state: '', businessKey: '', hasIncident: '', variableName: '', variableValue: '', startedFrom: '', startedTo: '', sortBy: 'startedAt', order: 'desc', page: 1, pageSize: 200 };

/**
 * The `instances.list` request for the filters: blanks are left out (any), the version is a
 * number or left out, a business key is matched exactly as typed (trimmed).
 *
 * @example
 * toListRequest({ ...DEFAULT_FILTERS, processId: 'order', hasIncident: 'yes' })
 * // { processId: 'order', hasIncident: true, sortBy: 'startedAt', order: 'desc', page: 1, pageSize: 200 }
 */
export function toListRequest(f: InstanceFilters): ApiRequest<'instances.list'> {
  const version = Number.parseInt(f.version, 10);
  return {
    ...(f.processId ? { processId: f.processId } : {}),
    ...(f.processId && Number.isInteger(version) && version >= 1 ? { version } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.businessKey.trim() ? { businessKey: f.businessKey.trim() } : {}),
    ...(f.hasIncident ? { hasIncident: f.hasIncident === 'yes' } : {}),
    ...(f.variableName.trim() ? { variable: { name: f.variableName.trim(), value: jsonOrText(f.variableValue) } } : {}),
    ...millisOf('startedFrom', f.startedFrom),
    ...millisOf('startedTo', f.startedTo),
    sortBy: f.sortBy,
    order: f.order,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** `42` is a number, `"x"` or `x` a string, `true` a boolean: what a person means when typing a value. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A `datetime-local` value as epoch milliseconds (local time), left out when blank or invalid. */
function millisOf<K extends 'startedFrom' | 'startedTo'>(key: K, text: string): Partial<Record<K, number>> {
  const t = text ? new Date(text).getTime() : Number.NaN;
  return Number.isFinite(t) && t >= 0 ? ({ [key]: t } as Record<K, number>) : {};
}

/** Changing a filter goes back to the first page (the old page may not exist any more). */
export function withFilter<K extends keyof InstanceFilters>(f: InstanceFilters, key: K, value: InstanceFilters[K]): InstanceFilters {
  const next = { ...f, [key]: value };
  if (key === 'processId') next.version = '';
  if (key !== 'page') next.page = 1;
  return next;
}

/** "201–400 of 1,234" for the pager; "none" for an empty list. */
export function pageLabel(page: number, pageSize: number, total: number): string {
  if (total === 0) return 'none';
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${total.toLocaleString('en')}`;
}

export function pageCount(pageSize: number, total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
