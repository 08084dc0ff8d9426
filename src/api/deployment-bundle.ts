/** A DMN file that may go into a deployment: its name and XML. */
export interface ProjectDmn {
  name: string;
  source: string;
}

/** The decision ids a BPMN model calls with `bindingType="deployment"`, once each, in order. */
export function deploymentBoundDecisionIds(xml: string): string[] {
  const ids = new Set<string>();
  for (const m of xml.matchAll(/<zeebe:calledDecision\b[^>]*>/g)) {
    if (!/\bbindingType="deployment"/.test(m[0])) continue;
    const id = /\bdecisionId="([^"=][^"]*)"/.exec(m[0])?.[1];
    if (id) ids.add(id);
  }
  return [...ids];
}

/** True when the DMN XML defines a decision with that id (matched literally). */
export function definesDecision(dmnXml: string, id: string): boolean {
  return new RegExp(`<(?:\\w+:)?decision\\b[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(dmnXml);
}

/**
 * The DMN files that define a decision the model calls with `bindingType="deployment"` (they are
 * deployed together with it, Zeebe's "same deployment"), and the bound decision ids no file defines.
 * @example
 * deploymentBoundFiles(orderBpmn, [{ name: 'discount.dmn', source }]) // { files: [discount.dmn], missing: [] }
 */
export function deploymentBoundFiles<F extends ProjectDmn>(xml: string, dmnFiles: readonly F[]): { files: ProjectDmn[]; missing: string[] } {
  const files: F[] = [];
  const missing: string[] = [];
  for (const id of deploymentBoundDecisionIds(xml)) {
    const file = dmnFiles.find((f) => definesDecision(f.source, id));
    if (!file) missing.push(id);
    else if (!files.includes(file)) files.push(file);
  }
  return { files: files.map((f) => ({ name: f.name, source: f.source })), missing };
}
