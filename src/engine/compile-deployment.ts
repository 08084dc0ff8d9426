import type { ModdleElement } from 'bpmn-moddle';
import { defaultRegistry } from './behaviours/registry';
import { compileProcesses } from './model/compile';
import type { CompiledDeployment, CompileOptions } from './model/compile';

/**
 * Compiles the executable processes of parsed definitions with every element kind Flowdeck
 * executes (`behaviours/registry.ts`), or with the `registry` given.
 *
 * @example
 * const { processes, errors } = compileDeployment(definitions, { expressions: new FeelExpressions() });
 */
export function compileDeployment(definitions: ModdleElement, options: Omit<CompileOptions, 'registry'> & Partial<Pick<CompileOptions, 'registry'>>): CompiledDeployment {
  return compileProcesses(definitions, { registry: defaultRegistry, ...options });
}
