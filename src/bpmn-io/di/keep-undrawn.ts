/**
 * bpmn-js writes back only the DI of what it drew (`BpmnDiOrdering` resets each plane's elements
 * on `saveXML.start`), so a shape it cannot draw (a message's envelope, an edge without
 * `bpmnElement`, a process drawn as a box) vanishes on the first save. Recording those at import
 * and putting them back after the reordering keeps them, unless the user deleted what they show.
 */
import { many, type ModdleElement } from '../moddle-element';
import { containedElements } from './semantic-owner';

export interface UndrawnDi {
  plane: ModdleElement;
  di: ModdleElement;
}

/**
 * The DI elements of `planes` that are not among `drawn`.
 *
 * @example
 * const undrawn = undrawnDi(planes, new Set(registry.getAll().map((e) => e.di)));
 */
export function undrawnDi(planes: readonly ModdleElement[], drawn: ReadonlySet<unknown>): UndrawnDi[] {
  return planes.flatMap((plane) => many(plane, 'planeElement').filter((di) => !drawn.has(di)).map((di) => ({ plane, di })));
}

/**
 * Puts recorded DI back on its plane (after bpmn-js reordered the planes). DI whose element is no
 * longer in the document is left out. Returns how many were put back.
 */
export function restoreUndrawnDi(definitions: ModdleElement, undrawn: readonly UndrawnDi[]): number {
  if (undrawn.length === 0) return 0;
  const present = containedElements(definitions);
  let restored = 0;
  for (const { plane, di } of undrawn) {
    if (!present.has(plane)) continue;
    const element = di.get('bpmnElement') as ModdleElement | undefined;
    if (element && !present.has(element)) continue;
    const list = many(plane, 'planeElement');
    if (list.includes(di)) continue;
    list.push(di);
    di.$parent = plane;
    restored++;
  }
  return restored;
}
