import type { ApiErrorCode, ApiFailure } from '../../api/errors';

/**
 * The HTTP API's error codes (`{error: CODE, message, details?}`) with their status. The engine
 * API's codes map onto them one to one; the rest belong to HTTP (auth, limits, routing). The enum
 * is part of the API (docs/server.md "Errors"): codes are only added, never renamed.
 */
export const HTTP_ERRORS = {
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  CONFLICT: 409,
  LOCK_LOST: 409,
  DUPLICATE: 409,
  AMBIGUOUS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID: 422,
  DEPLOY_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  STORAGE_FULL: 507,
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;
export const HTTP_ERROR_CODES = Object.keys(HTTP_ERRORS) as HttpErrorCode[];

const FROM_API: Record<ApiErrorCode, HttpErrorCode> = {
  invalidRequest: 'VALIDATION_ERROR', notFound: 'NOT_FOUND', illegalState: 'INVALID_STATE', invalid: 'INVALID', deployFailed: 'DEPLOY_FAILED',
  lockLost: 'LOCK_LOST', conflict: 'CONFLICT', duplicate: 'DUPLICATE', ambiguous: 'AMBIGUOUS', storageFull: 'STORAGE_FULL',
  unavailable: 'UNAVAILABLE', internal: 'INTERNAL',
};

/** The HTTP error body of an HTTP-level refusal. */
export interface HttpFailure {
  error: HttpErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown by route handlers and hooks; the error handler answers it with its status. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get status(): number {
    return HTTP_ERRORS[this.code];
  }

  body(): HttpFailure {
    return this.details === undefined ? { error: this.code, message: this.message } : { error: this.code, message: this.message, details: this.details };
  }
}

/** An engine API failure as the HTTP error it is. */
export function fromApiFailure(f: ApiFailure): HttpError {
  return new HttpError(FROM_API[f.error] ?? 'INTERNAL', f.message, f.details);
}
