import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { GenericElement } from './generic';
import { attr, children, localName } from './generic';
import { list } from './model-index';
import { bpsimData } from './read';
import { editScenario, newScenario } from './write';
import type { ElementFactory, ScenarioEdit } from './write';

/** The namespace new BPSim elements are written in (BPSim 2.0; the reader takes 1.0 too). */
export const BPSIM_NS = 'http://www.bpsim.org/schemas/2.0';

export interface Moddle {
  fromXML(xml: string, type: string): Promise<{ rootElement: ModdleElement }>;
  toXML(e: ModdleElement, o?: { format?: boolean }): Promise<{ xml: string }>;
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  createAny(name: string, ns: string, attrs?: Record<string, unknown>): GenericElement;
}

/** Where to write: an existing scenario by id, or a new one (created with {@link defaultEdit}'s values, then `edit`). */
export type ScenarioTarget = { scenarioId: string } | { create: { id: string; name: string } };

/**
 * Writes a scenario edit into a BPMN file and returns the new XML. The file's other content,
 * other scenarios and every BPSim parameter the edit does not name are kept as they were.
 *
 * @example
 * const xml2 = await saveScenario(xml, { scenarioId: 'base' }, { replications: 5 });
 * @throws Error when the XML is not BPMN or the scenario does not exist.
 */
export async function saveScenario(xml: string, target: ScenarioTarget, edit: ScenarioEdit): Promise<string> {
  const { moddle, definitions } = await openModel(xml);
  const prefix = bpsimPrefix(definitions);
  const make: ElementFactory = (name, attributes) => moddle.createAny(`${prefix}:${name}`, BPSIM_NS, attributes);
  let scenario: GenericElement | undefined;
  if ('scenarioId' in target) {
    scenario = bpsimData(definitions).flatMap(children).find((s) => localName(s) === 'Scenario' && attr(s, 'id') === target.scenarioId);
    if (!scenario) throw new Error(`the model has no BPSim scenario ${target.scenarioId}`);
  } else {
    scenario = newScenario(target.create.id, target.create.name, make);
    dataElement(definitions, moddle, make).$children?.push(scenario);
    editScenario(scenario, defaultEdit(definitions), make);
  }
  editScenario(scenario, edit, make);
  return (await moddle.toXML(definitions, { format: true })).xml;
}

/** A BPMN file parsed by a bpmn-moddle that writes it back with its BPSim and Zeebe extensions. */
export async function openModel(xml: string): Promise<{ moddle: Moddle; definitions: ModdleElement }> {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema }) as unknown as Moddle;
  const { rootElement: definitions } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return { moddle, definitions };
}

/** The prefix the file already uses for BPSim elements, else `bpsim`. */
export function bpsimPrefix(definitions: ModdleElement): string {
  const first = bpsimData(definitions)[0];
  if (!first) return 'bpsim';
  const i = first.$type.indexOf(':');
  return i < 0 ? 'bpsim' : first.$type.slice(0, i);
}

/** The file's `bpsim:BPSimData`, created with its `bpmn:relationship` when missing. */
export function dataElement(definitions: ModdleElement, moddle: Moddle, make: ElementFactory): GenericElement {
  const existing = bpsimData(definitions)[0];
  if (existing) {
    existing.$children ??= [];
    return existing;
  }
  const data = make('BPSimData', {});
  data.$children = [];
  const processes = list(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  const rel = moddle.create('bpmn:Relationship', {
    type: 'BPSimData',
    extensionElements: moddle.create('bpmn:ExtensionElements', { values: [data] }),
    sources: processes.slice(0, 1),
    targets: processes.slice(0, 1),
  });
  const rels = (definitions.relationships as ModdleElement[] | undefined) ?? [];
  definitions.relationships = [...rels, rel];
  return data;
}

const SPLIT = /^bpmn:(ExclusiveGateway|InclusiveGateway)$/;
const TASK = /Task$/;

/**
 * The values of a new scenario, so that it runs at once: in the first executable process, every
 * none start event gets exponential arrivals (mean 10 min, 100 instances), every task 5 min of
 * exponential processing, every split whose flows have no conditions equal probabilities, and every
 * `bpmn:resource` one unit at no cost.
 */
export function defaultEdit(definitions: ModdleElement): ScenarioEdit {
  const edit: Required<Pick<ScenarioEdit, 'arrivals' | 'triggerCounts' | 'processing' | 'probabilities' | 'resources'>> = { arrivals: {}, triggerCounts: {}, processing: {}, probabilities: {}, resources: {} };
  const roots = list(definitions, 'rootElements');
  const process = roots.find((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false) ?? roots.find((e) => e.$type === 'bpmn:Process');
  const flows = process ? list(process, 'flowElements') : [];
  for (const e of flows) {
    const id = e.id as string;
    if (e.$type === 'bpmn:StartEvent' && list(e, 'eventDefinitions').length === 0) {
      edit.arrivals[id] = { kind: 'exponential', mean: 10 };
      edit.triggerCounts[id] = 100;
    } else if (TASK.test(e.$type)) edit.processing[id] = { kind: 'exponential', mean: 5 };
    else if (SPLIT.test(e.$type)) {
      const outgoing = list(e, 'outgoing');
      if (outgoing.length > 1 && outgoing.every((f) => !f.conditionExpression)) {
        outgoing.forEach((f, i) => {
          // Rounded so that the written values still sum to exactly 1.
          const p = Math.round(1000 / outgoing.length) / 1000;
          edit.probabilities[f.id as string] = i === outgoing.length - 1 ? Math.round((1 - p * (outgoing.length - 1)) * 1000) / 1000 : p;
        });
      }
    }
  }
  for (const r of roots) if (r.$type === 'bpmn:Resource') edit.resources[r.id as string] = { quantity: 1, unitCost: 0 };
  return edit;
}
