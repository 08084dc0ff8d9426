import { describe, expect, it } from 'vitest';
import { feel } from './test-support/helpers';

describe('Camunda FEEL extensions (for models from the Camunda modeler)', () => {
  it('given possibly missing values, when tested or defaulted, then is defined / get or else answer', () => {
    expect(feel('is defined(x)', { x: 1 })).toBe('true');
    expect(feel('is defined(null)')).toBe('false');
    expect(feel('get or else(null, "default")')).toBe('"default"');
    expect(feel('get or else("a", "default")')).toBe('"a"');
  });

  it('given lists and strings, when the helpers run, then they split, extract and inspect', () => {
    expect(feel('is empty([])')).toBe('true');
    expect(feel('is blank("  ")')).toBe('true');
    expect(feel('trim("  a b ")')).toBe('"a b"');
    expect(feel('extract("a1b22c333", "[0-9]+")')).toBe('["1", "22", "333"]');
    expect(feel('partition([1, 2, 3, 4, 5], 2)')).toBe('[[1, 2], [3, 4], [5]]');
    expect(feel('duplicate values([1, 2, 1, 3, 2, 1])')).toBe('[1, 2]');
    expect(feel('partition([1], 0)')).toBe('null');
  });
});
