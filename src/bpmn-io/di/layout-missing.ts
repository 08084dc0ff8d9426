/**
 * Shapes for what has none. A file may have no diagram at all (engines, IBM Process Designer), an
 * empty one, or a diagram that leaves out some elements; bpmn-js draws only what has a shape, so
 * such files open blank or with gaps. The flow nodes of the displayed processes that have no shape
 * in any diagram are laid out with bpmn-auto-layout (bpmn.io's layouter, on a copy of just that
 * process) and placed inside their pool, or below what is already drawn.
 */
import { layoutProcess } from 'bpmn-auto-layout';
import { describe, is, many, type Moddle, type ModdleElement } from '../moddle-element';
import { uniqueId } from '../xml/names';
import { attr, escapeXml, scanXml, type XmlElement } from '../xml/scan';
import type { ReportItem } from '../report';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 60;
const POOL_HEADER = 30;

/**
 * Lays out the flow nodes (and their sequence flows) of the displayed processes that have no
 * shape. Creates a diagram when the file has none. Returns one item per process laid out, with
 * the ids of the created diagram elements in `covers`.
 *
 * @example
 * const items = await layoutMissing(definitions, moddle, idsInUse(definitions));
 */
export async function layoutMissing(definitions: ModdleElement, moddle: Moddle, taken: Set<string>): Promise<Array<ReportItem & { covers: string[] }>> {
  const items: Array<ReportItem & { covers: string[] }> = [];
  const withDi = new Set<unknown>();
  for (const diagram of many(definitions, 'diagrams')) {
    const plane = diagram.get('plane') as ModdleElement | undefined;
    for (const di of plane ? many(plane, 'planeElement') : []) withDi.add(di.get('bpmnElement'));
  }
  let diagram = many(definitions, 'diagrams')[0];
  const processes = displayedProcesses(definitions, diagram);
  for (const process of processes) {
    const flowElements = (process.flowElements as ModdleElement[] | undefined) ?? [];
    const missing = flowElements.filter((e) => is(e, 'bpmn:FlowNode') && !withDi.has(e));
    const layout = missing.length > 0 ? await layoutAlone(process, missing) : undefined;
    const unconnected = flowElements.filter((e) => is(e, 'bpmn:SequenceFlow') && !withDi.has(e));
    if (!layout && (unconnected.length === 0 || !diagram)) continue;
    const covers: string[] = [];
    const created = !diagram;
    if (!diagram) {
      diagram = createDiagram(definitions, moddle, process, taken);
      covers.push(diagram.id!, (diagram.get('plane') as ModdleElement).id!);
    }
    const plane = diagram.get('plane') as ModdleElement;
    const shapes = new Map<ModdleElement, Box>();
    for (const di of many(plane, 'planeElement')) {
      const bounds = di.get('bounds') as Box | undefined;
      const element = di.get('bpmnElement') as ModdleElement | undefined;
      if (bounds && element) shapes.set(element, bounds);
    }
    let laidShapes = 0;
    let laidEdges = 0;
    let dx = 0;
    let dy = 0;
    if (layout) {
      const origin = placement(plane, process, layout.bounds, definitions);
      dx = origin.x - layout.bounds.x;
      dy = origin.y - layout.bounds.y;
      for (const element of missing) {
        const box = layout.shapes.get(element.id!);
        if (!box) continue;
        const bounds = { x: box.x + dx, y: box.y + dy, width: box.width, height: box.height };
        const shape = moddle.create('bpmndi:BPMNShape', { id: uniqueId(`${element.id}_di`, taken), bpmnElement: element, bounds: moddle.create('dc:Bounds', bounds) });
        shape.$parent = plane;
        many(plane, 'planeElement').push(shape);
        shapes.set(element, bounds);
        withDi.add(element);
        covers.push(shape.id!);
        laidShapes++;
      }
    }
    for (const flow of unconnected) {
      const sourceElement = flow.get('sourceRef') as ModdleElement;
      const targetElement = flow.get('targetRef') as ModdleElement;
      const source = shapes.get(sourceElement);
      const target = shapes.get(targetElement);
      if (!source || !target) continue;
      const laid = layout?.edges.get(flow.id!);
      const points = laid?.length && missing.includes(sourceElement) && missing.includes(targetElement) ? laid.map((p) => ({ x: p.x + dx, y: p.y + dy })) : connect(source, target);
      const edge = moddle.create('bpmndi:BPMNEdge', { id: uniqueId(`${flow.id}_di`, taken), bpmnElement: flow, waypoint: points.map((p) => moddle.create('dc:Point', p)) });
      edge.$parent = plane;
      many(plane, 'planeElement').push(edge);
      withDi.add(flow);
      covers.push(edge.id!);
      laidEdges++;
    }
    if (laidShapes + laidEdges === 0) continue;
    const pool = growPool(plane, process, definitions) ?? addPool(plane, process, moddle, taken);
    if (pool) covers.push(pool);
    const what = [laidShapes ? `${laidShapes} element${laidShapes === 1 ? '' : 's'}` : '', laidEdges ? `${laidEdges} flow${laidEdges === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
    items.push({
      severity: 'changed',
      elementId: process.id,
      kind: 'bpmn:process',
      diagramOnly: true,
      message: `${what} of ${describe(process)} had no shape in any diagram; Flowdeck laid ${laidShapes + laidEdges === 1 ? 'it' : 'them'} out${created ? ' in a new diagram' : ''}`,
      kinds: ['bpmndi:BPMNShape', 'bpmndi:BPMNEdge', 'dc:Bounds', 'di:waypoint', ...(created ? ['bpmndi:BPMNDiagram', 'bpmndi:BPMNPlane'] : [])],
      covers,
    });
  }
  if (!diagram) {
    // Nothing to lay out (an empty process), but bpmn-js opens nothing without a diagram.
    const root = many(definitions, 'rootElements').find((e) => is(e, 'bpmn:Collaboration')) ?? many(definitions, 'rootElements').find((e) => is(e, 'bpmn:Process'));
    if (root) {
      const created = createDiagram(definitions, moddle, root, taken);
      items.push({
        severity: 'changed',
        elementId: root.id,
        kind: root.$type.replace(/^bpmn:(.)/, (_m, c: string) => `bpmn:${c.toLowerCase()}`),
        message: `the file has no diagram and ${describe(root)} has nothing to draw; Flowdeck created an empty diagram`,
        diagramOnly: true,
        kinds: ['bpmndi:BPMNDiagram', 'bpmndi:BPMNPlane'],
        covers: [created.id!, (created.get('plane') as ModdleElement).id!],
      });
    }
  }
  return items;
}

/** The processes the first diagram shows (all processes when there is no diagram yet). */
function displayedProcesses(definitions: ModdleElement, diagram: ModdleElement | undefined): ModdleElement[] {
  const roots = many(definitions, 'rootElements');
  const shown = diagram ? ((diagram.get('plane') as ModdleElement | undefined)?.get('bpmnElement') as ModdleElement | undefined) : undefined;
  if (!diagram) {
    const collaboration = roots.find((e) => is(e, 'bpmn:Collaboration'));
    if (collaboration) return many(collaboration, 'participants').map((p) => p.get('processRef') as ModdleElement | undefined).filter((p): p is ModdleElement => !!p);
    return roots.filter((e) => is(e, 'bpmn:Process')).slice(0, 1);
  }
  if (is(shown, 'bpmn:Process')) return [shown!];
  if (is(shown, 'bpmn:Collaboration')) return many(shown!, 'participants').map((p) => p.get('processRef') as ModdleElement | undefined).filter((p): p is ModdleElement => !!p);
  return [];
}

function createDiagram(definitions: ModdleElement, moddle: Moddle, process: ModdleElement, taken: Set<string>): ModdleElement {
  const collaboration = is(process, 'bpmn:Collaboration')
    ? undefined
    : many(definitions, 'rootElements').find((e) => is(e, 'bpmn:Collaboration') && many(e, 'participants').some((p) => p.get('processRef') === process));
  const plane = moddle.create('bpmndi:BPMNPlane', { id: uniqueId('BPMNPlane_1', taken), bpmnElement: collaboration ?? process });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: uniqueId('BPMNDiagram_1', taken), plane });
  plane.$parent = diagram;
  diagram.$parent = definitions;
  many(definitions, 'diagrams').push(diagram);
  return diagram;
}

/** Where the laid-out block goes: inside the process's pool (below its content) or below the diagram. */
function placement(plane: ModdleElement, process: ModdleElement, block: Box, definitions: ModdleElement): { x: number; y: number } {
  const pool = poolShape(plane, process, definitions);
  const content = contentBox(plane, (element) => belongsTo(element, process));
  if (pool) {
    const bounds = pool.get('bounds') as Box;
    return { x: bounds.x + POOL_HEADER + GAP / 2, y: content ? content.y + content.height + GAP : bounds.y + GAP / 2 };
  }
  const all = contentBox(plane, () => true, true);
  if (!all) return { x: block.x + POOL_HEADER + GAP, y: block.y };
  return { x: all.x + (is(plane.get('bpmnElement'), 'bpmn:Collaboration') ? POOL_HEADER + GAP / 2 : 0), y: all.y + all.height + GAP };
}

/** Grows the process's pool around its content; undefined when it has no pool shape. */
function growPool(plane: ModdleElement, process: ModdleElement, definitions: ModdleElement): undefined {
  const pool = poolShape(plane, process, definitions);
  if (!pool) return undefined;
  const bounds = pool.get('bounds') as Box;
  const content = contentBox(plane, (element) => belongsTo(element, process));
  if (!content) return undefined;
  const right = Math.max(bounds.x + bounds.width, content.x + content.width + GAP / 2);
  const bottom = Math.max(bounds.y + bounds.height, content.y + content.height + GAP / 2);
  bounds.width = right - bounds.x;
  bounds.height = bottom - bounds.y;
  return undefined;
}

/**
 * On a collaboration's plane, a participant without a shape gets one around its laid-out process
 * (bpmn-js would otherwise draw the process's elements outside any pool). Returns its id.
 */
function addPool(plane: ModdleElement, process: ModdleElement, moddle: Moddle, taken: Set<string>): string | undefined {
  const collaboration = plane.get('bpmnElement') as ModdleElement | undefined;
  if (!is(collaboration, 'bpmn:Collaboration')) return undefined;
  const participant = many(collaboration!, 'participants').find((p) => p.get('processRef') === process);
  if (!participant || many(plane, 'planeElement').some((di) => di.get('bpmnElement') === participant)) return undefined;
  const content = contentBox(plane, (element) => belongsTo(element, process));
  if (!content) return undefined;
  const bounds = { x: content.x - POOL_HEADER - GAP / 2, y: content.y - GAP / 2, width: content.width + POOL_HEADER + GAP, height: content.height + GAP };
  const shape = moddle.create('bpmndi:BPMNShape', { id: uniqueId(`${participant.id}_di`, taken), bpmnElement: participant, isHorizontal: true, bounds: moddle.create('dc:Bounds', bounds) });
  shape.$parent = plane;
  many(plane, 'planeElement').unshift(shape);
  return shape.id;
}

function poolShape(plane: ModdleElement, process: ModdleElement, definitions: ModdleElement): ModdleElement | undefined {
  void definitions;
  return many(plane, 'planeElement').find((di) => is(di.get('bpmnElement'), 'bpmn:Participant') && (di.get('bpmnElement') as ModdleElement).get('processRef') === process);
}

function belongsTo(element: ModdleElement, process: ModdleElement): boolean {
  for (let at: ModdleElement | undefined = element; at; at = at.$parent) if (at === process) return true;
  return false;
}

function contentBox(plane: ModdleElement, filter: (element: ModdleElement) => boolean, withPools = false): Box | undefined {
  let box: { x1: number; y1: number; x2: number; y2: number } | undefined;
  for (const di of many(plane, 'planeElement')) {
    const element = di.get('bpmnElement') as ModdleElement | undefined;
    const bounds = di.get('bounds') as Box | undefined;
    if (!element || !bounds || (!withPools && (is(element, 'bpmn:Participant') || is(element, 'bpmn:Lane'))) || !filter(element)) continue;
    box = box
      ? { x1: Math.min(box.x1, bounds.x), y1: Math.min(box.y1, bounds.y), x2: Math.max(box.x2, bounds.x + bounds.width), y2: Math.max(box.y2, bounds.y + bounds.height) }
      : { x1: bounds.x, y1: bounds.y, x2: bounds.x + bounds.width, y2: bounds.y + bounds.height };
  }
  return box && { x: box.x1, y: box.y1, width: box.x2 - box.x1, height: box.y2 - box.y1 };
}

function connect(source: Box, target: Box): Array<{ x: number; y: number }> {
  const from = { x: source.x + source.width, y: source.y + source.height / 2 };
  const to = { x: target.x, y: target.y + target.height / 2 };
  if (Math.abs(from.y - to.y) < 1) return [from, to];
  const midX = (from.x + to.x) / 2;
  return [from, { x: midX, y: from.y }, { x: midX, y: to.y }, to];
}

/**
 * bpmn-auto-layout on a document holding only the missing flow nodes of `process` and the flows
 * between them (so the layouter's own moddle round trip cannot touch the real model).
 */
async function layoutAlone(process: ModdleElement, nodes: ModdleElement[]) {
  const ids = new Set(nodes.map((n) => n.id));
  const flows = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter(
    (e) => is(e, 'bpmn:SequenceFlow') && ids.has((e.get('sourceRef') as ModdleElement | undefined)?.id) && ids.has((e.get('targetRef') as ModdleElement | undefined)?.id),
  );
  const tag = (e: ModdleElement) => e.$type.replace(/^bpmn:(.)/, (_m, c: string) => c.toLowerCase());
  const body = [
    ...nodes.map((n) => {
      const attached = n.get('attachedToRef') as ModdleElement | undefined;
      const inc = flows.filter((f) => f.get('targetRef') === n).map((f) => `<bpmn:incoming>${escapeXml(f.id!)}</bpmn:incoming>`);
      const out = flows.filter((f) => f.get('sourceRef') === n).map((f) => `<bpmn:outgoing>${escapeXml(f.id!)}</bpmn:outgoing>`);
      const attachedAttr = attached && ids.has(attached.id) ? ` attachedToRef="${escapeXml(attached.id!)}"` : '';
      return `<bpmn:${tag(n)} id="${escapeXml(n.id!)}"${attachedAttr}>${inc.join('')}${out.join('')}</bpmn:${tag(n)}>`;
    }),
    ...flows.map((f) => `<bpmn:sequenceFlow id="${escapeXml(f.id!)}" sourceRef="${escapeXml((f.get('sourceRef') as ModdleElement).id!)}" targetRef="${escapeXml((f.get('targetRef') as ModdleElement).id!)}"/>`),
  ].join('');
  const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="layout"><bpmn:process id="${escapeXml(process.id ?? 'process')}">${body}</bpmn:process></bpmn:definitions>`;
  let laidOut: string;
  try {
    laidOut = await layoutProcess(xml);
  } catch {
    return undefined;
  }
  const shapes = new Map<string, Box>();
  const edges = new Map<string, Array<{ x: number; y: number }>>();
  const num = (element: XmlElement, name: string) => Number(attr(element, name)?.value ?? 0);
  for (const element of scanXml(laidOut).elements) {
    const target = attr(element, 'bpmnElement')?.value;
    if (!target) continue;
    if (element.local === 'BPMNShape') {
      const b = element.children.find((c) => c.local === 'Bounds');
      if (b) shapes.set(target, { x: num(b, 'x'), y: num(b, 'y'), width: num(b, 'width'), height: num(b, 'height') });
    } else if (element.local === 'BPMNEdge') {
      edges.set(target, element.children.filter((c) => c.local === 'waypoint').map((w) => ({ x: num(w, 'x'), y: num(w, 'y') })));
    }
  }
  if (shapes.size === 0) return undefined;
  const xs = [...shapes.values()];
  const x = Math.min(...xs.map((b) => b.x));
  const y = Math.min(...xs.map((b) => b.y));
  const bounds = { x, y, width: Math.max(...xs.map((b) => b.x + b.width)) - x, height: Math.max(...xs.map((b) => b.y + b.height)) - y };
  return { shapes, edges, bounds };
}
