/*
 * Form values checked against a form-js schema without form-js (it needs the DOM; the API runs in a
 * worker and in Node): the rules a form-js form enforces on submit for its fields — `required`,
 * `minLength` / `maxLength` / `pattern` for text, `min` / `max` for numbers, the field's type, and
 * static options for selects, radios, checklists and tag lists. Values for keys that are no field
 * of the form are refused, so a misspelt key is not silently started with.
 */

export interface FormIssue {
  key: string;
  message: string;
}

interface Component {
  key?: unknown;
  type?: unknown;
  label?: unknown;
  components?: unknown;
  values?: unknown;
  validate?: { required?: unknown; minLength?: unknown; maxLength?: unknown; pattern?: unknown; min?: unknown; max?: unknown };
}

const TEXT = new Set(['textfield', 'textarea', 'datetime', 'password']);
const CHOICE = new Set(['select', 'radio']);
const MULTI = new Set(['checklist', 'taglist']);

/** Every input field of the form (groups and dynamic lists looked into), by key. */
export function formFields(schema: unknown): Map<string, Component> {
  const out = new Map<string, Component>();
  const walk = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const c of components as Component[]) {
      if (c && typeof c === 'object') {
        if (typeof c.key === 'string' && c.key !== '') out.set(c.key, c);
        walk(c.components);
      }
    }
  };
  walk((schema as { components?: unknown } | null)?.components);
  return out;
}

/**
 * The problems of `values` for the form `schema`, one per field (empty: the form accepts them).
 * @example
 * checkFormValues({ components: [{ key: 'amount', type: 'number', validate: { required: true, min: 1 } }] }, { amount: 0 })
 * // [{ key: 'amount', message: 'must be at least 1' }]
 */
export function checkFormValues(schema: unknown, values: Record<string, unknown>): FormIssue[] {
  const fields = formFields(schema);
  const issues: FormIssue[] = [];
  for (const key of Object.keys(values)) if (!fields.has(key)) issues.push({ key, message: 'is not a field of the form' });
  for (const [key, field] of fields) {
    const problem = checkField(field, values[key]);
    if (problem) issues.push({ key, message: problem });
  }
  return issues;
}

function checkField(field: Component, value: unknown): string | null {
  const v = field.validate ?? {};
  const type = typeof field.type === 'string' ? field.type : 'textfield';
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return v.required === true ? 'is required' : null;
  if (TEXT.has(type)) {
    if (typeof value !== 'string') return 'must be text';
    if (typeof v.minLength === 'number' && value.length < v.minLength) return `must have at least ${v.minLength} characters`;
    if (typeof v.maxLength === 'number' && value.length > v.maxLength) return `must have at most ${v.maxLength} characters`;
    if (typeof v.pattern === 'string' && !patternOf(v.pattern).test(value)) return `must match ${v.pattern}`;
    return null;
  }
  if (type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
    if (typeof v.min === 'number' && value < v.min) return `must be at least ${v.min}`;
    if (typeof v.max === 'number' && value > v.max) return `must be at most ${v.max}`;
    return null;
  }
  if (type === 'checkbox') return typeof value === 'boolean' ? null : 'must be true or false';
  const options = staticOptions(field);
  if (CHOICE.has(type)) return options && !options.some((o) => o === value) ? `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}` : null;
  if (MULTI.has(type)) {
    if (!Array.isArray(value)) return 'must be a list';
    const bad = options ? value.find((x) => !options.includes(x)) : undefined;
    return bad !== undefined ? `${JSON.stringify(bad)} is not one of ${options?.map((o) => JSON.stringify(o)).join(', ')}` : null;
  }
  return null;
}

/** The option values a field lists itself (`values: [{label, value}]`); null when they come from a variable. */
function staticOptions(field: Component): unknown[] | null {
  return Array.isArray(field.values) ? (field.values as Array<{ value?: unknown }>).map((o) => o?.value) : null;
}

/** form-js matches the whole value against the pattern. */
function patternOf(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return /^[\s\S]*$/;
  }
}
