/**
 * The evaluation form's fields, from a DMN model: one field per input data element, typed by its
 * typeRef through the model's item definitions (allowed values become choices, collections lists,
 * components nested fields). Pure: `formToJson` turns the form's text values into the JSON
 * variables `evaluateDecision` takes.
 */
import { decisionInputs, type CompiledDmn, type DmnModel, type ItemDefinition } from '../../dmn';

export type Primitive = 'number' | 'string' | 'boolean' | 'date' | 'time' | 'date and time' | 'duration' | 'any';

export interface FieldSpec {
  readonly name: string;
  /** The type as written (`tLoan`, `number`), for the label. */
  readonly typeLabel: string;
  readonly type: Primitive | 'context';
  readonly list: boolean;
  /** Allowed values as FEEL literals (`"gold"`, `10`), when the type restricts them to a list. */
  readonly options?: readonly string[];
  readonly components?: readonly FieldSpec[];
}

/** A form value: text for simple fields, arrays for lists, objects for contexts. */
export type FormValue = string | boolean | FormValue[] | { [name: string]: FormValue };

const PRIMITIVES: Record<string, Primitive> = {
  number: 'number', string: 'string', boolean: 'boolean', date: 'date', time: 'time', 'date and time': 'date and time', dateTime: 'date and time',
  'days and time duration': 'duration', 'years and months duration': 'duration', duration: 'duration', dayTimeDuration: 'duration', yearMonthDuration: 'duration', Any: 'any',
};

/** What a decision (by id) or decision service needs, as fields; unknown ids give no fields. */
export function fieldsFor(compiled: CompiledDmn, target: { kind: 'decision' | 'decisionService'; id: string }): FieldSpec[] {
  const model = compiled.main;
  if (target.kind === 'decision') {
    return decisionInputs(compiled, target.id).filter((i) => i.importPath.length === 0).map((i) => {
      const input = model.inputData.find((d) => d.id === i.id);
      return field(model, i.name, input?.variable?.typeRef, new Set());
    });
  }
  const service = model.decisionServices.find((s) => s.id === target.id);
  if (!service) return [];
  const inputs = service.inputData.map((h) => model.inputData.find((d) => d.id === h.id)).filter((d) => d !== undefined);
  const decisions = service.inputDecisions.map((h) => model.decisions.find((d) => d.id === h.id)).filter((d) => d !== undefined);
  return [
    ...inputs.map((d) => field(model, d.variable?.name || d.name, d.variable?.typeRef, new Set())),
    ...decisions.map((d) => field(model, d.variable?.name || d.name, d.variable?.typeRef, new Set())),
  ];
}

function field(model: DmnModel, name: string, typeRef: string | undefined, seen: Set<string>): FieldSpec {
  const ref = typeRef?.replace(/^feel:/, '');
  if (!ref) return { name, typeLabel: 'Any', type: 'any', list: false };
  const primitive = PRIMITIVES[ref];
  if (primitive) return { name, typeLabel: ref, type: primitive, list: false };
  const def = model.itemDefinitions.find((d) => d.name === ref);
  // Recursive types (a tree of items) stop at the second visit: JSON takes over there.
  if (!def || seen.has(ref)) return { name, typeLabel: ref, type: 'any', list: false };
  return fromDefinition(model, name, def, new Set([...seen, ref]));
}

function fromDefinition(model: DmnModel, name: string, def: ItemDefinition, seen: Set<string>): FieldSpec {
  const options = def.allowedValues ? literalList(def.allowedValues) : undefined;
  if (def.components.length > 0) {
    return { name, typeLabel: def.name, type: 'context', list: def.isCollection, components: def.components.map((c) => (c.components.length > 0 ? fromDefinition(model, c.name, c, seen) : { ...field(model, c.name, c.typeRef, seen), ...withOptions(c), list: c.isCollection })) };
  }
  const base = field(model, name, def.typeRef, seen);
  return { ...base, typeLabel: def.name, list: def.isCollection || base.list, ...(options ? { options } : base.options ? { options: base.options } : {}) };
}

function withOptions(def: ItemDefinition): { options?: readonly string[] } {
  const options = def.allowedValues ? literalList(def.allowedValues) : undefined;
  return options ? { options } : {};
}

/** `"a","b", 3` → ['"a"', '"b"', '3']; undefined when the tests are not plain literals (ranges…). */
export function literalList(tests: string): string[] | undefined {
  const parts = tests.match(/\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false)\s*(?:,|$)/g);
  if (!parts || parts.join('').trim() !== tests.trim()) return undefined;
  return parts.map((p) => p.replace(/,\s*$/, '').trim());
}

/** The empty form value of a field. */
export function emptyValue(f: FieldSpec): FormValue {
  if (f.list) return [];
  if (f.type === 'context') return Object.fromEntries((f.components ?? []).map((c) => [c.name, emptyValue(c)]));
  return '';
}

/**
 * Form values → JSON variables. Empty fields are null; numbers must be numbers; "any" fields take
 * JSON (or else the text as a string). Throws an Error naming the field on a bad number or JSON.
 */
export function formToJson(fields: readonly FieldSpec[], values: Record<string, FormValue>): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, valueOf(f, values[f.name], f.name)]));
}

function valueOf(f: FieldSpec, v: FormValue | undefined, at: string): unknown {
  if (f.list) {
    const items = Array.isArray(v) ? v : [];
    return items.map((item, i) => valueOf({ ...f, list: false }, item, `${at}[${i + 1}]`));
  }
  if (f.type === 'context') {
    const obj = v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    return Object.fromEntries((f.components ?? []).map((c) => [c.name, valueOf(c, obj[c.name], `${at}.${c.name}`)]));
  }
  if (v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  if (f.options?.includes(v)) return JSON.parse(v) as unknown;
  switch (f.type) {
    case 'number': {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`${at}: '${v}' is not a number`);
      return n;
    }
    case 'boolean':
      return v === 'true';
    case 'any':
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    default:
      return v;
  }
}
