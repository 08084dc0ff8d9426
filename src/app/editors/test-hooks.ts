/**
 * Lets Playwright reach the live editor instances of the built app (MIWG round trips, benchmarks,
 * e2e assertions) without test-only pages. Registration is cheap and holds no user data beyond
 * what the editor already shows.
 *
 * @example
 * ```ts
 * // in an editor
 * useEffect(() => registerEditor('bpmn', handle), [handle]);
 * // in Playwright
 * await page.evaluate(() => window.__flowdeckEditors?.bpmn?.saveXML());
 * ```
 */
declare global {
  interface Window {
    __flowdeckEditors?: Partial<Record<string, unknown>>;
  }
}

/** Publishes the most recently mounted editor of a kind; returns the unregister function. */
export function registerEditor(kind: string, handle: unknown): () => void {
  const registry = (window.__flowdeckEditors ??= {});
  registry[kind] = handle;
  return () => {
    if (registry[kind] === handle) delete registry[kind];
  };
}
