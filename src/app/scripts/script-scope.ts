/**
 * The variables in scope at a script task, for the editor: form field keys from the project's form
 * files (so start and user task forms count), and the JavaScript declaration that offers them on
 * `variables.` and in `execution.getVariable('…')`, each documented with where it comes from.
 *
 * @example
 * ```ts
 * const vars = variablesInScope(definitions, 'ComputeTotal', { formFields: formFieldsOf(forms) });
 * javascriptDefaults.addExtraLib(scopeVariablesDts(vars), SCOPE_LIB_PATH);
 * ```
 */
import type { VariableInScope } from '../../engine/model/variables-in-scope';

/** The keys a form-js schema binds (`key` of fields, nested in groups, dynamic lists and tables), in document order. */
export function formFieldKeys(schema: unknown): string[] {
  const keys: string[] = [];
  const walk = (components: unknown, prefix: string) => {
    if (!Array.isArray(components)) return;
    for (const c of components as Array<Record<string, unknown>>) {
      if (!c || typeof c !== 'object') continue;
      if (typeof c.key === 'string' && c.key && c.type !== 'button') keys.push(prefix + c.key);
      // A group with a `path` nests its fields under that variable; without one they are top level.
      const path = typeof c.path === 'string' && c.path ? `${prefix}${c.path}.` : prefix;
      walk(c.components, path);
    }
  };
  walk((schema as { components?: unknown } | null)?.components, '');
  return [...new Set(keys)];
}

/** `formFields` for `variablesInScope` over a project's form files (JSON text); unreadable files are skipped. */
export function formFieldsOf(formTexts: readonly string[]): (ref: { formId?: string; formKey?: string }) => string[] | undefined {
  const byId = new Map<string, string[]>();
  for (const text of formTexts) {
    try {
      const schema = JSON.parse(text) as { id?: unknown };
      if (typeof schema?.id === 'string') byId.set(schema.id, formFieldKeys(schema));
    } catch {
      // A form that does not parse has no fields to offer; its editor reports it.
    }
  }
  return ({ formId, formKey }) => byId.get(formId ?? formKey?.replace(/^camunda-forms:bpmn:/, '') ?? '');
}

/** Model path of the scope declaration: one at a time, replaced when another script opens. */
export const SCOPE_LIB_PATH = 'file:///flowdeck/script-scope.d.ts';

/**
 * Declaration merged into the editor's script API: `FlowdeckScopeVariables` gets one member per
 * variable in scope, documented with its source (shown in completion and hover).
 */
export function scopeVariablesDts(variables: readonly VariableInScope[]): string {
  const doc = (text: string) => text.replace(/\*\//g, '* /');
  const members = variables.map((v) => `  /** ${doc(v.source)} */\n  readonly ${JSON.stringify(v.name)}: any;`);
  return `interface FlowdeckScopeVariables {\n${members.join('\n')}\n}\n`;
}
