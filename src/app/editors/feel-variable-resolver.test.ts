import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../engine/model/parse';
import { flowdeckVariablesModule, panelVariables } from './feel-variable-resolver';

async function businessObject(id: string) {
  const xml = await readFile(new URL('../../engine/model/variables-in-scope.test.bpmn', import.meta.url), 'utf8');
  const { definitions } = await parseBpmn(xml);
  const process = (definitions.rootElements as Array<{ flowElements: Array<{ id: string }> }>)[0]!;
  return process.flowElements.find((e) => e.id === id) as never;
}

describe('variables for the properties panel FEEL fields', () => {
  it('given a task of a parsed diagram, when the panel asks, then the variables in scope come with their source as info', async () => {
    const vars = panelVariables(await businessObject('Total'));
    expect(vars).toContainEqual({ name: 'score', detail: 'result variable of Score order', info: 'result variable of Score order' });
    expect(vars.map((v) => v.name)).not.toContain('total');
  });

  it('given the module, when bpmn-js builds it, then the resolver answers getVariablesForElement from the scope and keeps its other methods', async () => {
    const resolver = { getVariablesForElement: async (_bo: unknown): Promise<Array<{ name: string }>> => [{ name: 'everything' }], getProcessVariables: async () => ['kept'] };
    const [, Type] = flowdeckVariablesModule.flowdeckScopeVariables;
    new (Type as unknown as new (r: unknown, c: unknown) => unknown)(resolver, {});
    // Score's own result variable, for its output mappings; nothing written before it (no forms given).
    expect((await resolver.getVariablesForElement(await businessObject('Score'))).map((v) => v.name)).toEqual(['score']);
    expect(await resolver.getVariablesForElement(await businessObject('Remind'))).toContainEqual(expect.objectContaining({ name: 'score' }));
    expect(await resolver.getProcessVariables()).toEqual(['kept']);
  });
});
