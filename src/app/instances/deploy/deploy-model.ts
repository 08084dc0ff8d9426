import type { ApiData, ApiRequest, ApiResult } from '../../../api';
import { deploymentBoundFiles, type ProjectDmn } from '../../../api/deployment-bundle';

export { deploymentBoundFiles, type ProjectDmn };

/** One reason a model cannot be deployed (or a warning), with the element to reveal. */
export interface DeployProblem {
  /** `lint`: bpmnlint in the modeler; `compile`: the engine's compiler refused it. */
  source: 'lint' | 'compile';
  severity: 'error' | 'warning';
  elementId: string | null;
  message: string;
  rule?: string;
}

export type DeployOutcome =
  | { status: 'refused'; message: string; problems: DeployProblem[] }
  | { status: 'deployed'; message: string; deploymentId: string; versions: Record<string, number>; problems: DeployProblem[] };

/** What deploying needs of the engine: `deployments.deploy`. */
export type DeployCall = (request: ApiRequest<'deployments.deploy'>) => Promise<ApiResult<ApiData<'deployments.deploy'>>>;

/** A lint finding as the modeler reports it (`LintIssue`). */
export interface LintFinding {
  elementId: string;
  rule: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

/** Lint findings as deploy problems: errors (and rules that crashed) block, the rest warn. */
export function lintProblems(issues: readonly LintFinding[]): DeployProblem[] {
  return issues
    .filter((i) => i.category !== 'info')
    .map((i) => ({ source: 'lint' as const, severity: i.category === 'warn' ? ('warning' as const) : ('error' as const), elementId: i.elementId || null, message: i.message, rule: i.rule }))
    .sort((a, b) => (a.severity === b.severity ? (a.elementId ?? '').localeCompare(b.elementId ?? '') : a.severity === 'error' ? -1 : 1));
}

/**
 * Deploys a BPMN model unless it has errors. Lint errors refuse it before the engine is asked;
 * the engine's compile errors (`deployFailed`, `details.errors`) refuse it after; each problem
 * keeps its element id so the dialog can link to it. Lint warnings are kept beside a success.
 *
 * @example
 * const outcome = await deployModel((r) => callEngine('deployments.deploy', r), { name: 'order.bpmn', xml, issues });
 * if (outcome.status === 'refused') list(outcome.problems);
 */
export async function deployModel(call: DeployCall, model: { name: string; xml: string; issues: readonly LintFinding[]; forms?: readonly ProjectForm[]; dmnFiles?: readonly ProjectDmn[] }): Promise<DeployOutcome> {
  const lint = lintProblems(model.issues);
  const errors = lint.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return { status: 'refused', message: `${model.name} has ${errors.length} error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} to deploy`, problems: lint };
  }
  // DMN files defining the decisions bound by `deployment` go in the same deployment.
  const bound = deploymentBoundFiles(model.xml, model.dmnFiles ?? []);
  const r = await call({ kind: 'bpmn', name: model.name, source: model.xml, ...(bound.files.length ? { decisions: bound.files } : {}) });
  if ('error' in r) {
    const listed = (r.details?.errors as Array<{ elementId?: string; message?: string }> | undefined) ?? [];
    const compile: DeployProblem[] = listed.map((e) => ({ source: 'compile', severity: 'error', elementId: e.elementId ?? null, message: e.message ?? String(e) }));
    // Without listed errors (e.g. unreadable XML) the message itself is the one problem.
    if (compile.length === 0) compile.push({ source: 'compile', severity: 'error', elementId: null, message: r.message });
    return { status: 'refused', message: listed.length ? `The engine refused ${model.name}` : r.message, problems: [...compile, ...lint] };
  }
  const warnings: DeployProblem[] = r.data.warnings.map((w) => ({ source: 'compile', severity: 'warning', elementId: null, message: w }));
  for (const id of bound.missing) {
    warnings.push({ source: 'compile', severity: 'warning', elementId: null, message: `decision ${id} (bindingType deployment) is in no DMN file of this project: its tasks will raise an incident` });
  }
  // The forms its user tasks and start events name go along, so the tasklist can show them.
  const formNotes: string[] = [];
  for (const formId of referencedFormIds(model.xml)) {
    const form = model.forms?.find((f) => f.formId === formId);
    if (!form) {
      warnings.push({ source: 'compile', severity: 'warning', elementId: null, message: `form ${formId} is not in this project: tasks using it fall back to a variables editor unless it is deployed` });
      continue;
    }
    const f = await call({ kind: 'form', name: form.name, source: form.source, formId });
    if ('error' in f) warnings.push({ source: 'compile', severity: 'warning', elementId: null, message: `form ${form.name}: ${f.message}` });
    else formNotes.push(`form ${formId} v${f.data.versions[formId]}`);
  }
  const message = [r.message ?? `deployed ${model.name}`, ...formNotes].join(', ');
  return { status: 'deployed', message, deploymentId: r.data.deploymentId, versions: r.data.versions, problems: [...lint, ...warnings] };
}

/** A form file of the project: its form-js id and JSON. */
export interface ProjectForm {
  formId: string;
  name: string;
  source: string;
}

/** The form ids a model's `zeebe:formDefinition`s name (user tasks, start events), in order, once each. */
export function referencedFormIds(xml: string): string[] {
  const ids = new Set<string>();
  for (const m of xml.matchAll(/<zeebe:formDefinition\b[^>]*\bformId="([^"]+)"/g)) ids.add(m[1]);
  return [...ids];
}

/** The project's form files as deployable forms (those whose JSON has an id). */
export function projectForms(files: ReadonlyArray<{ kind: string; name: string; content: string }>): ProjectForm[] {
  const out: ProjectForm[] = [];
  for (const f of files) {
    if (f.kind !== 'form') continue;
    try {
      const id = (JSON.parse(f.content) as { id?: unknown }).id;
      if (typeof id === 'string' && id !== '') out.push({ formId: id, name: f.name, source: f.content });
    } catch {
      // A form that is not JSON yet cannot be deployed; the deploy names the missing form instead.
    }
  }
  return out;
}
