// The bpmn-io packages below ship JavaScript without declarations (or with declarations that the
// package `exports` map hides). These are the narrow shapes the editors rely on; widen them here
// when an editor needs more, rather than casting at the call site.

declare module 'bpmn-moddle' {
  /** A moddle element: typed properties plus `$type`, `$parent`, get/set of any property. */
  export interface ModdleElement {
    $type: string;
    $parent?: ModdleElement;
    id?: string;
    name?: string;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [key: string]: unknown;
  }
  export interface FromXMLResult {
    rootElement: ModdleElement;
    warnings: Array<{ message: string }>;
    elementsById: Record<string, ModdleElement>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXMLResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}
