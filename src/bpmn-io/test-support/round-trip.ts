import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { countKinds, diffKinds } from '../audit/kinds';
import { prepareBpmn } from '../prepare';
import { emulateImport, orderDiLikeBpmnJs } from '../open/modeler-emulation';
import type { Moddle } from '../moddle-element';

export const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The file through `prepareBpmn`, with kind tallies of the input and of what the modeler saves. */
export async function studioRoundTrip(xml: string) {
  const prepared = await prepareBpmn(xml);
  if (!prepared.ok) throw new Error(`refused: ${prepared.message}`);
  const countsIn = countKinds(xml);
  const countsOut = countKinds(prepared.savedTree);
  const reported = new Set(prepared.report.items.flatMap((i) => i.kinds ?? []));
  return {
    ...prepared,
    countsIn,
    countsOut,
    differing: diffKinds(countsIn, countsOut),
    unreported: diffKinds(countsIn, countsOut).filter((d) => !reported.has(d.kind)),
    items: (severity: string) => prepared.report.items.filter((i) => i.severity === severity),
  };
}

/** What plain bpmn-moddle and the bpmn-js Modeler (emulated) did with the file before issue 14. */
export async function plainRoundTrip(xml: string) {
  const moddle = new BpmnModdle({ zeebe }) as unknown as Moddle;
  const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const imported = emulateImport(rootElement, moddle);
  if (imported.error) return { error: imported.error, warnings, saved: undefined, countsOut: undefined };
  orderDiLikeBpmnJs(imported);
  try {
    const saved = (await moddle.toXML(rootElement, { format: true })).xml;
    return { error: undefined, warnings, saved, countsOut: countKinds(saved), drawn: imported.drawnCount };
  } catch (e) {
    return { error: `save: ${(e as Error).message}`, warnings, saved: undefined, countsOut: undefined };
  }
}
