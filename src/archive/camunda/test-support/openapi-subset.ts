/**
 * A small validator for the OpenAPI 3.0 schema keywords the vendored Camunda spec uses (type,
 * required, properties, additionalProperties: false, items, allOf, $ref, nullable, pattern with
 * Unicode classes, minLength, maxLength, minimum, maximum, format int32). Returns one line per
 * violation, with the JSON path; an empty list means valid.
 */
export type Schema = Record<string, unknown>;

export function validate(spec: { components: { schemas: Record<string, Schema> } }, schema: Schema, value: unknown, path = '$'): string[] {
  if (typeof schema.$ref === 'string') return validate(spec, resolveRef(spec, schema.$ref), value, path);
  if (value === null) return schema.nullable === true ? [] : [`${path}: null is not allowed`];
  const errors: string[] = [];
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...validate(spec, part, value, path));
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [...errors, `${path}: expected an object`];
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in value)) errors.push(`${path}.${name}: required`);
      for (const [name, v] of Object.entries(value)) {
        if (props[name]) errors.push(...validate(spec, props[name], v, `${path}.${name}`));
        else if (schema.additionalProperties === false) errors.push(`${path}.${name}: not allowed (additionalProperties: false)`);
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${path}: expected an array`];
      value.forEach((item, i) => errors.push(...validate(spec, schema.items as Schema, item, `${path}[${i}]`)));
      break;
    case 'string':
      if (schema.format === 'binary') {
        if (!(value instanceof Blob)) errors.push(`${path}: expected a file part`);
        break;
      }
      if (typeof value !== 'string') return [...errors, `${path}: expected a string`];
      if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) return [...errors, `${path}: expected an integer`];
      if (schema.format === 'int32' && ((value as number) > 2 ** 31 - 1 || (value as number) < -(2 ** 31))) errors.push(`${path}: outside int32`);
      if (typeof schema.minimum === 'number' && (value as number) < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && (value as number) > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
      break;
  }
  return errors;
}

export function resolveRef(spec: object, ref: string): Schema {
  let node: unknown = spec;
  for (const key of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[key];
  if (!node) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}
