/**
 * `xsi:type` values whose prefix is not declared (`xsi:type="bpmn2:tFormalExpression"` in a file
 * that binds the BPMN namespace to `model:`): moddle cannot resolve the type and drops the whole
 * element (a condition, a timer's duration). When the name is a BPMN type, the prefix in scope
 * for the BPMN namespace is used instead.
 */
import { escapeXml, type XmlElement } from '../xml/scan';
import type { TextEdit } from '../xml/edit';
import { BPMN_NS, XSI_NS } from '../schema/moddle-schema';
import type { TypedTree } from '../schema/typed-tree';
import type { ReportItem } from '../report';
import { elementKind } from '../audit/kinds';
import { nearestWithId } from './ids-and-references';

export function repairTypeNames(tree: TypedTree): { edits: TextEdit[]; items: ReportItem[] } {
  const edits: TextEdit[] = [];
  const items: ReportItem[] = [];
  for (const element of tree.doc.elements) {
    const xsi = element.attributes.find((a) => a.name.endsWith(':type') && element.ns.get(a.name.slice(0, -5)) === XSI_NS);
    if (!xsi) continue;
    const colon = xsi.value.indexOf(':');
    const prefix = colon > 0 ? xsi.value.slice(0, colon) : '';
    if (element.ns.has(prefix)) continue;
    const local = xsi.value.slice(colon + 1);
    const bpmnPrefix = prefixFor(element, BPMN_NS);
    if (bpmnPrefix === undefined || !tree.schema.type(`bpmn:${local.replace(/^t(?=[A-Z])/, '')}`)) continue;
    const next = bpmnPrefix ? `${bpmnPrefix}:${local}` : local;
    edits.push({ start: xsi.valueStart, end: xsi.valueEnd, text: escapeXml(next) });
    const holder = nearestWithId(tree, element);
    items.push({
      severity: 'changed',
      elementId: holder?.id,
      kind: elementKind(element),
      line: tree.doc.lineOf(element.start),
      message: `type "${xsi.value}" uses the undeclared prefix "${prefix}"; read as the BPMN type "${next}"`,
    });
  }
  return { edits, items };
}

/** The prefix bound to `uri` in scope ('' for the default namespace), or undefined. */
export function prefixFor(element: XmlElement, uri: string): string | undefined {
  if (element.ns.get('') === uri) return '';
  for (const [prefix, bound] of element.ns) if (bound === uri && prefix) return prefix;
  return undefined;
}
