/** The part of a bpmn-moddle object the repairs and checks use (moddle ships loose typings). */
export interface ModdleElement {
  readonly $type: string;
  $parent?: ModdleElement;
  id?: string;
  $attrs?: Record<string, string>;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  [property: string]: unknown;
}

/** A bpmn-moddle instance as the repairs use it. */
export interface Moddle {
  fromXML(xml: string, typeName?: string): Promise<{ rootElement: ModdleElement; warnings: ModdleWarning[]; elementsById: Record<string, ModdleElement> }>;
  toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  create(type: string, properties?: Record<string, unknown>): ModdleElement;
}

/** A warning of moddle's XML reader. */
export interface ModdleWarning {
  message: string;
  element?: ModdleElement;
  property?: string;
  value?: string;
  error?: Error;
}

export const is = (element: unknown, type: string): boolean =>
  !!element && typeof (element as ModdleElement).$instanceOf === 'function' && (element as ModdleElement).$instanceOf(type);

/** A many-valued property, created empty when missing. */
export function many<T = ModdleElement>(element: ModdleElement, name: string): T[] {
  return element.get(name) as T[];
}

/** "bpmn:Task#Task_1" for messages. */
export function describe(element: ModdleElement | undefined): string {
  if (!element) return '(none)';
  return element.id ? `${element.$type} ${element.id}` : element.$type;
}
