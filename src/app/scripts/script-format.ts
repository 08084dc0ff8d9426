/**
 * Which `scriptFormat` values mean JavaScript. Flowdeck runs JavaScript script tasks itself; a
 * task without a format and without `zeebe:script` is JavaScript too (the Scripts view writes
 * `javascript`). Shared by the scripts API, the properties panel and lint.
 *
 * @example
 * ```ts
 * isJavaScriptFormat('text/javascript'); // true
 * isJavaScriptFormat('groovy');          // false
 * ```
 */
const JAVASCRIPT_FORMATS = ['javascript', 'js', 'ecmascript', 'text/javascript', 'application/javascript'];

export function isJavaScriptFormat(format: string | undefined): boolean {
  const normalized = format?.trim().toLowerCase();
  return !normalized || JAVASCRIPT_FORMATS.includes(normalized);
}
