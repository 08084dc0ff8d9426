// The modeler's import repairs: the shared `src/bpmn-io` repairs (which also lay out what has no
// shape, from a missing diagram to single elements), and what to tell the user about them.
import { repairBpmn } from '../../bpmn-io/repair-bpmn';
import { formatItem } from '../../bpmn-io/report';

/** True when the XML carries BPMN DI (a `BPMNDiagram`), whatever its namespace prefix. */
export function hasDiagram(xml: string): boolean {
  return /<(?:[\w.-]+:)?BPMNDiagram[\s>/]/.test(xml);
}

/**
 * The text bpmn-js should import, repaired, with one note per repair. Text moddle cannot read
 * comes back unchanged (bpmn-js then reports its own error, with the position).
 *
 * @example
 * const { xml: repaired, notes } = await repairForCanvas(xml);
 * await modeler.importXML(repaired);
 */
export async function repairForCanvas(xml: string): Promise<{ xml: string; notes: string[] }> {
  const repaired = await repairBpmn(xml);
  if (!repaired.ok) return { xml, notes: [] };
  return { xml: repaired.xml, notes: repaired.items.filter((i) => i.severity !== 'kept').map(formatItem) };
}
