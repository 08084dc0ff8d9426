import type { FeelFunction } from '../values';
import { CAMUNDA } from './camunda';
import { CONTEXTS } from './contexts';
import { CONVERSION } from './conversion';
import { DATES } from './dates';
import { LISTS } from './lists';
import { NUMERIC } from './numeric';
import { RANGE_FROM_STRING } from './range-string';
import { RANGES } from './ranges';
import { STRINGS } from './strings';

/** Every DMN 1.5 built-in function, by FEEL name. */
export const BUILTINS: ReadonlyMap<string, FeelFunction> = new Map(
  [...CONVERSION, ...NUMERIC, ...STRINGS, ...LISTS, ...CONTEXTS, ...DATES, ...RANGES, RANGE_FROM_STRING, ...CAMUNDA].map((f) => [f.name, f]),
);
