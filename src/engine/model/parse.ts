import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

export type { ModdleElement };

/** Parsed `bpmn:Definitions` plus the reader's warnings (unknown attributes, broken references). */
export interface ParsedDefinitions {
  definitions: ModdleElement;
  warnings: string[];
  /**
   * What the reader dropped that changes the model's meaning, so it must not deploy: elements with
   * a duplicate id (the reader keeps the first and drops the others with only a warning).
   */
  errors: Array<{ elementId: string; message: string }>;
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
  const messages = warnings.map((w) => w.message);
  return { definitions: rootElement, warnings: messages, errors: messages.flatMap(duplicateId) };
}

const DUPLICATE = /<([\w:.-]+)> detected\s+line: (\d+)\s+column: (\d+)\s+nested error: duplicate ID <([^>]*)>/;

function duplicateId(warning: string): Array<{ elementId: string; message: string }> {
  const m = DUPLICATE.exec(warning);
  if (!m) return [];
  return [{ elementId: m[4], message: `the id ${m[4]} is used twice: the ${m[1]} at line ${m[2]}, column ${m[3]} repeats it (ids must be unique)` }];
}
