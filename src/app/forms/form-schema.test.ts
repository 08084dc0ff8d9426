import { describe, expect, it } from 'vitest';
import { emptyFormSchema, parseFormSchema, serializeFormSchema } from './form-schema';

describe('parseFormSchema', () => {
  it('given a form-js schema, when parsed, then returns it unchanged', () => {
    const text = JSON.stringify({ type: 'default', id: 'F', components: [{ type: 'textfield', key: 'name' }] });

    const result = parseFormSchema(text);

    expect(result).toEqual({ ok: true, schema: JSON.parse(text) });
  });

  it('given an empty file, when parsed, then yields an empty form', () => {
    expect(parseFormSchema('  ')).toEqual({ ok: true, schema: emptyFormSchema() });
  });

  it('given a schema without components, when parsed, then components defaults to an empty array', () => {
    const result = parseFormSchema('{"id":"F"}');

    expect(result.ok && result.schema.components).toEqual([]);
  });

  it('given broken JSON, when parsed, then reports a JSON error', () => {
    const result = parseFormSchema('{"components": [');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The form file is not valid JSON/);
  });

  it('given an array or non-array components, when parsed, then reports the shape problem', () => {
    expect(parseFormSchema('[]')).toEqual({ ok: false, error: 'The form file must hold a JSON object (a form-js schema).' });
    expect(parseFormSchema('{"components": 3}').ok).toBe(false);
  });
});

describe('serializeFormSchema', () => {
  it('given a schema, when serialized and parsed back, then round-trips with a trailing newline', () => {
    const schema = { id: 'F', components: [{ type: 'number', key: 'amount' }] };

    const text = serializeFormSchema(schema);

    expect(text.endsWith('}\n')).toBe(true);
    expect(parseFormSchema(text)).toEqual({ ok: true, schema });
  });
});
