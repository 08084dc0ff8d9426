import type { ApiErrorCode, ApiFailure } from '../../../api';

/** What the HTTP layer adds to a failure's `details.http`: the status, the server's code and its request id. */
export interface HttpInfo {
  status: number;
  code: string;
  requestId?: string;
}

/** The server's error codes (docs/server.md "Errors") back to the engine API's, where one fits. */
const TO_API: Record<string, ApiErrorCode> = {
  VALIDATION_ERROR: 'invalidRequest', NOT_FOUND: 'notFound', INVALID_STATE: 'illegalState', CONFLICT: 'conflict', LOCK_LOST: 'lockLost',
  DUPLICATE: 'duplicate', AMBIGUOUS: 'ambiguous', PAYLOAD_TOO_LARGE: 'invalidRequest', UNSUPPORTED_MEDIA_TYPE: 'invalidRequest',
  INVALID: 'invalid', DEPLOY_FAILED: 'deployFailed', INTERNAL: 'internal', UNAVAILABLE: 'unavailable', STORAGE_FULL: 'storageFull',
  // HTTP-only refusals: the closest engine code; details.http says exactly what happened.
  UNAUTHENTICATED: 'unavailable', FORBIDDEN: 'invalid', RATE_LIMITED: 'unavailable',
};

/** A sentence's start per status, so a person sees at once what kind of failure it is. */
function headline(status: number): string {
  if (status === 400) return 'The server refused the request';
  if (status === 401) return 'Signed out of the server: log in again';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 409) return 'Conflict';
  if (status === 413) return 'Too large for the server';
  if (status === 422) return 'Refused by the engine';
  if (status === 429) return 'Too many requests';
  if (status === 502 || status === 504) return 'The server is not reachable through its gateway';
  if (status === 503) return 'The server is not available';
  if (status === 507) return 'The server\'s disk is full (nothing was written)';
  if (status >= 500) return 'Server error';
  return 'Unexpected answer';
}

/**
 * An HTTP error answer as the engine API's failure: the closest engine code (screens branch on
 * it), a message naming the status and the server's code and message, the server's `details`
 * kept and `details.http` added. `body` is whatever came back (the server's `{error, message,
 * details}`, or anything a proxy sends).
 */
export function failureOfResponse(status: number, body: unknown, requestId?: string): ApiFailure {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; message?: unknown; details?: unknown };
  const code = typeof b.error === 'string' ? b.error : `HTTP_${status}`;
  const said = typeof b.message === 'string' ? b.message : typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : '';
  const error = TO_API[code] ?? (status >= 500 ? (status === 500 ? 'internal' : 'unavailable') : 'invalidRequest');
  const details = typeof b.details === 'object' && b.details !== null ? (b.details as Record<string, unknown>) : {};
  const http: HttpInfo = requestId ? { status, code, requestId } : { status, code };
  const ref = status >= 500 && requestId ? ` (request id ${requestId})` : '';
  return { error, message: `${headline(status)} (HTTP ${status} ${code})${said ? `: ${said}` : ''}${ref}`, details: { ...details, http } };
}

/** A request that got no answer (network down, server stopped, CORS refused, DNS). */
export function failureOfNetwork(url: string, cause: unknown, mayHaveRun: boolean): ApiFailure {
  const why = cause instanceof Error ? cause.message : String(cause);
  const after = mayHaveRun ? ' The call may have run on the server: look before trying again.' : '';
  return { error: 'unavailable', message: `Cannot reach the Flowdeck server at ${url} (network down, server stopped, the server's FLOWDECK_CORS_ORIGINS not naming this studio, or a plain-http server other than localhost, which the studio's security policy refuses: use https): ${why}.${after}`, details: { http: { status: 0, code: 'NETWORK' } } };
}

/** The HTTP info of a failure that came from the HTTP client, if any. */
export function httpOf(failure: ApiFailure): HttpInfo | undefined {
  const h = failure.details?.http;
  return typeof h === 'object' && h !== null && typeof (h as HttpInfo).status === 'number' ? (h as HttpInfo) : undefined;
}
