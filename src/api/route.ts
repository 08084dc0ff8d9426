import type { z } from 'zod';
import type { ApiSuccess } from './errors';
import type { ApiPorts } from './ports';

/** One API call: its request schema and what it does with a request that passed it. */
export interface Route<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  run(ports: ApiPorts, request: z.output<S>): Promise<ApiSuccess<R>>;
}

export function route<S extends z.ZodType, R>(schema: S, run: (ports: ApiPorts, request: z.output<S>) => Promise<ApiSuccess<R>>): Route<S, R> {
  return { schema, run };
}

export function ok<T>(data: T, message?: string): ApiSuccess<T> {
  return message === undefined ? { data } : { data, message };
}

/** A page of `all` (already filtered and sorted). */
export function pageOf<T>(all: T[], page: number, pageSize: number): { items: T[]; total: number; page: number; pageSize: number } {
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
}

/** Empty: null, undefined or '' (the workspace database stores a missing business key as ''). */
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * Order of a list's sort key: `direction` applies to values, empty values come last in both
 * directions (SQL's NULLS LAST), so "newest first" does not open with the blanks.
 * @example rows.sort((a, b) => compareNullsLast(a.endedAt, b.endedAt, 'desc') || compareNullsLast(a.id, b.id, 'asc'));
 */
export function compareNullsLast(a: unknown, b: unknown, direction: 'asc' | 'desc'): number {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  if (a === b) return 0;
  return ((a as number | string) < (b as number | string) ? -1 : 1) * (direction === 'asc' ? 1 : -1);
}
