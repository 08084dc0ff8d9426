import { describe, expect, it } from 'vitest';
import { checkFormValues, formFields } from './form-values';

const schema = {
  components: [
    { key: 'name', type: 'textfield', validate: { required: true, minLength: 2, maxLength: 5 } },
    { type: 'group', components: [{ key: 'agree', type: 'checkbox' }, { key: 'tags', type: 'checklist', values: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] }] },
    { type: 'text', text: 'not a field' },
  ],
};

describe('form values against a form-js schema', () => {
  it('given a form with a group, then its fields are found inside the group and text components are no fields', () => {
    expect([...formFields(schema).keys()]).toEqual(['name', 'agree', 'tags']);
  });

  it('given values, then each field is checked by its type and rules, and empty optional fields pass', () => {
    expect(checkFormValues(schema, { name: 'Ana' })).toEqual([]);
    expect(checkFormValues(schema, { name: 'A', agree: 'yes', tags: ['a', 'c'] })).toEqual([
      { key: 'name', message: 'must have at least 2 characters' },
      { key: 'agree', message: 'must be true or false' },
      { key: 'tags', message: '"c" is not one of "a", "b"' },
    ]);
    expect(checkFormValues(schema, { name: 'Anastasia', tags: 'a' })).toEqual([
      { key: 'name', message: 'must have at most 5 characters' },
      { key: 'tags', message: 'must be a list' },
    ]);
    expect(checkFormValues(schema, { name: 7 })).toEqual([{ key: 'name', message: 'must be text' }]);
  });
});
