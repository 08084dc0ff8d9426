import { ApiError } from '../errors';
import { ok, route } from '../route';
import { decisionsEvaluate } from '../schemas';

export const decisions = {
  'decisions.evaluate': route(decisionsEvaluate, async ({ decisions: evaluator, clock }, r) => {
    if (!evaluator) throw new ApiError('unavailable', 'this engine has no decision evaluator');
    const result = evaluator.evaluate(r.decisionId, r.variables, clock.now());
    if (!result.ok) {
      const code = /^not deployed/.test(result.error) ? 'notFound' : 'invalid';
      throw new ApiError(code, `decision ${r.decisionId}: ${result.error}`, { decisionId: r.decisionId });
    }
    return ok({ decisionId: r.decisionId, result: result.result, audit: result.audit ?? null });
  }),
};
