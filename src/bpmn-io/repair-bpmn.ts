/**
 * Text repairs, moddle's read and the diagram repairs, without checking the result in the
 * emulated modeler: what the modeler runs on every import (the workspace import runs
 * `prepareBpmn`, which adds the check and the report). Idempotent: a repaired file needs nothing.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { bpmnPackages } from './schema/packages';
import { repairBpmnXml, type XmlRepair } from './repair/repair-xml';
import { repointPlanes } from './di/repoint-planes';
import { retargetShapes } from './di/shape-targets';
import { idsInUse } from './di/semantic-owner';
import { layoutMissing } from './di/layout-missing';
import { runSubprocessCompatibility } from './open/modeler-emulation';
import { uniqueId } from './xml/names';
import { describe, type Moddle, type ModdleElement, type ModdleWarning } from './moddle-element';
import type { ReportItem } from './report';

/** Warnings after which moddle's tree is a damaged version of the file. */
const FATAL_WARNING = /unexpected element|unclosed|mismatch|missing start tag|unexpected end|non-whitespace|invalid/i;

/** A new moddle with the packages the modeler uses. */
export function createModdle(): Moddle {
  return new BpmnModdle(bpmnPackages()) as unknown as Moddle;
}

export type RepairedBpmn =
  | {
      ok: true;
      /** The repaired text; the original when nothing needed repair. */
      xml: string;
      /** What the repairs changed (text repairs, then diagram repairs). */
      items: ReportItem[];
      repair: XmlRepair;
      moddle: Moddle;
      definitions: ModdleElement;
      warnings: ModdleWarning[];
      diItems: Array<ReportItem & { covers?: string[] }>;
    }
  | { ok: false; stage: 'read' | 'save'; message: string; warnings: ModdleWarning[] };

/**
 * Repairs BPMN text for the modeler.
 *
 * @example
 * const repaired = await repairBpmn(xml);
 * if (repaired.ok) await modeler.importXML(repaired.xml);
 */
export async function repairBpmn(text: string): Promise<RepairedBpmn> {
  const repair = repairBpmnXml(text);
  const moddle = createModdle();
  let definitions: ModdleElement;
  let warnings: ModdleWarning[];
  try {
    ({ rootElement: definitions, warnings } = await moddle.fromXML(repair.xml, 'bpmn:Definitions'));
  } catch (e) {
    const err = e as Error & { warnings?: ModdleWarning[] };
    const detail = err.warnings?.find((w) => /line:/.test(w.message));
    return { ok: false, stage: 'read', message: detail?.message ?? err.message, warnings: err.warnings ?? [] };
  }
  const fatal = warnings.find((w) => FATAL_WARNING.test(w.message));
  if (fatal) return { ok: false, stage: 'read', message: fatal.message, warnings };

  const taken = idsInUse(definitions);
  // Shapes first: a process drawn as a box becomes its pool, and pools tell which plane is whose.
  const diItems: Array<ReportItem & { covers?: string[] }> = [...retargetShapes(definitions, moddle, taken), ...repointPlanes(definitions), ...(await layoutMissing(definitions, moddle, taken))];
  diItems.push(...ownDiagramsForCollapsedSubprocesses(definitions, moddle, taken));
  const changed = repair.items.length > 0 || diItems.some((i) => i.severity === 'changed');
  let xml = text;
  if (changed) {
    try {
      xml = (await moddle.toXML(definitions, { format: true })).xml;
    } catch (e) {
      return { ok: false, stage: 'save', message: `It could not be saved again: ${(e as Error).message}`, warnings };
    }
  }
  return { ok: true, xml, items: [...repair.items, ...diItems], repair, moddle, definitions, warnings, diItems };
}

/**
 * What bpmn-js does on every open (a diagram of its own for each collapsed subprocess whose content
 * is drawn on the parent plane), done once at import with ids, so the stored file is what the
 * modeler will save.
 */
function ownDiagramsForCollapsedSubprocesses(definitions: ModdleElement, moddle: Moddle, taken: Set<string>): Array<ReportItem & { covers: string[] }> {
  const before = new Set(definitions.get('diagrams') as ModdleElement[]);
  runSubprocessCompatibility(definitions, moddle);
  const items: Array<ReportItem & { covers: string[] }> = [];
  for (const diagram of definitions.get('diagrams') as ModdleElement[]) {
    if (before.has(diagram)) continue;
    const plane = diagram.get('plane') as ModdleElement;
    const subprocess = plane.get('bpmnElement') as ModdleElement;
    diagram.set('id', uniqueId(`BPMNDiagram_${subprocess.id}`, taken));
    plane.set('id', uniqueId(`BPMNPlane_${subprocess.id}`, taken));
    items.push({
      severity: 'changed',
      elementId: diagram.id,
      kind: 'bpmndi:BPMNDiagram',
      diagramOnly: true,
      message: `collapsed ${describe(subprocess)} gets a diagram of its own (opened by drilling down); the shapes of its content move there`,
      kinds: ['bpmndi:BPMNDiagram', 'bpmndi:BPMNPlane'],
      covers: [diagram.id!, plane.id!],
    });
  }
  return items;
}

