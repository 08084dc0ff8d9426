/**
 * The sandbox's fixed limits, documented in docs/security.md ("Scripts"). The time and memory
 * limits come with each request (the engine's `scriptLimits`, default 1000 ms and 32 MiB).
 */

/** Results, `setVariable` values and input variables may nest this deep (objects and arrays). */
export const MAX_VALUE_DEPTH = 256;

/** The JSON text of one result or one `setVariable` value, in UTF-16 code units (1 MiB of ASCII). */
export const MAX_VALUE_CHARS = 1024 * 1024;

/** The JSON text of a run's result and all its `setVariable` values together. */
export const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

/** QuickJS frames are large: 256 KiB of guest stack is ~2,000 plain recursive calls. */
export const MAX_STACK_BYTES = 256 * 1024;

/** Console output kept per run: further lines are dropped with one note. */
export const MAX_LOG_LINES = 100;
export const MAX_LOG_LINE_CHARS = 8 * 1024;

/** The QuickJS wasm module needs 16 MiB of memory to start (its declared minimum). */
export const WASM_MIN_BYTES = 16 * 1024 * 1024;

/**
 * What the module, the runtime, the prelude and the wasm stack use before a script runs (measured:
 * ~5.3 MiB). A sandbox's memory is capped at this plus the script's limit, but never below the
 * module minimum, so limits under ~10 MiB behave like ~10 MiB.
 */
export const SANDBOX_BASELINE_BYTES = 6 * 1024 * 1024;

/** A thread that stops answering is killed at this multiple of the script's time limit (never more than 2x). */
export const HARD_TIMEOUT_FACTOR = 1.5;
