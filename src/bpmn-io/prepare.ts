/**
 * The one import path for BPMN text, shared by the workspace import (validation before anything
 * is written), the modeler (every import) and the Node round trip: repair the text, read it with
 * moddle, repair the diagram, check that bpmn-js would open it and that it saves, and report,
 * element by element, what was changed and what could not be kept.
 */
import { undrawnDi, restoreUndrawnDi } from './di/keep-undrawn';
import { emulateImport, orderDiLikeBpmnJs } from './open/modeler-emulation';
import { compareDocuments } from './audit/losses';
import { createModdle, repairBpmn } from './repair-bpmn';
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

export { createModdle, repairBpmn } from './repair-bpmn';

/**
 * Prepares BPMN text for the workspace and the modeler.
 *
 * @example
 * const prepared = await prepareBpmn(text);
 * if (!prepared.ok) refuse(prepared.message);
 * else if (prepared.report.items.some((i) => i.severity === 'lost')) askUser(prepared.report);
 */
export async function prepareBpmn(text: string): Promise<PreparedBpmn> {
  const repaired = await repairBpmn(text);
  if (!repaired.ok) return repaired;
  const { repair, moddle, definitions, warnings, diItems, xml: stored } = repaired;

  // The modeler reads `stored`; when that is the file as given, the tree read above is its tree.
  const opened = await openAndSave(stored === text && repair.xml === text ? { moddle, definitions } : stored);
  if ('error' in opened) return { ok: false, stage: opened.stage, message: opened.error, warnings };

  const savedTree = typeTree(scanXml(opened.saved));
  const compared = compareDocuments(repair.tree ?? repair.xml, savedTree, warnings);
  const items = merge([...repair.items, ...diItems], compared).map(({ covers: _covers, ...item }: ReportItem & { covers?: string[] }) => item);
  for (const di of opened.kept) {
    if (items.some((i) => i.elementId === di.id && i.severity === 'kept')) continue;
    const element = di.get('bpmnElement') as ModdleElement | undefined;
    items.push({ severity: 'kept', elementId: di.id, kind: di.$type, message: element ? `the diagram element for ${describe(element)} is kept in the file but not drawn` : 'the diagram element refers to no element; it is kept in the file but not drawn' });
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
