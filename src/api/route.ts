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
