/** The id pattern moddle accepts (moddle-xml `addElement`: an optionally prefixed NCName, ASCII only). */
const LEGAL_ID = /^([a-z][\w-.]*:)?[a-z_][\w-.]*$/i;

export function isLegalId(id: string): boolean {
  return LEGAL_ID.test(id);
}

/** A legal id close to `id`: illegal characters become `_`, and a leading digit gets a `_` before it. */
export function sanitizeId(id: string): string {
  const cleaned = id.trim().replace(/[^\w.-]/g, '_');
  return /^[a-z_]/i.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** `base`, or `base_2`, `base_3`, … whichever is not taken yet; the result is marked taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}
