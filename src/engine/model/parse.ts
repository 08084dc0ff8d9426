import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

export type { ModdleElement };

/** Parsed `bpmn:Definitions` plus the reader's warnings (unknown attributes, broken references). */
export interface ParsedDefinitions {
  definitions: ModdleElement;
  warnings: string[];
}

/**
 * Parses BPMN 2.0 XML with the zeebe extensions.
 *
 * @example
 * const { definitions } = await parseBpmn(xml);
 * const { processes, errors } = compileDeployment(definitions, { expressions });
 * @throws Error when the XML is not well-formed BPMN.
 */
export async function parseBpmn(xml: string): Promise<ParsedDefinitions> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return { definitions: rootElement, warnings: warnings.map((w) => w.message) };
}
