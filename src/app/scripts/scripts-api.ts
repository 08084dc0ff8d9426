/**
 * Script tasks of a BPMN document, read and written through bpmn-moddle: the browser-side
 * replacement of the seed server's `GET /processes/{id}/scripts`, `GET .../scripts/{nodeId}` and
 * `PUT .../scripts/{nodeId}`. Pure (no DOM): the same functions run in Vitest under Node.
 *
 * A script task holds either JavaScript in the standard BPMN `<bpmn:script>` body with
 * `scriptFormat="javascript"`, or a FEEL expression in `<zeebe:script expression="=…"
 * resultVariable="…"/>` (the Camunda 8 form). FEEL bodies are returned without the leading `=`
 * and written back with it.
 *
 * @example
 * ```ts
 * const scripts = await listScripts(xml);              // every script task, in document order
 * const one = await getScript(xml, 'Calc');            // { language: 'javascript', body: '…' }
 * const next = await putScript(xml, 'Calc', { body: 'return a + b;' });
 * ```
 */
import { BpmnModdle as BpmnModdleImpl } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { isJavaScriptFormat } from './script-format';
import { javascriptResultVariable, scriptTaskProps, type ScriptLanguage } from './script-task-props';

export type { ScriptLanguage };

// The shared ambient declaration of bpmn-moddle (src/engine/model) covers reading only; these
// are the members of the same runtime objects that writing needs.
interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

interface BpmnModdle {
  fromXML(xml: string, typeName?: string): Promise<{ rootElement: ModdleElement }>;
  toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}

const Moddle = BpmnModdleImpl as unknown as new (packages: Record<string, unknown>) => BpmnModdle;


export interface ScriptInfo {
  /** Id of the script task (the `{nodeId}` of the old API). */
  nodeId: string;
  name?: string;
  /** Id of the process that contains the task (through any sub-processes). */
  processId: string;
  language: ScriptLanguage;
  /** JavaScript function body, or the FEEL expression without its leading `=`. */
  body: string;
  /** Where the result goes: `zeebe:script resultVariable` for FEEL, the `resultVariable` zeebe:property for JavaScript. */
  resultVariable?: string;
  /** The raw `scriptFormat` when it is not JavaScript or FEEL (e.g. `groovy`); kept verbatim. */
  scriptFormat?: string;
}

export interface ScriptUpdate {
  body: string;
  /** Defaults to the task's current language (JavaScript for a task without a script yet). */
  language?: ScriptLanguage;
  /** Defaults to the current one; required for FEEL, optional for JavaScript ('' removes it). */
  resultVariable?: string;
}

export type ScriptsApiErrorCode = 'invalid-xml' | 'not-found' | 'not-a-script-task' | 'invalid-update';

/** Thrown for every rejected request; `code` maps onto the old API's 400/404 answers. */
export class ScriptsApiError extends Error {
  constructor(
    readonly code: ScriptsApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScriptsApiError';
  }
}

/**
 * Every script task in the document (all processes, nested sub-processes included), in document
 * order. Pass `processId` to keep one process only.
 *
 * @example
 * ```ts
 * for (const s of await listScripts(xml, 'Process_1')) console.log(s.nodeId, s.language);
 * ```
 */
export async function listScripts(xml: string, processId?: string): Promise<ScriptInfo[]> {
  const { definitions } = await parse(xml);
  return findScriptTasks(definitions)
    .filter((found) => processId === undefined || found.processId === processId)
    .map(({ task, processId: owner }) => describe(task, owner));
}

/**
 * One script task by id.
 *
 * @throws {ScriptsApiError} `not-found` when no element has that id, `not-a-script-task` when it
 * is another kind of element.
 * @example
 * ```ts
 * const { body, language } = await getScript(xml, 'ComputeTotal');
 * ```
 */
export async function getScript(xml: string, nodeId: string): Promise<ScriptInfo> {
  const { definitions } = await parse(xml);
  const { task, processId } = locate(definitions, nodeId);
  return describe(task, processId);
}

/**
 * Writes a script into a task and returns the new document. Switching language moves the script
 * between the BPMN body and `zeebe:script`, so the task never carries both.
 *
 * @example
 * ```ts
 * const xml2 = await putScript(xml, 'ComputeTotal', { language: 'feel', body: 'a + b', resultVariable: 'sum' });
 * ```
 */
export async function putScript(xml: string, nodeId: string, update: ScriptUpdate): Promise<string> {
  if (typeof update.body !== 'string') {
    throw new ScriptsApiError('invalid-update', 'The script body must be a string.');
  }
  const { moddle, definitions } = await parse(xml);
  const { task, processId } = locate(definitions, nodeId);
  const current = describe(task, processId);
  const language = update.language ?? (current.body === '' && !current.scriptFormat ? 'javascript' : current.language);

  const resultVariable = update.resultVariable ?? current.resultVariable;
  if (language === 'feel' && !resultVariable?.trim()) {
    throw new ScriptsApiError('invalid-update', `FEEL script task ${nodeId} needs a resultVariable.`);
  }
  const props = scriptTaskProps(task, { language, body: update.body, resultVariable }, moddle);
  for (const [key, value] of Object.entries(props)) task.set(key, value);
  const { xml: out } = await moddle.toXML(definitions, { format: true });
  return out;
}

// ---------------------------------------------------------------------------------------------
// helpers

interface Parsed {
  moddle: BpmnModdle;
  definitions: ModdleElement;
}

interface FoundTask {
  task: ModdleElement;
  processId: string;
}

async function parse(xml: string): Promise<Parsed> {
  const moddle = new Moddle({ zeebe: zeebeSchema });
  try {
    const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
    return { moddle, definitions: rootElement };
  } catch (error) {
    throw new ScriptsApiError('invalid-xml', `Not a BPMN document: ${(error as Error).message}`);
  }
}

function findScriptTasks(definitions: ModdleElement): FoundTask[] {
  const found: FoundTask[] = [];
  const visit = (container: ModdleElement, processId: string) => {
    for (const element of children(container, 'flowElements')) {
      if (element.$type === 'bpmn:ScriptTask') found.push({ task: element, processId });
      // Sub-processes, transactions and ad-hoc sub-processes all nest flow elements.
      if (Array.isArray(element.get('flowElements'))) visit(element, processId);
    }
  };
  for (const root of children(definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Process') visit(root, root.id ?? '');
  }
  return found;
}

function locate(definitions: ModdleElement, nodeId: string): FoundTask {
  const found = findScriptTasks(definitions).find((candidate) => candidate.task.id === nodeId);
  if (found) return found;
  if (containsId(definitions, nodeId)) {
    throw new ScriptsApiError('not-a-script-task', `Element ${nodeId} is not a script task.`);
  }
  throw new ScriptsApiError('not-found', `No element with id ${nodeId}.`);
}

function containsId(definitions: ModdleElement, id: string): boolean {
  const stack: ModdleElement[] = [definitions];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.id === id) return true;
    for (const key of ['rootElements', 'flowElements', 'artifacts', 'participants', 'messageFlows']) {
      stack.push(...children(element, key));
    }
  }
  return false;
}

function describe(task: ModdleElement, processId: string): ScriptInfo {
  const base = { nodeId: task.id ?? '', processId, ...(task.name ? { name: task.name } : {}) };
  const zeebeScript = findZeebeScript(task);
  if (zeebeScript) {
    const expression = String(zeebeScript.get('expression') ?? '');
    const resultVariable = zeebeScript.get('resultVariable') as string | undefined;
    return { ...base, language: 'feel', body: stripEquals(expression), ...(resultVariable ? { resultVariable } : {}) };
  }
  const format = task.get('scriptFormat') as string | undefined;
  const body = (task.get('script') as string | undefined) ?? '';
  const normalized = format?.trim().toLowerCase();
  if (normalized === 'feel') return { ...base, language: 'feel', body: stripEquals(body) };
  const resultVariable = javascriptResultVariable(task);
  return { ...base, language: 'javascript', body, ...(resultVariable ? { resultVariable } : {}), ...(isJavaScriptFormat(format) ? {} : { scriptFormat: format }) };
}

function children(element: ModdleElement, property: string): ModdleElement[] {
  const value = element.get(property);
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function findZeebeScript(task: ModdleElement): ModdleElement | undefined {
  const extensions = task.get('extensionElements') as ModdleElement | undefined;
  return extensions ? children(extensions, 'values').find((value) => value.$type === 'zeebe:Script') : undefined;
}

function stripEquals(expression: string): string {
  return expression.replace(/^\s*=/, '');
}
