/**
 * Form files hold form-js schema JSON. Parsing is strict about the shape form-js needs (an object
 * with a `components` array) so the editor can show one clear error instead of a blank canvas.
 *
 * @example
 * ```ts
 * const result = parseFormSchema(fileText);
 * if (result.ok) await editor.importSchema(result.schema); else showError(result.error);
 * ```
 */
export interface FormSchema {
  type?: string;
  id?: string;
  components: unknown[];
  [key: string]: unknown;
}

export type ParseResult = { ok: true; schema: FormSchema } | { ok: false; error: string };

/** A new, empty form (what "New form" creates). */
export function emptyFormSchema(id = 'Form_1'): FormSchema {
  return { type: 'default', id, components: [], schemaVersion: 18 };
}

export function parseFormSchema(text: string): ParseResult {
  if (text.trim() === '') return { ok: true, schema: emptyFormSchema() };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The form file is not valid JSON: ${(error as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'The form file must hold a JSON object (a form-js schema).' };
  }
  const schema = value as Record<string, unknown>;
  if (schema.components !== undefined && !Array.isArray(schema.components)) {
    return { ok: false, error: 'The form schema\'s "components" must be an array.' };
  }
  return { ok: true, schema: { ...schema, components: (schema.components as unknown[] | undefined) ?? [] } };
}

/** Stable text for saving: two-space JSON with a trailing newline, like the other file kinds. */
export function serializeFormSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
