/**
 * Text repairs of a BPMN document before moddle reads it, in two passes over a fresh scan each
 * (ids and references first, so that moved content carries the repaired ids). A document that is
 * not well-formed is returned unchanged: moddle's own error then tells the user where.
 */
import { scanXml, XmlScanError } from '../xml/scan';
import { applyEdits } from '../xml/edit';
import { typeTree, type TypedTree } from '../schema/typed-tree';
import type { ReportItem } from '../report';
import { repairIdsAndReferences } from './ids-and-references';
import { repairTypeNames } from './type-names';
import { repairMisplacedContent } from './misplaced-content';

export interface XmlRepair {
  xml: string;
  items: ReportItem[];
  /** The typed tree of `xml` (undefined when the text is not well-formed). */
  tree: TypedTree | undefined;
  /** Old id → new id for ids that were not valid XML ids. */
  renamed: Map<string, string>;
}

/**
 * Repairs what moddle would otherwise drop or fail on.
 *
 * @example
 * const { xml, items } = repairBpmnXml(text);
 * // items: [{ severity: 'changed', kind: 'bpmn:timerEventDefinition', elementId: 'eventdef-7_days', … }]
 */
export function repairBpmnXml(text: string): XmlRepair {
  const items: ReportItem[] = [];
  let xml = text;
  let tree: TypedTree;
  let renamed: Map<string, string>;
  try {
    tree = typeTree(scanXml(xml));
    const ids = repairIdsAndReferences(tree);
    const types = repairTypeNames(tree);
    if (ids.edits.length + types.edits.length > 0) {
      xml = applyEdits(xml, [...ids.edits, ...types.edits]);
      tree = typeTree(scanXml(xml));
    }
    items.push(...ids.items, ...types.items);
    renamed = ids.renamed;
    const content = repairMisplacedContent(tree);
    if (content.edits.length > 0) {
      xml = applyEdits(xml, content.edits);
      tree = typeTree(scanXml(xml));
    }
    items.push(...content.items);
  } catch (e) {
    if (!(e instanceof XmlScanError)) throw e;
    return { xml: text, items: [], renamed: new Map(), tree: undefined };
  }
  return { xml, items, renamed, tree };
}
