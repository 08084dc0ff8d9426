import type { ModdleElement } from 'bpmn-moddle';

/** The zeebe extension element of `$type` (e.g. `zeebe:TaskDefinition`) on `el`, if any. */
export function ext(el: ModdleElement, $type: string): ModdleElement | undefined {
  const values = (el.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined;
  return values?.find((v) => v.$type === $type);
}

export function str(el: ModdleElement | undefined, key: string): string | undefined {
  const v = el?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function list(el: ModdleElement | undefined, key: string): ModdleElement[] {
  const v = el?.[key];
  return Array.isArray(v) ? (v as ModdleElement[]) : [];
}

/** `body` of a bpmn:FormalExpression child (`conditionExpression`, `loopCardinality`...). */
export function formal(el: ModdleElement | undefined, key: string): string | undefined {
  const v = el?.[key] as ModdleElement | undefined;
  return v ? str(v, 'body') : undefined;
}

/** zeebe:properties as a plain record. */
export function properties(el: ModdleElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of list(ext(el, 'zeebe:Properties'), 'properties')) {
    const name = str(p, 'name');
    if (name) out[name] = str(p, 'value') ?? '';
  }
  return out;
}
