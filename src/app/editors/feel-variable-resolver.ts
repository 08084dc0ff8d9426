/**
 * Feeds the properties panel's FEEL fields (`@bpmn-io/feel-editor` through bpmn-js-properties-panel)
 * the same variables in scope as Monaco: the panel asks the bpmn-js service `variableResolver`
 * (`getVariablesForElement(businessObject)`, awaited) and shows `info` beside each name. camunda-bpmn-js
 * brings bpmn-io's resolver, which lists every variable of the element's container without regard
 * to the paths that reach the element; this module keeps that service (other callers use its other
 * methods) and answers this one call from `variablesInScope`.
 *
 * @example
 * ```ts
 * new Modeler({ additionalModules: [flowdeckVariablesModule] });
 * ```
 */
import type { ModdleElement } from 'bpmn-moddle';
import { variablesInScope, type ScopeOptions } from '../../engine/model/variables-in-scope';

/** A variable as the FEEL editor of the properties panel takes it. */
export interface PanelVariable {
  name: string;
  detail: string;
  info: string;
}

/** The variables in scope at a business object of bpmn-js, in the panel's shape; empty outside a process. */
export function panelVariables(businessObject: ModdleElement | undefined, options: ScopeOptions = {}): PanelVariable[] {
  let definitions = businessObject;
  while (definitions && definitions.$type !== 'bpmn:Definitions') definitions = definitions.$parent as ModdleElement | undefined;
  if (!definitions || typeof businessObject?.id !== 'string') return [];
  return variablesInScope(definitions, businessObject.id, options).map((v) => ({ name: v.name, detail: v.source, info: v.source }));
}

interface Resolver {
  getVariablesForElement(businessObject: ModdleElement, element?: unknown): Promise<unknown[]>;
}

/** Optional `config.flowdeckScope` (`formFields`) of the modeler is passed to `variablesInScope`. */
class FlowdeckScopeVariables {
  static $inject = ['variableResolver', 'config'];
  constructor(variableResolver: Resolver | undefined, config: { flowdeckScope?: ScopeOptions } | undefined) {
    if (!variableResolver) return;
    // The panel asks once per element for all its fields, output mappings included, which see the
    // element's own result variable; the source text says it is for those.
    const options = { ownOutputs: true, ...config?.flowdeckScope };
    variableResolver.getVariablesForElement = async (businessObject) => panelVariables(businessObject, options);
  }
}

/** didi module: mount after camunda-bpmn-js' own modules (its Modeler registers `variableResolver`). */
export const flowdeckVariablesModule = {
  __init__: ['flowdeckScopeVariables'],
  flowdeckScopeVariables: ['type', FlowdeckScopeVariables],
};
