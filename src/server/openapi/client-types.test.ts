import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { clientTypes, openApiDocument } from './document';
import type { paths } from './client-types';

it('given the routes as they are, then the committed client types are what `npm run gen:client-types` generates (run it after changing a route)', async () => {
  const committed = readFileSync(new URL('./client-types.ts', import.meta.url), 'utf8');
  expect(await clientTypes()).toBe(committed);
}, 60_000);

it('given the OpenAPI document, then POST /instances documents its body, its 201 instance and the error body', async () => {
  const doc = (await openApiDocument()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  expect(Object.keys(doc.paths['/instances'].post.responses).sort()).toEqual(['201', '4XX', '5XX']);
  // The generated types follow: a start's 201 answer is the instance shape.
  type Started = paths['/instances']['post']['responses']['201']['content']['application/json']['data'];
  const shape: Started = { id: 'i', processId: 'p', version: 1, state: 'active', businessKey: null, startedAt: '', endedAt: null, variables: {}, incidents: 0, parentInstanceId: null };
  expect(Object.keys(shape)).toHaveLength(10);
}, 60_000);
