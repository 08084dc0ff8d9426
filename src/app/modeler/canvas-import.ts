/**
 * What the modeler adds to bpmn-js' import, on the live canvas (the same steps `src/bpmn-io`
 * emulates in Node): draw processes that no participant references, keep on save the DI bpmn-js
 * could not draw, and fit the diagram into the free part of the canvas.
 */
import type Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import { drawUnhandledProcesses, type Handler } from '../../bpmn-io/open/modeler-emulation';
import { restoreUndrawnDi, undrawnDi, type UndrawnDi } from '../../bpmn-io/di/keep-undrawn';
import type { ModdleElement } from '../../bpmn-io/moddle-element';
import { overlayInsets, viewboxToFit, type Box } from './fit-viewport';

interface CanvasElement {
  di?: ModdleElement;
}
interface Canvas {
  getRootElement(): CanvasElement;
  getRootElements(): CanvasElement[];
  viewbox(box?: Box): Box & { inner: Box; outer: { width: number; height: number } };
}

/**
 * After `modeler.importXML`: draws the free-floating processes of the displayed diagram and
 * returns the DI that stays undrawn, for `keepUndrawnOnSave`.
 */
export function completeImport(modeler: Modeler, warnings: string[]): UndrawnDi[] {
  const definitions = modeler.getDefinitions() as unknown as ModdleElement | undefined;
  const diagram = (definitions?.get('diagrams') as ModdleElement[] | undefined)?.[0];
  const canvas = modeler.get<Canvas>('canvas');
  if (!definitions || !diagram) return [];
  const importer = modeler.get<{ add: Handler }>('bpmnImporter');
  drawUnhandledProcesses(definitions, diagram, { add: (semantic, di, parent) => importer.add(semantic, di, parent), root: canvas.getRootElement() }, warnings);
  const registry = modeler.get<{ getAll(): CanvasElement[] }>('elementRegistry');
  const drawn = new Set(registry.getAll().map((e) => e.di));
  const planes = canvas.getRootElements().map((root) => root.di).filter((di): di is ModdleElement => !!di);
  return undrawnDi(planes, drawn);
}

/** Puts the DI bpmn-js could not draw back after its reordering on save. Returns the unsubscribe. */
export function keepUndrawnOnSave(modeler: Modeler, undrawn: () => readonly UndrawnDi[]): () => void {
  const eventBus = modeler.get<{ on(e: string, p: number, cb: () => void): void; off(e: string, cb: () => void): void }>('eventBus');
  // BpmnDiOrdering resets the planes at priority 2000; a lower priority runs after it.
  const restore = () => void restoreUndrawnDi(modeler.getDefinitions() as unknown as ModdleElement, undrawn());
  eventBus.on('saveXML.start', 1000, restore);
  return () => eventBus.off('saveXML.start', restore);
}

/** Fits the diagram into the canvas right of the palette (and never zooms in beyond 100 %). */
export function fitToFreeViewport(modeler: Modeler, container: HTMLElement): void {
  const canvas = modeler.get<Canvas>('canvas');
  const { inner, outer } = canvas.viewbox();
  if (!inner || inner.width === 0 || outer.width === 0) return;
  canvas.viewbox(viewboxToFit(inner, outer, overlayInsets(container)));
}
