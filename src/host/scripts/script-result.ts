import type { ScriptBpmnError, ScriptResult } from '../../engine/ports';

/**
 * Why a script failed, beside the message (optional on the engine's `ScriptResult`, which this
 * extends): `timeout` and `memory` are its limits, `stack` too deep recursion, `limit` a result or
 * variable over the depth/size limits, `input` variables that cannot be passed in, `unavailable`
 * a sandbox that could not run the script at all (it did not start), `error` the script's own error.
 */
export type ScriptFailureKind = 'timeout' | 'memory' | 'stack' | 'limit' | 'input' | 'unavailable' | 'error';

/** A {@link ScriptResult} with the failure kind; assignable to `ScriptResult`. */
export type SandboxResult =
  | { ok: true; result: unknown; setVariables: Record<string, unknown> }
  | { ok: false; error: string; kind: ScriptFailureKind }
  /** The script threw `new BpmnError(...)`: not a failure of the script, a BPMN error for the engine to throw. */
  | { ok: false; error: string; kind: 'bpmnError'; bpmnError: ScriptBpmnError };

/** Compile-time check that a SandboxResult is a ScriptResult. */
export type AssertScriptResult<T extends ScriptResult = SandboxResult> = T;

export function failure(kind: ScriptFailureKind, error: string): SandboxResult {
  return { ok: false, error, kind };
}

export function timedOut(timeoutMs: number): SandboxResult {
  return failure('timeout', `script timed out after ${timeoutMs} ms`);
}

export function outOfMemory(memoryLimitBytes: number): SandboxResult {
  return failure('memory', `script ran out of memory (limit ${memoryLimitBytes} bytes)`);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
