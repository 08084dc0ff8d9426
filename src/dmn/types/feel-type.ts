import type { FeelType } from '../../feel';
import type { DmnType } from './dmn-type';

/**
 * Approximates a DMN type as a FEEL type, for FEEL type expressions that mention item definitions
 * (`list<tPerson>`). Allowed values and type constraints have no FEEL type form and are dropped.
 *
 * @example
 * toFeelType(registry.resolve(ns, 'tPerson')); // { kind: 'context', fields: [['name', { kind: 'name', name: 'string' }], …] }
 */
export function toFeelType(t: DmnType, depth = 0): FeelType {
  if (depth > 16) return { kind: 'name', name: 'Any' };
  switch (t.kind) {
    case 'any':
    case 'unknown':
      return { kind: 'name', name: 'Any' };
    case 'builtin':
      return t.element ? { kind: 'list', of: toFeelType(t.element, depth + 1) } : { kind: 'name', name: t.name };
    case 'item': {
      let single: FeelType;
      if (t.components) single = { kind: 'context', fields: t.components.map(([k, c]) => [k, toFeelType(c, depth + 1)]) };
      else if (t.functionType) single = { kind: 'name', name: 'function' };
      else single = t.base ? toFeelType(t.base, depth + 1) : { kind: 'name', name: 'Any' };
      return t.collection ? { kind: 'list', of: single } : single;
    }
  }
}
