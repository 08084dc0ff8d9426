import type { ApiRequest } from '../../../api';

/** What the Start dialog starts with: the start form's values (already passed form-js' validation) or JSON variables. */
export type StartInput = { formValues: Record<string, unknown> } | { variables: Record<string, unknown> };

/**
 * The `instances.start` request of the Start dialog. Values from the start form go as
 * `formValues`, so the engine checks them against the same deployed form again (a form changed
 * in between, or a value form-js let through, is refused with the field named) and they become
 * the instance's variables; a blank business key is none.
 *
 * @example
 * startRequest('intake', 1, ' ', { formValues: { amount: 5 } }) // { processId: 'intake', version: 1, businessKey: null, formValues: { amount: 5 } }
 */
export function startRequest(processId: string, version: number, businessKey: string, input: StartInput): ApiRequest<'instances.start'> {
  return { processId, version, businessKey: businessKey.trim() || null, ...input };
}
