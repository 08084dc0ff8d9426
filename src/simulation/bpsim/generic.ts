/**
 * BPSim elements as bpmn-moddle reads them without a BPSim descriptor: generic elements with
 * `$type` (`bpsim:Scenario`), attributes as properties, `$children` and `$body`. Reading them this
 * way keeps every element and attribute, known or not, so writing the model back keeps them too.
 */
export interface GenericElement {
  $type: string;
  $children?: GenericElement[];
  $body?: string;
  [attribute: string]: unknown;
}

/** `bpsim:ProcessingTime` → `ProcessingTime`. */
export function localName(e: GenericElement): string {
  const i = e.$type.indexOf(':');
  return i < 0 ? e.$type : e.$type.slice(i + 1);
}

export function children(e: GenericElement): GenericElement[] {
  return e.$children ?? [];
}

export function child(e: GenericElement, name: string): GenericElement | undefined {
  return children(e).find((c) => localName(c) === name);
}

export function attr(e: GenericElement, name: string): string | undefined {
  const v = e[name];
  return typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v);
}
