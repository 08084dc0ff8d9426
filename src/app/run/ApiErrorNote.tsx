import type { ApiFailure } from '../../api';

/** The API's refusal as a person reads it: its message, and the code for a bug report. */
export function ApiErrorNote({ error, testId = 'api-error' }: { error: ApiFailure | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <p className="run-error" role="alert" data-testid={testId} data-code={error.error}>
      {error.message} <span className="run-muted">({error.error})</span>
    </p>
  );
}
