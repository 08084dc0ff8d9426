// The modeler's import repairs: the shared `src/bpmn-io` repairs (which also lay out what has no
// shape, from a missing diagram to single elements), and what to tell the user about them.
import { repairBpmn } from '../../bpmn-io/repair-bpmn';
import { formatItem } from '../../bpmn-io/report';
import { formatXmlProblem, toXmlProblem } from './xml-problem';

/** True when the XML carries BPMN DI (a `BPMNDiagram`), whatever its namespace prefix. */
export function hasDiagram(xml: string): boolean {
  return /<(?:[\w.-]+:)?BPMNDiagram[\s>/]/.test(xml);
}

/**
 * The text bpmn-js should import, repaired, with one note per repair (and, when it was rewritten,
 * one per reader warning). Text moddle cannot read
 * comes back unchanged (bpmn-js then reports its own error, with the position).
 *
 * @example
 * const { xml: repaired, notes } = await repairForCanvas(xml);
 * await modeler.importXML(repaired);
 */
export async function repairForCanvas(xml: string): Promise<{ xml: string; notes: string[] }> {
  const repaired = await repairBpmn(xml);
  if (!repaired.ok) return { xml, notes: [] };
  const notes = repaired.items.filter((i) => i.severity !== 'kept').map(formatItem);
  // Rewritten text no longer holds what the reader dropped (an unresolved reference...), so
  // bpmn-js cannot warn about it: the warnings of this read are the only trace left.
  const dropped = repaired.xml === xml ? [] : repaired.warnings.map((warning) => formatXmlProblem(toXmlProblem(warning)));
  return { xml: repaired.xml, notes: [...notes, ...dropped] };
}
