import type { ModdleElement } from 'bpmn-moddle';
import { parseBpmn, type Variables } from '../../engine';
import { properties } from '../../engine/model/extensions';
import { CaseFailure } from './failure';

/** Where Camunda Modeler keeps an element's example output (`useExampleData`). */
const EXAMPLE_PROPERTY = 'camundaModeler:exampleOutputJson';

/**
 * The example data of the BPMN elements of the deployed files (`zeebe:property
 * name="camundaModeler:exampleOutputJson"`), by element id, read once per file.
 */
export class ExampleData {
  private readonly byElement = new Map<string, string>();

  async add(xml: string): Promise<void> {
    const { definitions } = await parseBpmn(xml);
    const visit = (el: ModdleElement) => {
      const value = properties(el)[EXAMPLE_PROPERTY];
      if (typeof el.id === 'string' && value !== undefined) this.byElement.set(el.id, value);
      for (const child of [...asList(el.rootElements), ...asList(el.flowElements)]) visit(child);
    };
    visit(definitions as ModdleElement);
  }

  /** The element's example output as variables. @throws CaseFailure when it has none or it is not a JSON object. */
  of(elementId: string): Variables {
    const text = this.byElement.get(elementId);
    if (text === undefined) throw new CaseFailure(`useExampleData: ${elementId} has no example data (zeebe:property ${EXAMPLE_PROPERTY})`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CaseFailure(`useExampleData: the example data of ${elementId} is not JSON: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CaseFailure(`useExampleData: the example data of ${elementId} is not a JSON object`);
    return value as Variables;
  }
}

function asList(v: unknown): ModdleElement[] {
  return Array.isArray(v) ? (v as ModdleElement[]) : [];
}
