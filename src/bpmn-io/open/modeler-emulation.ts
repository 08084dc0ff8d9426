/**
 * What the bpmn-js Modeler does with a document, without a canvas: the same tree walker
 * (bpmn-js' own `BpmnTreeWalker`), the checks its `BpmnImporter` and diagram-js' canvas make before
 * drawing an element, the subprocess-plane compatibility step, and on save the DI reordering
 * (`BpmnDiOrdering`), which keeps only the DI of elements that were drawn. Validation uses it to
 * refuse up front what would not open, and the Node round trip uses it as the modeler.
 */
import BpmnTreeWalker from 'bpmn-js/lib/import/BpmnTreeWalker';
import SubprocessCompatibility from 'bpmn-js/lib/features/drilldown/SubprocessCompatibility';
import { describe, is, many, type Moddle, type ModdleElement } from '../moddle-element';
import { diagramsToImport } from './diagrams-to-import';

/** An element the emulated canvas holds. */
interface CanvasElement {
  id: string;
  semantic: ModdleElement;
  di: ModdleElement;
  parent: CanvasElement | undefined;
  children: CanvasElement[];
  isRoot: boolean;
  isLabel: boolean;
  isConnection: boolean;
}

export interface EmulatedImport {
  /** Set when bpmn-js would fail to open the document (the message bpmn-js gives). */
  error?: string;
  /** bpmn-js' import warnings (elements it could not draw, and why). */
  warnings: string[];
  /** Canvas roots: one per imported diagram, with the DI elements drawn on it. */
  roots: Array<{ plane: ModdleElement; drawn: ModdleElement[] }>;
  /** DI elements (shapes, edges) of imported planes that were not drawn. */
  undrawn: ModdleElement[];
  /** The number of shapes and connections drawn (labels not counted). */
  drawnCount: number;
}

/** Options for the Flowdeck additions to the bpmn-js import (see `drawUnhandledProcesses`). */
export interface EmulationOptions {
  /** Also draw processes that no participant references and that have DI on the plane. */
  drawUnhandledProcesses?: boolean;
}

/**
 * Imports `definitions` the way the bpmn-js Modeler would. Mutates `definitions` as bpmn-js does
 * (subprocess compatibility may add diagrams).
 *
 * @example
 * const result = emulateImport(definitions, moddle);
 * if (result.error) refuse(result.error);
 */
export function emulateImport(definitions: ModdleElement, moddle: Moddle, options: EmulationOptions = {}): EmulatedImport {
  const warnings: string[] = [];
  const registry = new Map<string, CanvasElement>();
  const roots: CanvasElement[] = [];
  const result = (error?: string): EmulatedImport => {
    const drawnRoots = roots.map((root) => ({ plane: root.di, drawn: descendants(root).filter((e) => !e.isLabel).map((e) => e.di) }));
    const drawnSet = new Set(drawnRoots.flatMap((r) => r.drawn));
    const undrawn = drawnRoots.flatMap((r) => many(r.plane, 'planeElement').filter((di) => !drawnSet.has(di)));
    return { ...(error ? { error } : {}), warnings, roots: drawnRoots, undrawn, drawnCount: drawnSet.size };
  };

  // bpmn-js' walker also logs each element it cannot draw to console.error; the warnings say it.
  const log = (globalThis as { console?: { error: (...args: unknown[]) => void } }).console;
  const consoleError = log?.error;
  if (log) log.error = () => {};
  try {
    runSubprocessCompatibility(definitions, moddle);
    const handler = canvasHandler(registry, roots);
    const walker = new BpmnTreeWalker({ ...handler, error: (message: string) => warnings.push(message) });
    const diagrams = many(definitions, 'diagrams');
    const main = diagrams[0];
    const toImport = diagramsToImport(definitions, main);
    if (!toImport) throw new Error('no diagram to display');
    for (const diagram of toImport) walker.handleDefinitions(definitions, diagram);
    if (options.drawUnhandledProcesses) {
      const plane = main.get('plane') as ModdleElement;
      drawUnhandledProcesses(definitions, main, { add: handler.element, root: handler.rootFor(plane) }, warnings);
    }
  } catch (e) {
    return result((e as Error).message);
  } finally {
    if (log && consoleError) log.error = consoleError;
  }
  return result();
}

/**
 * bpmn-js draws a process that no participant references only when it has lanes (for the MIWG
 * "free-floating lanes" case); other tools draw such processes' elements on the collaboration
 * plane too (MIWG B.1.0, B.2.0). Drawing them the same way keeps them visible and saved.
 */
export function drawUnhandledProcesses(
  definitions: ModdleElement,
  diagram: ModdleElement,
  canvas: { add: Handler; root: unknown },
  warnings: string[],
): number {
  const plane = diagram.get('plane') as ModdleElement;
  const rootElement = plane.get('bpmnElement') as ModdleElement | undefined;
  if (!is(rootElement, 'bpmn:Collaboration')) return 0;
  const referenced = new Set(many(rootElement!, 'participants').map((p) => p.get('processRef')));
  const onPlane = new Set(many(plane, 'planeElement').map((di) => di.get('bpmnElement')));
  const processes = many(definitions, 'rootElements').filter(
    (e) => is(e, 'bpmn:Process') && !referenced.has(e) && !e.laneSets && ((e.flowElements as ModdleElement[] | undefined) ?? []).some((f) => onPlane.has(f)),
  );
  if (processes.length === 0) return 0;
  const walker = new BpmnTreeWalker({
    root: () => canvas.root,
    element: canvas.add,
    error: (message: string) => warnings.push(message),
  });
  // A fresh walker knows no DI; register the plane's (errors for DI without bpmnElement were
  // already reported by the main import).
  for (const di of many(plane, 'planeElement')) if (di.get('bpmnElement')) walker.registerDi(di);
  for (const process of processes) walker.handleSubProcess(process, canvas.root);
  walker.handleDeferred();
  return processes.length;
}

/**
 * The DI bpmn-js keeps on save (`BpmnDiOrdering` on `saveXML.start`): each imported plane gets
 * the DI of the elements drawn on it, in canvas order; everything else on those planes goes.
 */
export function orderDiLikeBpmnJs(imported: EmulatedImport): void {
  for (const root of imported.roots) root.plane.set('planeElement', [...root.drawn]);
}

// ---------------------------------------------------------------------------------------------
// helpers

export type Handler = (semantic: ModdleElement, di: ModdleElement | undefined, parent?: unknown) => unknown;

/**
 * bpmn-js' `SubprocessCompatibility` (on `import.render.start`): collapsed subprocesses whose
 * content is drawn on the parent's plane get a diagram of their own, and that content moves there.
 */
export function runSubprocessCompatibility(definitions: ModdleElement, moddle: Moddle): void {
  let listener: ((event: unknown, context: { definitions: ModdleElement }) => void) | undefined;
  const eventBus = { on: (_event: string, _priority: number, callback: typeof listener) => (listener = callback) };
  new SubprocessCompatibility(eventBus as never, moddle as never);
  listener?.({}, { definitions });
}

/** BpmnImporter.add with the checks of diagram-js' Canvas (unique ids, bounds, connected ends). */
function canvasHandler(registry: Map<string, CanvasElement>, roots: CanvasElement[]) {
  let current: CanvasElement | undefined;
  const add = (element: CanvasElement, parent: CanvasElement | undefined, index?: number) => {
    if (!element.id) throw new Error('element must have an id');
    if (registry.has(element.id)) throw new Error(`element <${element.id}> already exists`);
    const owner = parent ?? current;
    element.parent = owner;
    if (owner) {
      if (index === 0) owner.children.unshift(element);
      else owner.children.push(element);
    }
    registry.set(element.id, element);
    return element;
  };
  const rootFor = (plane: ModdleElement) => roots.find((r) => r.di === plane);
  const element: Handler = (semantic, di, parentShape) => {
    const parent = parentShape as CanvasElement | undefined;
    if (!di) throw new Error(`no di for ${describe(semantic)}`);
    if (is(di, 'bpmndi:BPMNPlane')) {
      const root: CanvasElement = { id: is(semantic, 'bpmn:SubProcess') ? `${semantic.id}_plane` : semantic.id!, semantic, di, parent: undefined, children: [], isRoot: true, isLabel: false, isConnection: false };
      if (registry.has(root.id)) throw new Error(`root <${root.id}> already added`);
      registry.set(root.id, root);
      roots.push(root);
      current = root;
      return root;
    }
    let created: CanvasElement;
    if (is(di, 'bpmndi:BPMNShape')) {
      const bounds = di.get('bounds') as ModdleElement | undefined;
      if (!bounds) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      created = { id: semantic.id!, semantic, di, parent: undefined, children: [], isRoot: false, isLabel: false, isConnection: false };
      if (is(semantic, 'bpmn:BoundaryEvent')) {
        const host = semantic.get('attachedToRef') as ModdleElement | undefined;
        if (!host) throw new Error(`missing ${describe(semantic)}#attachedToRef`);
        if (!registry.has(host.id ?? '')) throw new Error(`element ${describe(host)} referenced by ${describe(semantic)}#attachedToRef not yet drawn`);
      }
      add(created, parent, is(semantic, 'bpmn:Lane') ? 0 : undefined);
    } else if (is(di, 'bpmndi:BPMNEdge')) {
      connectedEnd(registry, semantic, 'source');
      connectedEnd(registry, semantic, 'target');
      created = { id: semantic.id!, semantic, di, parent: undefined, children: [], isRoot: false, isLabel: false, isConnection: true };
      add(created, is(semantic, 'bpmn:DataAssociation') ? rootOf(parent ?? current) : parent);
    } else {
      throw new Error(`unknown di ${describe(di)} for element ${describe(semantic)}`);
    }
    if (isLabelExternal(semantic) && labelText(semantic)) {
      add({ id: `${semantic.id}_label`, semantic, di, parent: undefined, children: [], isRoot: false, isLabel: true, isConnection: false }, created.parent);
    }
    return created;
  };
  return { root: element, element, rootFor };
}

function connectedEnd(registry: Map<string, CanvasElement>, semantic: ModdleElement, side: 'source' | 'target'): void {
  let ref = semantic.get(`${side}Ref`) as ModdleElement | ModdleElement[] | undefined;
  if (side === 'source' && is(semantic, 'bpmn:DataInputAssociation')) ref = (ref as ModdleElement[] | undefined)?.[0];
  if ((side === 'source' && is(semantic, 'bpmn:DataOutputAssociation')) || (side === 'target' && is(semantic, 'bpmn:DataInputAssociation'))) ref = semantic.$parent;
  const end = ref as ModdleElement | undefined;
  if (end && registry.has(end.id ?? '')) return;
  if (end) throw new Error(`element ${describe(end)} referenced by ${describe(semantic)}#${side}Ref not yet drawn`);
  throw new Error(`${describe(semantic)}#${side} Ref not specified`);
}

function rootOf(element: CanvasElement | undefined): CanvasElement | undefined {
  let at = element;
  while (at && !at.isRoot) at = at.parent;
  return at;
}

function descendants(root: CanvasElement): CanvasElement[] {
  const out: CanvasElement[] = [];
  const stack = [...root.children];
  while (stack.length) {
    const next = stack.shift()!;
    out.push(next);
    stack.unshift(...next.children);
  }
  return out;
}

// bpmn-js LabelUtil: which elements carry their label outside the shape.
function isLabelExternal(semantic: ModdleElement): boolean {
  return ['bpmn:Event', 'bpmn:Gateway', 'bpmn:DataStoreReference', 'bpmn:DataObjectReference', 'bpmn:DataInput', 'bpmn:DataOutput', 'bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Group'].some((t) =>
    is(semantic, t),
  );
}

function labelText(semantic: ModdleElement): string | undefined {
  if (is(semantic, 'bpmn:Group')) return (semantic.get('categoryValueRef') as ModdleElement | undefined)?.get('value') as string | undefined;
  return semantic.get('name') as string | undefined;
}
