import type { ModdleElement } from 'bpmn-moddle';
import { ext, list, properties, str } from './extensions';

/** A variable known at an element, and where it comes from (for completion and hover). */
export interface VariableInScope {
  readonly name: string;
  /** `start form field (form order-form)`, `output mapping of Check order`, … (several joined by `; `). */
  readonly source: string;
  /** The element that makes it known (the element itself for its own input mappings). */
  readonly elementId: string;
}

export interface ScopeOptions {
  /** The field keys of a form a user task or start event names; undefined when the form is unknown. */
  formFields?(ref: { formId?: string; formKey?: string }): readonly string[] | undefined;
  /**
   * Also the element's own outputs (result variable, form fields): what its output mappings see.
   * Off by default, since the element's own expressions (a script, a decision's input) run before.
   */
  ownOutputs?: boolean;
}

/**
 * The variables known at a BPMN element, nearest first, each with where it comes from: its own
 * input mappings (and multi-instance input element), then what the elements on the paths that
 * reach it write (output mappings; without them result variables and form fields, which Zeebe
 * merges into the process; multi-instance output collections), then the same for each enclosing
 * subprocess, up to the process's start form. An event subprocess may start after anything of its
 * parent, so everything its parent's elements write counts. Variables a job worker, a message or a
 * JavaScript script sets at run time cannot be known here and are not listed. Pure: takes the
 * moddle tree of `parseBpmn` or of bpmn-js (`modeler.getDefinitions()`).
 *
 * @example
 * const { definitions } = await parseBpmn(xml);
 * variablesInScope(definitions, 'Task_Approve');
 * // [{ name: 'score', source: 'result variable of Score', elementId: 'Task_Score' }, …]
 */
export function variablesInScope(definitions: ModdleElement, elementId: string, options: ScopeOptions = {}): VariableInScope[] {
  const index = indexFlowNodes(definitions);
  const target = index.get(elementId);
  if (!target) return [];
  const found = new Map<string, { sources: string[]; elementId: string }>();
  const add = (name: string | undefined, source: string, from: ModdleElement) => {
    const root = name?.trim().split('.')[0]?.trim();
    if (!root) return;
    const entry = found.get(root);
    if (!entry) found.set(root, { sources: [source], elementId: from.id as string });
    else if (!entry.sources.includes(source)) entry.sources.push(source);
  };
  const labelOf = (el: ModdleElement) => str(el, 'name')?.trim() || (el.id as string);
  const inputsOf = (el: ModdleElement) => {
    for (const p of list(ext(el, 'zeebe:IoMapping'), 'inputParameters')) add(str(p, 'target'), `input mapping of ${labelOf(el)}`, el);
    add(str(loopOf(el), 'inputElement'), `input element of ${labelOf(el)}`, el);
  };
  /** Result variable and form fields: what an element writes unless output mappings narrow it. */
  const resultsOf = (el: ModdleElement, suffix: string) => {
    const label = labelOf(el);
    add(resultVariableOf(el), `result variable of ${label}${suffix}`, el);
    const form = ext(el, 'zeebe:FormDefinition');
    const ref = { formId: str(form, 'formId'), formKey: str(form, 'formKey') ?? str(form, 'externalReference') };
    const formName = ref.formId ?? ref.formKey;
    const isStart = el.$type === 'bpmn:StartEvent' && !index.get(el.id as string)?.container;
    for (const key of form ? (options.formFields?.(ref) ?? []) : []) add(key, isStart ? `start form field (form ${formName})` : `form field of ${label} (form ${formName})${suffix}`, el);
  };
  const outputsOf = (el: ModdleElement) => {
    const label = labelOf(el);
    const mapped = list(ext(el, 'zeebe:IoMapping'), 'outputParameters');
    for (const p of mapped) add(str(p, 'target'), `output mapping of ${label}`, el);
    if (mapped.length === 0) resultsOf(el, '');
    add(str(loopOf(el), 'outputCollection'), `output collection of ${label}`, el);
  };

  inputsOf(target.el);
  if (options.ownOutputs) resultsOf(target.el, ' (for its output mappings)');
  for (let level: Indexed | undefined = target; level; level = level.container ? index.get(level.container.id as string) : undefined) {
    if (level !== target) inputsOf(level.el);
    if (level.el.triggeredByEvent) {
      for (const sibling of index.values()) if (sibling.container === level.container && sibling !== level && !sibling.el.triggeredByEvent) outputsOf(sibling.el);
      continue;
    }
    const seen = new Set<Indexed>();
    const queue = [...predecessors(level, index)];
    while (queue.length > 0) {
      const node = queue.shift() as Indexed;
      if (seen.has(node)) continue;
      seen.add(node);
      outputsOf(node.el);
      queue.push(...predecessors(node, index));
    }
  }
  return [...found].map(([name, e]) => ({ name, source: e.sources.join('; '), elementId: e.elementId }));
}

interface Indexed {
  el: ModdleElement;
  /** The enclosing subprocess, or undefined at process level. */
  container: ModdleElement | undefined;
  /** Sources of the incoming sequence flows (read from the flows: not every tool writes `<incoming>`). */
  incoming: ModdleElement[];
}

function indexFlowNodes(definitions: ModdleElement): Map<string, Indexed> {
  const index = new Map<string, Indexed>();
  const flows: ModdleElement[] = [];
  const walk = (elements: ModdleElement[], container: ModdleElement | undefined) => {
    for (const el of elements) {
      if (el.$type === 'bpmn:SequenceFlow') flows.push(el);
      else if (typeof el.id === 'string') index.set(el.id, { el, container, incoming: [] });
      if (Array.isArray(el.flowElements)) walk(el.flowElements as ModdleElement[], el);
    }
  };
  for (const root of list(definitions, 'rootElements')) if (root.$type === 'bpmn:Process') walk(list(root, 'flowElements'), undefined);
  for (const flow of flows) {
    const source = flow.sourceRef as ModdleElement | undefined;
    const target = flow.targetRef as ModdleElement | undefined;
    if (source && target && typeof target.id === 'string') index.get(target.id)?.incoming.push(source);
  }
  return index;
}

/**
 * What ran before a node: the sources of its flows. A boundary event interrupts its activity
 * before that writes its outputs, so it follows what came before the activity.
 */
function predecessors(node: Indexed, index: Map<string, Indexed>): Indexed[] {
  const attached = node.el.attachedToRef as ModdleElement | undefined;
  const from = attached ? (index.get(attached.id as string)?.incoming ?? []) : node.incoming;
  return from.flatMap((el) => index.get(el.id as string) ?? []);
}

function loopOf(el: ModdleElement): ModdleElement | undefined {
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  return loop ? ext(loop, 'zeebe:LoopCharacteristics') : undefined;
}

/** Business rule task, FEEL script (`zeebe:script`) and JavaScript script (`resultVariable` property). */
function resultVariableOf(el: ModdleElement): string | undefined {
  return str(ext(el, 'zeebe:CalledDecision'), 'resultVariable') ?? str(ext(el, 'zeebe:Script'), 'resultVariable') ?? (el.$type === 'bpmn:ScriptTask' ? properties(el).resultVariable : undefined);
}
