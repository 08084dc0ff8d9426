import type { ScriptRequest } from '../../engine/ports';
import { MAX_VALUE_DEPTH } from './sandbox-limits';
import { failure, messageOf, type SandboxResult } from './script-result';

/** A request with its variables already JSON, checked; what crosses into the sandbox (or its thread). */
export interface PreparedScript {
  elementId: string;
  processInstanceId: string;
  now: number;
  randomSeed: number;
  timeoutMs: number;
  memoryLimitBytes: number;
  source: string;
  variablesJson: string;
}

/**
 * Checks a request and serialises its variables once, on the host. Variables deeper than
 * {@link MAX_VALUE_DEPTH} are refused here: QuickJS's `JSON.parse` recurses on the host's stack
 * inside the wasm, and 100,000 levels would overflow it.
 *
 * @example
 * const p = prepareScript(request);
 * if ('ok' in p) return p;              // a SandboxResult: the request cannot run
 * sandbox.run(p, log);
 */
export function prepareScript(request: ScriptRequest): PreparedScript | SandboxResult {
  if (request.language !== 'javascript') {
    return failure('input', `unsupported script language "${String(request.language)}" (only javascript)`);
  }
  let variablesJson: string;
  try {
    variablesJson = JSON.stringify(request.variables ?? {});
  } catch (error) {
    if (error instanceof RangeError) return failure('input', `variables are nested deeper than ${MAX_VALUE_DEPTH} levels`);
    return failure('input', `variables are not JSON: ${messageOf(error)}`);
  }
  if (variablesJson.length > 2 * MAX_VALUE_DEPTH && jsonDepthExceeds(variablesJson, MAX_VALUE_DEPTH + 1)) {
    return failure('input', `variable "${deepestVariable(request.variables)}" is nested deeper than ${MAX_VALUE_DEPTH} levels`);
  }
  return {
    elementId: String(request.elementId),
    processInstanceId: String(request.processInstanceId),
    now: finite(request.now),
    randomSeed: finite(request.randomSeed),
    timeoutMs: Math.max(1, finite(request.timeoutMs)),
    memoryLimitBytes: Math.max(0, finite(request.memoryLimitBytes)),
    source: String(request.source),
    variablesJson,
  };
}

/**
 * Whether JSON text nests deeper than `max` (the variables object itself is level 1). Linear scan
 * that skips strings; only run when the text is long enough to nest that deep.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip the string, honouring escapes
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

function deepestVariable(variables: Readonly<Record<string, unknown>>): string {
  for (const [name, value] of Object.entries(variables)) {
    if (jsonDepthExceeds(JSON.stringify(value) ?? 'null', MAX_VALUE_DEPTH)) return name;
  }
  return '?';
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}
