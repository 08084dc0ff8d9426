import type { Logger } from '../../engine/ports';
import { MAX_LOG_LINE_CHARS, MAX_LOG_LINES } from './sandbox-limits';
import type { ScriptLog } from './quickjs-sandbox';

/** One console line of a script, as it crosses from the script thread to the host. */
export type ScriptLogLine = [level: string, message: string];

/**
 * A {@link ScriptLog} for one run that keeps at most {@link MAX_LOG_LINES} lines of at most
 * {@link MAX_LOG_LINE_CHARS} each (a script logging in a loop must not flood the host's log), then
 * notes once that the rest was dropped.
 *
 * @example
 * const lines: ScriptLogLine[] = [];
 * sandbox.run(prepared, cappedLog((level, message) => lines.push([level, message])));
 */
export function cappedLog(emit: ScriptLog): ScriptLog {
  let count = 0;
  return (level, message) => {
    count++;
    if (count > MAX_LOG_LINES + 1) return;
    if (count === MAX_LOG_LINES + 1) {
      emit('warn', `further console output of this run dropped (limit ${MAX_LOG_LINES} lines)`);
      return;
    }
    emit(level, message.length > MAX_LOG_LINE_CHARS ? `${message.slice(0, MAX_LOG_LINE_CHARS)}... (${message.length} characters)` : message);
  };
}

/**
 * Sends a script's console line to the engine Logger, tagged with its element: `warn`/`error` as
 * warn, the rest as debug.
 */
export function toLogger(logger: Logger | undefined, elementId: string, level: string, message: string): void {
  if (logger === undefined) return;
  const line = `[script ${elementId}] ${message}`;
  if (level === 'warn' || level === 'error') logger.warn(line);
  else logger.debug(line);
}
