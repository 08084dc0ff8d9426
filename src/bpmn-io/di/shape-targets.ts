/**
 * Shapes whose element bpmn-js cannot draw, pointed at the element that shows the same thing:
 *
 * - a shape for a `bpmn:Process` used as the pool (Bonita): the participant of that process,
 *   when it has no shape of its own on the plane;
 * - a shape for a `bpmn:DataObject` (Aeneis, Bizagi, W4, iGrafx): bpmn-js draws data objects only
 *   through a `bpmn:DataObjectReference`, so the shape moves to one (created when there is none
 *   without a shape), and associations to the data object follow it.
 *
 * Shapes of a `bpmn:Message` and of a process without a shapeless participant stay in the file
 * (the modeler keeps DI it cannot draw) and are reported as kept but not shown.
 */
import { describe, is, many, type Moddle, type ModdleElement } from '../moddle-element';
import { uniqueId } from '../xml/names';
import type { ReportItem } from '../report';

export function retargetShapes(definitions: ModdleElement, moddle: Moddle, taken: Set<string>): ReportItem[] {
  const items: ReportItem[] = [];
  const withDi = new Set<unknown>();
  for (const diagram of many(definitions, 'diagrams')) {
    const plane = diagram.get('plane') as ModdleElement | undefined;
    for (const di of plane ? many(plane, 'planeElement') : []) withDi.add(di.get('bpmnElement'));
  }
  for (const diagram of many(definitions, 'diagrams')) {
    const plane = diagram.get('plane') as ModdleElement | undefined;
    if (!plane) continue;
    for (const shape of many(plane, 'planeElement')) {
      if (!is(shape, 'bpmndi:BPMNShape')) continue;
      const element = shape.get('bpmnElement') as ModdleElement | undefined;
      if (is(element, 'bpmn:Process')) {
        const participant = participantsOf(definitions, element!).find((p) => !withDi.has(p));
        if (participant) {
          shape.set('bpmnElement', participant);
          withDi.add(participant);
          items.push({ severity: 'changed', elementId: shape.id, kind: 'bpmndi:BPMNShape', diagramOnly: true, message: `the shape of process ${element!.id} is drawn as its pool ${describe(participant)}` });
        } else {
          items.push({ severity: 'kept', elementId: shape.id, kind: 'bpmndi:BPMNShape', message: `the shape of process ${element!.id} is kept in the file; the canvas cannot draw a process as a shape` });
        }
      } else if (is(element, 'bpmn:DataObject')) {
        const reference = referenceFor(element!, withDi, moddle, taken);
        shape.set('bpmnElement', reference.element);
        withDi.add(reference.element);
        const moved = followAssociations(definitions, element!, reference.element);
        items.push({
          severity: 'changed',
          elementId: reference.element.id,
          kind: 'bpmn:dataObjectReference',
          message: `data object ${element!.id} is drawn through ${reference.created ? 'a new' : 'its'} data object reference ${reference.element.id}${moved ? ` (${moved} association${moved === 1 ? ' follows' : 's follow'} it)` : ''}`,
        });
      } else if (is(element, 'bpmn:Message')) {
        items.push({ severity: 'kept', elementId: shape.id, kind: 'bpmndi:BPMNShape', message: `the shape of message ${element!.id} is kept in the file; the canvas shows messages only on message flows` });
      }
    }
  }
  return items;
}

function participantsOf(definitions: ModdleElement, process: ModdleElement): ModdleElement[] {
  return many(definitions, 'rootElements')
    .filter((e) => is(e, 'bpmn:Collaboration'))
    .flatMap((c) => many(c, 'participants'))
    .filter((p) => p.get('processRef') === process);
}

function referenceFor(dataObject: ModdleElement, withDi: Set<unknown>, moddle: Moddle, taken: Set<string>) {
  const container = dataObject.$parent!;
  const existing = many(container, 'flowElements').find((e) => is(e, 'bpmn:DataObjectReference') && e.get('dataObjectRef') === dataObject && !withDi.has(e));
  if (existing) return { element: existing, created: false };
  const element = moddle.create('bpmn:DataObjectReference', {
    id: uniqueId(`${dataObject.id ?? 'DataObject'}_ref`, taken),
    dataObjectRef: dataObject,
    ...(dataObject.get('name') ? { name: dataObject.get('name') } : {}),
  });
  element.$parent = container;
  many(container, 'flowElements').push(element);
  return { element, created: true };
}

/** Data associations and associations that point at the data object now point at the reference. */
function followAssociations(definitions: ModdleElement, dataObject: ModdleElement, reference: ModdleElement): number {
  let moved = 0;
  const visit = (node: ModdleElement) => {
    for (const name of ['sourceRef', 'targetRef']) {
      const value = node[name];
      if (value === dataObject) {
        node.set(name, reference);
        moved++;
      } else if (Array.isArray(value) && value.includes(dataObject)) {
        node.set(name, value.map((v) => (v === dataObject ? reference : v)));
        moved++;
      }
    }
  };
  const stack = [...many(definitions, 'rootElements')];
  while (stack.length) {
    const node = stack.pop()!;
    if (is(node, 'bpmn:Association') || is(node, 'bpmn:DataAssociation')) visit(node);
    for (const key of ['flowElements', 'artifacts', 'dataInputAssociations', 'dataOutputAssociations']) {
      const children = node[key];
      if (Array.isArray(children)) stack.push(...(children as ModdleElement[]));
    }
  }
  return moved;
}
