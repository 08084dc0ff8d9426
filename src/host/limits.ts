import { HostError } from './transaction';

/** Deepest nesting of objects and arrays accepted in variables from outside (a start, a job result, a message...). */
export const MAX_VARIABLE_DEPTH = 128;
/** Largest variables payload accepted in one call, as UTF-16 code units of its JSON (about 4 MiB). */
export const MAX_VARIABLES_CHARS = 4 * 1024 * 1024;

/**
 * Checks variables that come into the engine from outside before anything runs: a plain JSON
 * object, nested at most {@link MAX_VARIABLE_DEPTH} deep, at most {@link MAX_VARIABLES_CHARS}
 * long, with JSON values only. Walks iteratively, so a payload nested 100,000 deep is refused
 * with a message rather than a stack overflow.
 *
 * @example
 * checkVariables({ order: { total: 3 } }, 'variables of completeJob'); // fine
 * checkVariables(deep, 'variables of startInstance'); // HostError: ... nested deeper than 128 levels (at a.a.a...)
 * @throws HostError (`invalid`) naming what is wrong and where.
 */
export function checkVariables(value: unknown, what: string): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HostError('invalid', `${what} must be a JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  if (flatAndValid(value as Record<string, unknown>)) return;
  let chars = 0;
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop() as { v: unknown; depth: number; path: string };
    if (v === null || typeof v === 'boolean') {
      chars += 5;
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new HostError('invalid', `${what}: ${path || 'the value'} is ${v}, which JSON cannot hold`);
      chars += 8;
      continue;
    }
    if (typeof v === 'string') {
      chars += v.length + 2;
    } else if (typeof v === 'object') {
      if (depth >= MAX_VARIABLE_DEPTH) throw new HostError('invalid', `${what} are nested deeper than ${MAX_VARIABLE_DEPTH} levels (at ${abbreviate(path)})`);
      const proto = Object.getPrototypeOf(v);
      if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) throw new HostError('invalid', `${what}: ${path || 'the value'} is not plain JSON data`);
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
      else {
        for (const key of Object.keys(v)) {
          chars += key.length + 3;
          stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, path: path ? `${path}.${key}` : key });
        }
      }
    } else {
      throw new HostError('invalid', `${what}: ${path || 'the value'} is a ${typeof v}, which JSON cannot hold`);
    }
    if (chars > MAX_VARIABLES_CHARS) throw new HostError('invalid', `${what} are larger than ${MAX_VARIABLES_CHARS} characters of JSON`);
  }
}

/**
 * True when `value` is a plain object whose values are all finite numbers, strings, booleans or
 * null, within the size limit: the usual variables, accepted without the general walk's stack.
 * Anything else (nested values, a value JSON cannot hold) returns false, and the walk decides.
 */
function flatAndValid(value: Record<string, unknown>): boolean {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  let chars = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    const v = value[key];
    chars += key.length + 3;
    if (typeof v === 'string') chars += v.length + 2;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      chars += 8;
    } else if (v === null || typeof v === 'boolean') chars += 5;
    else return false;
  }
  return chars <= MAX_VARIABLES_CHARS;
}

function abbreviate(path: string): string {
  return path.length > 80 ? `${path.slice(0, 40)}...${path.slice(-30)}` : path;
}
