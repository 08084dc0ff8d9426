/**
 * What the import tells the user about a file, element by element. `lost` items are what could
 * not be kept (the user chooses to import anyway or cancel); `changed` items are repairs made to
 * keep content (renamed ids, moved documentation, laid-out shapes); `kept` items are content that
 * is kept in the file but cannot be shown on the canvas.
 */
export type ReportSeverity = 'lost' | 'changed' | 'kept';

export interface ReportItem {
  severity: ReportSeverity;
  /** The element's id (after repair) or, for elements without id, the nearest ancestor's. */
  elementId?: string;
  /** The element kind as written, e.g. `bpmn:timerEventDefinition`, `bpmndi:BPMNShape`. */
  kind: string;
  /** What happened, in words a modeler understands. */
  message: string;
  /** 1-based line in the file as opened. */
  line?: number;
  /**
   * The element and attribute kinds (`bpmn:task`, `bpmn:task@name`) whose counts this item
   * changes between the file and what the studio saves; the round-trip check uses them.
   */
  kinds?: string[];
  /** A change to the diagram only (layout, which plane shows what): no review needed for it. */
  diagramOnly?: boolean;
}

/**
 * Whether the user should see the report before the file is written: something cannot be kept,
 * or the model itself (not only its diagram) was changed to keep it.
 */
export function needsReview(report: ImportReport): boolean {
  return report.items.some((item) => item.severity === 'lost' || (item.severity === 'changed' && !item.diagramOnly));
}

export interface ImportReport {
  items: ReportItem[];
}

/** The items of one severity. */
export function itemsOf(report: ImportReport, severity: ReportSeverity): ReportItem[] {
  return report.items.filter((item) => item.severity === severity);
}

/** "line 12, bpmn:task Task_1: message" for logs and warnings. */
export function formatItem(item: ReportItem): string {
  const where = [item.line !== undefined ? `line ${item.line}` : undefined, `${item.kind}${item.elementId ? ` ${item.elementId}` : ''}`].filter(Boolean).join(', ');
  return `${where}: ${item.message}`;
}
