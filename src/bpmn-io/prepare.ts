/**
 * The one import path for BPMN text, shared by the workspace import (validation before anything
 * is written), the modeler (every import) and the Node round trip: repair the text, read it with
 * moddle, repair the diagram, check that bpmn-js would open it and that it saves, and report,
 * element by element, what was changed and what could not be kept.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { bpmnPackages } from './schema/packages';
import { repairBpmnXml } from './repair/repair-xml';
import { repointPlanes } from './di/repoint-planes';
import { retargetShapes } from './di/shape-targets';
import { idsInUse } from './di/semantic-owner';
import { undrawnDi, restoreUndrawnDi } from './di/keep-undrawn';
import { emulateImport, orderDiLikeBpmnJs, runSubprocessCompatibility } from './open/modeler-emulation';
import { layoutMissing } from './di/layout-missing';
import { uniqueId } from './xml/names';
import { compareDocuments } from './audit/losses';
import { describe, type Moddle, type ModdleElement, type ModdleWarning } from './moddle-element';
import type { ImportReport, ReportItem } from './report';
import { scanXml } from './xml/scan';
import { typeTree, type TypedTree } from './schema/typed-tree';

export type PreparedBpmn =
  | {
      ok: true;
      /** The text to store and open: the original when nothing needed repair. */
      xml: string;
      report: ImportReport;
      /** What the modeler writes on its first save of `xml` (bpmn-js emulated). */
      saved: string;
      /** Shapes and edges bpmn-js draws. */
      drawn: number;
      /** `saved`, scanned and typed (for tallies). */
      savedTree: TypedTree;
    }
  | { ok: false; stage: 'read' | 'open' | 'save'; message: string; warnings: ModdleWarning[] };

/** Warnings after which moddle's tree is a damaged version of the file. */
const FATAL_WARNING = /unexpected element|unclosed|mismatch|missing start tag|unexpected end|non-whitespace|invalid/i;

/** A new moddle with the packages the modeler uses. */
export function createModdle(): Moddle {
  return new BpmnModdle(bpmnPackages()) as unknown as Moddle;
}

/**
 * Prepares BPMN text for the workspace and the modeler.
 *
 * @example
 * const prepared = await prepareBpmn(text);
 * if (!prepared.ok) refuse(prepared.message);
 * else if (prepared.report.items.some((i) => i.severity === 'lost')) askUser(prepared.report);
 */
export async function prepareBpmn(text: string): Promise<PreparedBpmn> {
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
  const diItems: ReportItem[] = [...retargetShapes(definitions, moddle, taken), ...repointPlanes(definitions), ...(await layoutMissing(definitions, moddle, taken))];
  diItems.push(...ownDiagramsForCollapsedSubprocesses(definitions, moddle, taken));
  const changed = repair.items.length > 0 || diItems.some((i) => i.severity === 'changed');
  let stored = text;
  if (changed) {
    try {
      stored = (await moddle.toXML(definitions, { format: true })).xml;
    } catch (e) {
      return { ok: false, stage: 'save', message: `It could not be saved again: ${(e as Error).message}`, warnings };
    }
  }

  // The modeler reads `stored`; when that is the file as given, the tree read above is its tree.
  const opened = await openAndSave(stored === text && repair.xml === text ? { moddle, definitions } : stored);
  if ('error' in opened) return { ok: false, stage: opened.stage, message: opened.error, warnings };

  const savedTree = typeTree(scanXml(opened.saved));
  const compared = compareDocuments(repair.tree ?? repair.xml, savedTree, warnings);
  const items = merge([...repair.items, ...diItems], compared).map(({ covers: _covers, ...item }: ReportItem & { covers?: string[] }) => item);
  for (const di of opened.kept) {
    if (items.some((i) => i.elementId === di.id && i.severity === 'kept')) continue;
    const element = di.get('bpmnElement') as ModdleElement | undefined;
    items.push({ severity: 'kept', elementId: di.id, kind: di.$type.replace(/^bpmndi:/, 'bpmndi:'), message: element ? `the diagram element for ${describe(element)} is kept in the file but not drawn` : 'the diagram element refers to no element; it is kept in the file but not drawn' });
  }
  return { ok: true, xml: stored, report: { items }, saved: opened.saved, drawn: opened.drawn, savedTree };
}

/** Opens `xml` the way the modeler does and saves it again. */
async function openAndSave(
  source: string | { moddle: Moddle; definitions: ModdleElement },
): Promise<{ saved: string; drawn: number; kept: ModdleElement[] } | { error: string; stage: 'open' | 'save' }> {
  const moddle = typeof source === 'string' ? createModdle() : source.moddle;
  const rootElement = typeof source === 'string' ? (await moddle.fromXML(source, 'bpmn:Definitions')).rootElement : source.definitions;
  const imported = emulateImport(rootElement, moddle, { drawUnhandledProcesses: true });
  if (imported.error) return { stage: 'open', error: `The diagram cannot be displayed: ${imported.error}` };
  const undrawn = undrawnDi(imported.roots.map((r) => r.plane), new Set(imported.roots.flatMap((r) => r.drawn)));
  orderDiLikeBpmnJs(imported);
  restoreUndrawnDi(rootElement, undrawn);
  try {
    const saved = (await moddle.toXML(rootElement, { format: true })).xml;
    return { saved, drawn: imported.drawnCount, kept: undrawn.map((u) => u.di) };
  } catch (e) {
    return { stage: 'save', error: `It could not be saved again: ${(e as Error).message}` };
  }
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
      message: `collapsed ${describe(subprocess)} gets a diagram of its own (opened by drilling down); the shapes of its content move there`,
      kinds: ['bpmndi:BPMNDiagram', 'bpmndi:BPMNPlane'],
      covers: [diagram.id!, plane.id!],
    });
  }
  return items;
}

/** Round-trip items about an element a repair already reported are folded into that repair. */
function merge(repairs: Array<ReportItem & { covers?: string[] }>, compared: ReportItem[]): ReportItem[] {
  const out = [...repairs];
  for (const item of compared) {
    const same =
      item.severity === 'changed'
        ? out.find((r) => r.severity === 'changed' && (r.elementId === item.elementId || (item.elementId !== undefined && r.covers?.includes(item.elementId))))
        : undefined;
    if (same) same.kinds = [...(same.kinds ?? []), ...(item.kinds ?? [])];
    else out.push(item);
  }
  return out;
}
