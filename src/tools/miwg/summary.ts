/** Figures over many `FileResult`s: what the issue measures, before and after. */
import { diffKinds, type KindCounts } from '../../bpmn-io/audit/kinds';
import type { FileResult } from './studio-path';

export interface KindFigure {
  kind: string;
  in: number;
  out: number;
  /** Files where out < in. */
  filesLosing: number;
}

export interface MiwgSummary {
  files: number;
  refused: number;
  failedOpen: number;
  failedSave: number;
  saved: number;
  /** Saved files on which bpmn-js draws nothing although they hold flow nodes. */
  blank: number;
  shapes: { in: number; out: number; filesLosing: number };
  edges: { in: number; out: number; filesLosing: number };
  /** DI shapes + edges + labels, the "diagram shapes". */
  diagramElements: { in: number; out: number };
  eventDefinitions: KindFigure;
  documentation: KindFigure;
  /** Items of the import report, by severity (0 for the legacy path, which reports nothing). */
  reported: { lost: number; changed: number; kept: number };
  /** Element kinds whose totals differ (over saved files). */
  differingKinds: KindFigure[];
  /** Attribute kinds whose totals differ. */
  differingAttributes: KindFigure[];
}

const FLOW_NODE = /^bpmn:(task|\w+Task|\w*[sS]ubProcess|callActivity|\w+Event|\w*Gateway|transaction)$/;

/**
 * Sums results. Counts "in" over every file; "out" over saved files, so a file that fails to open
 * or save loses everything (as it does for the user).
 */
export function summarize(results: readonly FileResult[]): MiwgSummary {
  const total = (pick: (c: KindCounts) => number, which: 'in' | 'out') => results.reduce((n, r) => n + pick(which === 'in' ? r.countsIn : r.countsOut), 0);
  const figure = (match: (kind: string) => boolean, label: string): KindFigure => {
    const pick = (c: KindCounts) => [...c].filter(([k]) => match(k)).reduce((n, [, v]) => n + v, 0);
    return { kind: label, in: total(pick, 'in'), out: total(pick, 'out'), filesLosing: results.filter((r) => pick(r.countsOut) < pick(r.countsIn)).length };
  };
  const of = (kind: string) => (c: KindCounts) => c.get(kind) ?? 0;
  const kindTotals = new Map<string, KindFigure>();
  for (const r of results) {
    for (const kind of new Set([...r.countsIn.keys(), ...r.countsOut.keys()])) {
      const f = kindTotals.get(kind) ?? { kind, in: 0, out: 0, filesLosing: 0 };
      f.in += r.countsIn.get(kind) ?? 0;
      f.out += r.countsOut.get(kind) ?? 0;
      kindTotals.set(kind, f);
    }
    for (const d of diffKinds(r.countsIn, r.countsOut)) if (d.delta < 0) kindTotals.get(d.kind)!.filesLosing++;
  }
  const differing = [...kindTotals.values()].filter((f) => f.in !== f.out || f.filesLosing > 0).sort((a, b) => a.out - a.in - (b.out - b.in) || a.kind.localeCompare(b.kind));
  const items = results.flatMap((r) => r.items);
  return {
    files: results.length,
    refused: results.filter((r) => r.status === 'refused').length,
    failedOpen: results.filter((r) => r.status === 'failed-open').length,
    failedSave: results.filter((r) => r.status === 'failed-save').length,
    saved: results.filter((r) => r.status === 'saved').length,
    blank: results.filter((r) => r.status === 'saved' && r.drawn === 0 && [...r.countsIn.keys()].some((k) => FLOW_NODE.test(k))).length,
    shapes: { in: total(of('bpmndi:BPMNShape'), 'in'), out: total(of('bpmndi:BPMNShape'), 'out'), filesLosing: results.filter((r) => of('bpmndi:BPMNShape')(r.countsOut) < of('bpmndi:BPMNShape')(r.countsIn)).length },
    edges: { in: total(of('bpmndi:BPMNEdge'), 'in'), out: total(of('bpmndi:BPMNEdge'), 'out'), filesLosing: results.filter((r) => of('bpmndi:BPMNEdge')(r.countsOut) < of('bpmndi:BPMNEdge')(r.countsIn)).length },
    diagramElements: {
      in: total((c) => of('bpmndi:BPMNShape')(c) + of('bpmndi:BPMNEdge')(c) + of('bpmndi:BPMNLabel')(c), 'in'),
      out: total((c) => of('bpmndi:BPMNShape')(c) + of('bpmndi:BPMNEdge')(c) + of('bpmndi:BPMNLabel')(c), 'out'),
    },
    eventDefinitions: figure((k) => /^bpmn:\w+EventDefinition$/.test(k), 'event definitions'),
    documentation: figure((k) => k === 'bpmn:documentation', 'documentation'),
    reported: {
      lost: items.filter((i) => i.severity === 'lost').length,
      changed: items.filter((i) => i.severity === 'changed').length,
      kept: items.filter((i) => i.severity === 'kept').length,
    },
    differingKinds: differing.filter((f) => !f.kind.includes('@')),
    differingAttributes: differing.filter((f) => f.kind.includes('@')),
  };
}

/** Before/after side by side, one figure per line. */
export function formatComparison(before: MiwgSummary | undefined, after: MiwgSummary | undefined): string {
  const rows: Array<[string, (s: MiwgSummary) => string]> = [
    ['files', (s) => `${s.files}`],
    ['refused by validation', (s) => `${s.refused}`],
    ['accepted but fail to open', (s) => `${s.failedOpen}`],
    ['open but cannot be saved', (s) => `${s.failedSave}`],
    ['open and save', (s) => `${s.saved}`],
    ['open blank (nothing drawn)', (s) => `${s.blank}`],
    ['DI shapes in → out', (s) => `${s.shapes.in} → ${s.shapes.out} (fewer in ${s.shapes.filesLosing} files)`],
    ['DI edges in → out', (s) => `${s.edges.in} → ${s.edges.out} (fewer in ${s.edges.filesLosing} files)`],
    ['DI shapes+edges+labels in → out', (s) => `${s.diagramElements.in} → ${s.diagramElements.out} (${s.diagramElements.in - s.diagramElements.out} dropped)`],
    ['event definitions in → out', (s) => `${s.eventDefinitions.in} → ${s.eventDefinitions.out} (fewer in ${s.eventDefinitions.filesLosing} files)`],
    ['documentation in → out', (s) => `${s.documentation.in} → ${s.documentation.out} (fewer in ${s.documentation.filesLosing} files)`],
    ['element kinds differing', (s) => `${s.differingKinds.length}`],
    ['attribute kinds differing', (s) => `${s.differingAttributes.length}`],
    ['report items lost/changed/kept', (s) => `${s.reported.lost}/${s.reported.changed}/${s.reported.kept}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [`${''.padEnd(width)}  ${'before'.padEnd(44)}after`];
  for (const [label, get] of rows) lines.push(`${label.padEnd(width)}  ${(before ? get(before) : '-').padEnd(44)}${after ? get(after) : '-'}`);
  return lines.join('\n');
}
