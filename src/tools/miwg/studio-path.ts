/**
 * One MIWG file through the studio's import path, as Node can run it: bytes → decode →
 * `prepareBpmn` (repairs, moddle, diagram repairs, bpmn-js emulated open and save). `legacyPath`
 * is the path before issue 14 (UTF-8 only, validation by moddle warnings, bpmn-js without the
 * Flowdeck additions), kept so that `npm run miwg -- --before` measures the baseline in the same run.
 */
import { decodeXml } from '../../bpmn-io/decode';
import { prepareBpmn, type createModdle } from '../../bpmn-io/prepare';
import { countKinds, type KindCounts } from '../../bpmn-io/audit/kinds';
import { emulateImport, orderDiLikeBpmnJs } from '../../bpmn-io/open/modeler-emulation';
import type { ReportItem } from '../../bpmn-io/report';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { layoutProcess } from 'bpmn-auto-layout';

export type FileStatus = 'refused' | 'failed-open' | 'failed-save' | 'saved';

export interface FileResult {
  name: string;
  status: FileStatus;
  /** Why it was refused or failed. */
  reason?: string;
  countsIn: KindCounts;
  /** Empty unless saved. */
  countsOut: KindCounts;
  /** Shapes and edges bpmn-js draws. */
  drawn: number;
  items: ReportItem[];
}

export async function studioPath(name: string, bytes: Uint8Array): Promise<FileResult> {
  let text: string;
  try {
    text = decodeXml(bytes).text;
  } catch (e) {
    return { name, status: 'refused', reason: (e as Error).message, countsIn: new Map(), countsOut: new Map(), drawn: 0, items: [] };
  }
  const countsIn = countKinds(text);
  const prepared = await prepareBpmn(text);
  if (!prepared.ok) {
    return { name, status: 'refused', reason: `${prepared.stage}: ${prepared.message.split('\n')[0]}`, countsIn, countsOut: new Map(), drawn: 0, items: [] };
  }
  return { name, status: 'saved', countsIn, countsOut: countKinds(prepared.saved), drawn: prepared.drawn, items: prepared.report.items };
}

const LEGACY_FATAL = /unexpected element|unclosed|mismatch|missing start tag|unexpected end|non-whitespace|invalid/i;

export async function legacyPath(name: string, bytes: Uint8Array): Promise<FileResult> {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const countsIn = countKinds(text);
  const empty = { countsOut: new Map(), drawn: 0, items: [] };
  try {
    const { warnings } = await new BpmnModdle({ zeebe }).fromXML(text, 'bpmn:Definitions');
    const fatal = warnings.find((w) => LEGACY_FATAL.test(w.message));
    if (fatal) return { name, status: 'refused', reason: fatal.message.split('\n')[0], countsIn, ...empty };
  } catch (e) {
    return { name, status: 'refused', reason: (e as Error).message.split('\n')[0], countsIn, ...empty };
  }
  let xml = text;
  if (!/<(?:[\w.-]+:)?BPMNDiagram[\s>/]/.test(text)) {
    try {
      xml = await layoutProcess(text);
    } catch {
      xml = text;
    }
  }
  const moddle = new BpmnModdle({ zeebe }) as unknown as ReturnType<typeof createModdle>;
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const imported = emulateImport(rootElement, moddle);
  if (imported.error) return { name, status: 'failed-open', reason: imported.error, countsIn, ...empty };
  orderDiLikeBpmnJs(imported);
  try {
    const saved = (await moddle.toXML(rootElement, { format: true })).xml;
    return { name, status: 'saved', countsIn, countsOut: countKinds(saved), drawn: imported.drawnCount, items: [] };
  } catch (e) {
    return { name, status: 'failed-save', reason: (e as Error).message, countsIn, ...empty, drawn: imported.drawnCount };
  }
}
