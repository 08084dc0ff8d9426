import { expect, type Page } from '@playwright/test';

/** What an engine API call answers in the page: `{data, message?}` or `{error, message}`. */
export type Result = { data?: unknown; error?: string; message?: string };

/** One engine API call in the built app, through the debugging hook window.__flowdeckEngine (src/app/engine). */
export async function call(page: Page, method: string, request: unknown = {}): Promise<Result> {
  return page.evaluate(async ([m, r]) => {
    const engine = window.__flowdeckEngine;
    if (!engine) throw new Error('no window.__flowdeckEngine');
    await engine.ready();
    return engine.call(m as never, r as never) as Promise<Result>;
  }, [method, request] as const);
}

/** {@link call}, expecting success: its data. */
export async function ok<T>(page: Page, method: string, request: unknown = {}): Promise<T> {
  const r = await call(page, method, request);
  expect(r.error, `${method}: ${r.message}`).toBeUndefined();
  return r.data as T;
}
