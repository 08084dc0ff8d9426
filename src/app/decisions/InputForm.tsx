import type { FieldSpec, FormValue } from './input-fields';
import { emptyValue } from './input-fields';

const INPUT_TYPE: Partial<Record<FieldSpec['type'], string>> = { number: 'text', date: 'date', time: 'text', 'date and time': 'text' };
const PLACEHOLDER: Partial<Record<FieldSpec['type'], string>> = {
  number: '0', time: '10:30:00', 'date and time': '2026-12-02T10:30:00', duration: 'P1D or P1Y2M', any: 'JSON, or text',
};

/**
 * The evaluation form: a field per input, nested for contexts, with add/remove rows for lists and
 * a choice for allowed values.
 */
export function InputForm({ fields, values, onChange }: { fields: readonly FieldSpec[]; values: Record<string, FormValue>; onChange(values: Record<string, FormValue>): void }) {
  if (fields.length === 0) return <p className="fd-eval-empty">This decision reads no input data.</p>;
  return (
    <div className="fd-eval-form">
      {fields.map((f) => (
        <Field key={f.name} field={f} path={f.name} value={values[f.name] ?? emptyValue(f)} onChange={(v) => onChange({ ...values, [f.name]: v })} />
      ))}
    </div>
  );
}

function Field({ field, path, value, onChange }: { field: FieldSpec; path: string; value: FormValue; onChange(v: FormValue): void }) {
  const label = <span className="fd-eval-label">{field.name} <small>{field.typeLabel}{field.list ? ' (list)' : ''}</small></span>;
  if (field.list) {
    const items = Array.isArray(value) ? value : [];
    const item = { ...field, list: false };
    return (
      <fieldset className="fd-eval-list" data-testid={`eval-field-${path}`}>
        <legend>{label}</legend>
        {items.map((v, i) => (
          <div key={i} className="fd-eval-row">
            <Field field={item} path={`${path}[${i + 1}]`} value={v} onChange={(nv) => onChange(items.map((x, j) => (j === i ? nv : x)))} />
            <button type="button" aria-label={`Remove item ${i + 1} of ${field.name}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <button type="button" onClick={() => onChange([...items, emptyValue(item)])}>Add item</button>
      </fieldset>
    );
  }
  if (field.type === 'context') {
    const obj = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return (
      <fieldset className="fd-eval-context" data-testid={`eval-field-${path}`}>
        <legend>{label}</legend>
        {(field.components ?? []).map((c) => (
          <Field key={c.name} field={c} path={`${path}.${c.name}`} value={obj[c.name] ?? emptyValue(c)} onChange={(v) => onChange({ ...obj, [c.name]: v })} />
        ))}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  let control;
  if (field.options || field.type === 'boolean') {
    const options = field.options ?? ['true', 'false'];
    control = (
      <select value={text} onChange={(e) => onChange(e.target.value)} data-testid={`eval-input-${path}`}>
        <option value="">(null)</option>
        {options.map((o) => <option key={o} value={o}>{o.replace(/^"(.*)"$/, '$1')}</option>)}
      </select>
    );
  } else {
    control = <input type={INPUT_TYPE[field.type] ?? 'text'} value={text} placeholder={PLACEHOLDER[field.type] ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={`eval-input-${path}`} />;
  }
  return <label className="fd-eval-field">{label}{control}</label>;
}
