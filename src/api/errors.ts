import { CommandRejectedError } from '../engine';
// Direct module imports: the host index also re-exports a `.d.ts.ts` module that tsx (the CLI, `flowdeck serve`) cannot resolve.
import { DmnDeployError } from '../host/dmn-decisions';
import { DeployError } from '../host/engine-host';
import { StoreConflictError } from '../host/store-errors';
import { HostError } from '../host/transaction';

/**
 * Every error code the engine API answers with. The enum is part of the API (docs/api.md
 * "Errors"): codes are only ever added, never renamed.
 */
export const API_ERROR_CODES = [
  /** The request does not fit its schema (a field missing, of the wrong type, unknown); `details.issues` lists each with its path. */
  'invalidRequest',
  /** The instance, task, job, incident, process, decision or deployment named does not exist (or no longer). */
  'notFound',
  /** The thing exists but is not in a state that allows this (resume a running instance, complete a finished task, claim a task someone else holds). */
  'illegalState',
  /** The request is well-formed but refused by the engine's checks (variables nested too deep, a suspended instance's job). */
  'invalid',
  /** A model (BPMN, DMN, form) could not be deployed; `details.errors` lists each problem with its element id. */
  'deployFailed',
  /** The worker holds no live lock on the job (it ran out, another worker has it). */
  'lockLost',
  /** Another writer changed the instance in between (a second engine, a stale worker); nothing was written. */
  'conflict',
  /** A message with the same id is still buffered. */
  'duplicate',
  /** The reference fits more than one thing. */
  'ambiguous',
  /** The browser's storage is full; nothing of the operation was written. */
  'storageFull',
  /** The engine is not reachable (its worker died and restarts, the leader tab closed mid-call): retry. */
  'unavailable',
  /** A bug: anything else. `message` says what was thrown. */
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one success shape: `data` is the result; `message` a sentence for a person, when there is one to say. */
export interface ApiSuccess<T> {
  data: T;
  message?: string;
}

/** The one error shape: plain data, so it survives a worker, a BroadcastChannel or HTTP. */
export interface ApiFailure {
  error: ApiErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/** A list page: `page` is 1-based; `total` counts every match, not only this page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Thrown by API handlers for a refusal of their own (a state check before the engine is asked). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isFailure<T>(result: ApiResult<T>): result is ApiFailure {
  return typeof (result as ApiFailure).error === 'string';
}

const HOST_CODES: Record<HostError['reason'], ApiErrorCode> = {
  notFound: 'notFound', ambiguous: 'ambiguous', invalid: 'invalid', duplicate: 'duplicate', lockLost: 'lockLost',
};
const ENGINE_CODES: Record<CommandRejectedError['reason'], ApiErrorCode> = {
  notFound: 'notFound', suspended: 'illegalState', notActive: 'illegalState', invalid: 'invalid', conflict: 'conflict',
};

/**
 * Any error a handler throws, as the API's error shape. Unknown errors become `internal` with
 * their message; nothing of a stack or a class crosses the boundary.
 */
export function toFailure(error: unknown): ApiFailure {
  if (error instanceof ApiError) return withDetails({ error: error.code, message: error.message }, error.details);
  if (error instanceof HostError) return { error: HOST_CODES[error.reason] ?? 'internal', message: error.message };
  if (error instanceof CommandRejectedError) return { error: ENGINE_CODES[error.reason] ?? 'internal', message: error.message };
  if (error instanceof StoreConflictError) return { error: 'conflict', message: error.message, details: error.details };
  if (error instanceof DeployError) {
    return withDetails({ error: 'deployFailed', message: error.message }, error.errors.length ? { errors: error.errors.map((e) => ({ ...e })) } : undefined);
  }
  if (error instanceof DmnDeployError) {
    return withDetails({ error: 'deployFailed', message: error.message }, error.problems.length ? { errors: JSON.parse(JSON.stringify(error.problems)) } : undefined);
  }
  const e = error as { name?: string; code?: string; message?: string; details?: Record<string, unknown> };
  if (e?.name === 'StorageQuotaError' || e?.code === 'quotaExceeded') return withDetails({ error: 'storageFull', message: String(e.message) }, e.details);
  return { error: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function withDetails(failure: ApiFailure, details: Record<string, unknown> | undefined): ApiFailure {
  return details === undefined ? failure : { ...failure, details };
}
