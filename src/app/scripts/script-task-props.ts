/**
 * The properties of a script task for one language, computed from the task as it is: shared by the
 * Scripts view (`putScript`, over bpmn-moddle) and the properties panel (over the modeler's
 * command stack), so that both switch languages the same way.
 *
 * - JavaScript (Flowdeck only): `scriptFormat="javascript"`, the body in `<bpmn:script>`, the result
 *   variable as `<zeebe:property name="resultVariable">` (what the engine reads).
 * - FEEL (Camunda 8's own): `<zeebe:script expression="=…" resultVariable="…">`, no BPMN body.
 *
 * The result variable is kept across a switch; other extension elements are kept as they are. The
 * body is not carried over as code (FEEL is not JavaScript): `switchedBody` keeps it as a comment.
 *
 * @example
 * ```ts
 * const props = scriptTaskProps(task, { language: 'javascript', body: 'return 1;', resultVariable: 'total' }, moddle);
 * modeling.updateProperties(shape, props); // or task.set(key, value) for each key
 * ```
 */
export type ScriptLanguage = 'javascript' | 'feel';

/** The moddle members used here (bpmn-moddle elements and bpmn-js' `bpmnFactory` both fit). */
export interface ScriptModdleElement {
  $type: string;
  $parent?: ScriptModdleElement;
  get(name: string): unknown;
}

export interface ScriptFactory {
  create(type: string, attrs?: Record<string, unknown>): ScriptModdleElement;
}

export interface ScriptTarget {
  language: ScriptLanguage;
  /** JavaScript function body, or the FEEL expression without `=`. */
  body: string;
  /** Empty or undefined: none (JavaScript); FEEL needs one. */
  resultVariable?: string;
}

export interface ScriptTaskProps {
  scriptFormat: string | undefined;
  script: string | undefined;
  extensionElements: ScriptModdleElement | undefined;
}

export const RESULT_VARIABLE_PROPERTY = 'resultVariable';

/** The properties that make `task` a script of `target.language` (see the module comment). */
export function scriptTaskProps(task: ScriptModdleElement, target: ScriptTarget, factory: ScriptFactory): ScriptTaskProps {
  const resultVariable = target.resultVariable?.trim() || undefined;
  const kept: ScriptModdleElement[] = [];
  let otherProperties: ScriptModdleElement[] = [];
  for (const value of extensionValues(task)) {
    if (value.$type === 'zeebe:Script') continue;
    if (value.$type === 'zeebe:Properties') {
      otherProperties = listOf(value, 'properties').filter((p) => p.get('name') !== RESULT_VARIABLE_PROPERTY);
      continue;
    }
    kept.push(value);
  }
  const added: ScriptModdleElement[] = [];
  if (target.language === 'javascript') {
    const properties = resultVariable
      ? [...otherProperties, factory.create('zeebe:Property', { name: RESULT_VARIABLE_PROPERTY, value: resultVariable })]
      : otherProperties;
    if (properties.length > 0) added.push(factory.create('zeebe:Properties', { properties }));
  } else {
    if (otherProperties.length > 0) added.push(factory.create('zeebe:Properties', { properties: otherProperties }));
    added.push(factory.create('zeebe:Script', { expression: `=${target.body.replace(/^\s*=/, '')}`, ...(resultVariable ? { resultVariable } : {}) }));
  }
  const values = [...kept, ...added];
  const extensionElements = values.length > 0 ? factory.create('bpmn:ExtensionElements', { values }) : undefined;
  if (extensionElements) {
    for (const value of values) value.$parent = extensionElements;
    for (const value of added) for (const child of listOf(value, 'properties')) child.$parent = value;
  }
  return target.language === 'javascript'
    ? { scriptFormat: 'javascript', script: target.body, extensionElements }
    : { scriptFormat: undefined, script: undefined, extensionElements };
}

/** The result variable of a JavaScript script task (its `zeebe:property`), if any. */
export function javascriptResultVariable(task: ScriptModdleElement): string | undefined {
  const properties = extensionValues(task).find((value) => value.$type === 'zeebe:Properties');
  const property = properties ? listOf(properties, 'properties').find((p) => p.get('name') === RESULT_VARIABLE_PROPERTY) : undefined;
  const value = property?.get('value');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The body to start from after switching `from` → `to`: the old text as a comment, since neither
 * language runs the other, and a placeholder result.
 */
export function switchedBody(body: string, from: ScriptLanguage, to: ScriptLanguage): string {
  if (from === to) return body;
  if (body.trim() === '') return to === 'javascript' ? 'return null;' : 'null';
  if (to === 'javascript') {
    return `${body.split('\n').map((line) => `// FEEL before the switch: ${line}`).join('\n')}\nreturn null;`;
  }
  return `/* JavaScript before the switch:\n${body.replace(/\*\//g, '* /')}\n*/ null`;
}

// ---------------------------------------------------------------------------------------------
// helpers

function listOf(element: ScriptModdleElement, property: string): ScriptModdleElement[] {
  const value = element.get(property);
  return Array.isArray(value) ? (value as ScriptModdleElement[]) : [];
}

function extensionValues(task: ScriptModdleElement): ScriptModdleElement[] {
  const extensions = task.get('extensionElements') as ScriptModdleElement | undefined;
  return extensions ? listOf(extensions, 'values') : [];
}
