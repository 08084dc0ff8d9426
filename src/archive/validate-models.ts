import { compileDmn, parseDmn } from '../dmn';
import { compileDeployment, parseBpmn, type ValueSource } from '../engine';
import { FeelExpressions } from '../host/feel-expressions';
import type { ArchiveContents, ArchiveFile } from './contents';
import { ArchiveError } from './errors';

/** A model in an archive that would not deploy, or a reference that resolves to nothing. */
export interface ModelProblem {
  /** The archive entry. */
  path: string;
  /** The element (BPMN), decision (DMN) or component concerned, when there is one. */
  elementId?: string;
  message: string;
}

interface Catalog {
  processes: Set<string>;
  decisions: Set<string>;
  forms: Set<string>;
}

/**
 * Checks what the engine would check on deploy, across the whole archive: every BPMN compiles
 * through the engine's compiler (with FEEL), every DMN through src/dmn's (every cell), every form
 * is a form-js schema with an id, and the references between them resolve: a call activity's
 * process id, a business rule task's decision id, a user task's form id (static values only: an
 * expression is resolved at run time). Returns the problems, empty when the archive is sound.
 *
 * @example
 * const problems = await validateArchiveModels(readArchive(bytes));
 * // [{ path: 'order.bpmn', elementId: 'Approve', message: 'calls decision "discount", which no DMN in the archive defines' }]
 */
export async function validateArchiveModels(contents: ArchiveContents): Promise<ModelProblem[]> {
  const problems: ModelProblem[] = [];
  const catalog: Catalog = { processes: new Set(), decisions: new Set(), forms: new Set() };
  const expressions = new FeelExpressions();
  const references: Array<{ path: string; elementId: string; kind: keyof Catalog; id: string }> = [];
  for (const file of contents.files) {
    if (file.kind === 'dmn') checkDmn(file, catalog, problems);
    else if (file.kind === 'form') checkForm(file, catalog, problems);
    else if (file.kind === 'bpmn') references.push(...(await checkBpmn(file, expressions, catalog, problems)));
  }
  const what = { processes: 'calls process', decisions: 'calls decision', forms: 'uses form' } as const;
  const holder = { processes: 'BPMN', decisions: 'DMN', forms: 'form' } as const;
  for (const ref of references) {
    if (!catalog[ref.kind].has(ref.id)) problems.push({ path: ref.path, elementId: ref.elementId, message: `${what[ref.kind]} "${ref.id}", which no ${holder[ref.kind]} in the archive defines` });
  }
  return problems;
}

/**
 * {@link validateArchiveModels}, throwing: the first problem's entry is named, the reason lists all.
 *
 * @throws ArchiveError `model`.
 */
export async function assertArchiveModels(contents: ArchiveContents): Promise<void> {
  const problems = await validateArchiveModels(contents);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `${p.path}${p.elementId ? ` ${p.elementId}` : ''}: ${p.message}`);
  throw new ArchiveError('model', problems[0].path, `does not deploy (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`);
}

async function checkBpmn(file: ArchiveFile, expressions: FeelExpressions, catalog: Catalog, problems: ModelProblem[]) {
  const refs: Array<{ path: string; elementId: string; kind: keyof Catalog; id: string }> = [];
  let parsed: Awaited<ReturnType<typeof parseBpmn>>;
  try {
    parsed = await parseBpmn(file.text);
  } catch (error) {
    problems.push({ path: file.path, message: `is not a BPMN 2.0 file: ${(error as Error).message}` });
    return refs;
  }
  for (const e of parsed.errors) problems.push({ path: file.path, elementId: e.elementId, message: e.message });
  const compiled = compileDeployment(parsed.definitions, { expressions });
  for (const e of compiled.errors) problems.push({ path: file.path, elementId: e.elementId, message: e.message });
  if (compiled.processes.size === 0 && compiled.errors.length === 0) problems.push({ path: file.path, message: 'holds no executable process' });
  for (const process of compiled.processes.values()) {
    catalog.processes.add(process.id);
    for (const node of process.nodes.values()) {
      const call = staticValue(node.call?.processId);
      if (call) refs.push({ path: file.path, elementId: node.id, kind: 'processes', id: call });
      const decision = staticValue(node.decision?.decisionId);
      if (decision) refs.push({ path: file.path, elementId: node.id, kind: 'decisions', id: decision });
      const form = staticValue(node.userTask?.formId);
      if (form) refs.push({ path: file.path, elementId: node.id, kind: 'forms', id: form });
    }
  }
  return refs;
}

function checkDmn(file: ArchiveFile, catalog: Catalog, problems: ModelProblem[]): void {
  try {
    const compiled = compileDmn(parseDmn(file.text), { compileCells: 'eager' });
    for (const p of compiled.problems) {
      if (p.severity === 'error') problems.push({ path: file.path, elementId: p.decisionId, message: `${p.element}: ${p.message}` });
    }
    if (compiled.main.decisions.length === 0) problems.push({ path: file.path, message: 'holds no decision' });
    for (const d of compiled.main.decisions) {
      catalog.decisions.add(d.id);
      if (d.name) catalog.decisions.add(d.name);
    }
  } catch (error) {
    problems.push({ path: file.path, message: `is not a DMN file: ${(error as Error).message}` });
  }
}

function checkForm(file: ArchiveFile, catalog: Catalog, problems: ModelProblem[]): void {
  const schema = JSON.parse(file.text) as { id?: unknown; components?: unknown };
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    problems.push({ path: file.path, message: 'is not a form (a form-js schema is a JSON object)' });
    return;
  }
  if (!Array.isArray(schema.components)) problems.push({ path: file.path, message: 'is not a form-js schema (it has no "components" list)' });
  if (typeof schema.id === 'string' && schema.id !== '') catalog.forms.add(schema.id);
  else problems.push({ path: file.path, message: 'has no "id" (a user task finds its form by id)' });
}

function staticValue(source: ValueSource | null | undefined): string | null {
  return source?.kind === 'static' && source.value !== '' ? source.value : null;
}
