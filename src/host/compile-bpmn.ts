import { compileDeployment, parseBpmn } from '../engine';
import type { CompileError, ExpressionLanguage } from '../engine';

/** A BPMN file that could not be deployed: not XML/BPMN, no process, or compile errors per element. */
export class DeployError extends Error {
  constructor(
    message: string,
    readonly errors: CompileError[] = [],
  ) {
    super(errors.length === 0 ? message : `${message}:\n${errors.map((e) => `  ${e.processId ?? '?'}/${e.elementId}: ${e.message}`).join('\n')}`);
    this.name = 'DeployError';
  }
}

/**
 * Parses and compiles a BPMN file as a deployment does.
 * @throws DeployError when the XML does not parse, holds no executable process, or any element fails to compile.
 */
export async function compileBpmn(xml: string, expressions: ExpressionLanguage) {
  let parsed;
  try {
    parsed = await parseBpmn(xml);
  } catch (error) {
    throw new DeployError(`not a BPMN 2.0 file: ${(error as Error).message}`);
  }
  const compiled = compileDeployment(parsed.definitions, { expressions });
  const processes = compiled.processes;
  const errors = [...parsed.errors.map((e) => ({ processId: null, ...e })), ...compiled.errors];
  if (errors.length > 0) throw new DeployError(`the model has ${errors.length} error${errors.length === 1 ? '' : 's'}`, errors);
  if (processes.size === 0) throw new DeployError('the model holds no executable process');
  return { processes, warnings: parsed.warnings };
}
