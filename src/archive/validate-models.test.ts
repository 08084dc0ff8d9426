import { describe, expect, it } from 'vitest';
import { ArchiveError, packArchive, readArchive, validateArchiveModels } from './index';
import { assertArchiveModels } from './validate-models';

const bpmn = (body: string, id = 'main') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D_${id}" targetNamespace="http://flowdeck.dev/t">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Work" />
    ${body}
    <bpmn:sequenceFlow id="f2" sourceRef="Work" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>
`;
const callChild = bpmn('<bpmn:callActivity id="Work"><bpmn:extensionElements><zeebe:calledElement processId="child" /></bpmn:extensionElements></bpmn:callActivity>');
const userTask = bpmn('<bpmn:userTask id="Work"><bpmn:extensionElements><zeebe:formDefinition formId="approve" /></bpmn:extensionElements></bpmn:userTask>');
const child = bpmn('<bpmn:task id="Work" />', 'child');
const form = '{"id":"approve","type":"default","components":[]}';

const contents = (files: Array<[string, string]>) => readArchive(packArchive({ project: 'P', files: files.map(([path, content]) => ({ path, content })) }));

describe('validateArchiveModels', () => {
  it('given a call activity, a user task with a form and the called process and form in the archive, then there is no problem', async () => {
    expect(await validateArchiveModels(contents([['main.bpmn', callChild], ['child.bpmn', child]]))).toEqual([]);
    expect(await validateArchiveModels(contents([['task.bpmn', userTask], ['forms/approve.form', form]]))).toEqual([]);
  });

  it('given a called process and a form that are not in the archive, then each is named on its element', async () => {
    const problems = await validateArchiveModels(contents([['main.bpmn', callChild], ['task.bpmn', userTask.replace('id="main"', 'id="task"')]]));
    expect(problems).toEqual([
      { path: 'main.bpmn', elementId: 'Work', message: 'calls process "child", which no BPMN in the archive defines' },
      { path: 'task.bpmn', elementId: 'Work', message: 'uses form "approve", which no form in the archive defines' },
    ]);
  });

  it('given a BPMN that does not compile, a DMN with a FEEL error and a form without an id, then each problem names its entry', async () => {
    const broken = bpmn('<bpmn:task id="Work" />').replace('targetRef="End"', 'targetRef="Nowhere"');
    const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://t">
  <decision id="dec" name="dec"><literalExpression><text>1 +</text></literalExpression></decision>
</definitions>`;
    const problems = await validateArchiveModels(contents([['broken.bpmn', broken], ['bad.dmn', dmn], ['f.form', '{"components":[]}']]));
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['broken.bpmn', 'bad.dmn', 'f.form']));
    expect(problems.find((p) => p.path === 'bad.dmn')?.elementId).toBe('dec');
    expect(problems.find((p) => p.path === 'f.form')?.message).toMatch(/no "id"/);
    await expect(assertArchiveModels(contents([['broken.bpmn', broken]]))).rejects.toThrow(ArchiveError);
  });
});
