import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import { describe, expect, it } from 'vitest';
import { linkSequenceFlows } from './flow-links';
import { createLintConfig } from './lint/lint-config';

const xml = readFileSync(new URL('./flow-links.test.bpmn', import.meta.url), 'utf8');

async function read() {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  return rootElement as unknown as Parameters<typeof linkSequenceFlows>[0] & object;
}

const lintIds = async (definitions: object, rule: string) =>
  ((await new Linter(createLintConfig()).lint(definitions as never))[rule] ?? []).map((r) => r.id);

describe('linkSequenceFlows', () => {
  it('given flows without incoming/outgoing children, then lint first sees disconnected elements; after linking none, and the sub-process too', async () => {
    const definitions = await read();
    expect(await lintIds(definitions, 'no-disconnected')).toEqual(expect.arrayContaining(['Start', 'Work', 'End']));

    const added = linkSequenceFlows(definitions as never);

    expect(added).toBe(8);
    expect(await lintIds(definitions, 'no-disconnected')).toEqual([]);
    expect(await lintIds(definitions, 'no-implicit-end')).toEqual([]);
  });

  it('given flows already linked, when linked again, then nothing is doubled', async () => {
    const definitions = await read();
    linkSequenceFlows(definitions as never);

    expect(linkSequenceFlows(definitions as never)).toBe(0);
  });
});
