import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getScript, listScripts, putScript, ScriptsApiError } from './scripts-api';
import { switchedBody } from './script-task-props';

const xml = readFileSync(new URL('./scripts-api.test.bpmn', import.meta.url), 'utf8');

async function rejection(promise: Promise<unknown>): Promise<ScriptsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScriptsApiError);
  return error as ScriptsApiError;
}

describe('listScripts', () => {
  it('given a document with script tasks in two processes and a sub-process, when listed, then returns all in document order', async () => {
    const scripts = await listScripts(xml);

    expect(scripts.map((s) => [s.processId, s.nodeId, s.language])).toEqual([
      ['Orders', 'ComputeTotal', 'javascript'],
      ['Orders', 'Discount', 'feel'],
      ['Orders', 'Inner', 'javascript'],
      ['Orders', 'Empty', 'javascript'],
      ['Billing', 'Invoice', 'javascript'],
    ]);
  });

  it('given a process id, when listed, then keeps only that process', async () => {
    const scripts = await listScripts(xml, 'Billing');

    expect(scripts.map((s) => s.nodeId)).toEqual(['Invoice']);
  });

  it('given a non-JavaScript scriptFormat, when listed, then reports the raw format so the UI can warn', async () => {
    const inner = (await listScripts(xml)).find((s) => s.nodeId === 'Inner');

    expect(inner?.scriptFormat).toBe('groovy');
    expect(inner?.body).toBe("println 'hi'");
  });

  it('given text that is not XML, when listed, then rejects with invalid-xml', async () => {
    const error = await rejection(listScripts('<bpmn:definitions'));

    expect(error.code).toBe('invalid-xml');
  });
});

describe('getScript', () => {
  it('given a JavaScript task, when read, then returns its body and name', async () => {
    const script = await getScript(xml, 'ComputeTotal');

    expect(script.name).toBe('Compute total');
    expect(script.body).toContain("execution.getVariable('items')");
    expect(script.body).toContain('return items.reduce');
  });

  it('given a zeebe:script task, when read, then returns the FEEL expression without "=" and its result variable', async () => {
    const script = await getScript(xml, 'Discount');

    expect(script).toMatchObject({ language: 'feel', body: 'if total > 100 then total * 0.9 else total', resultVariable: 'discounted' });
  });

  it('given an id of another element, when read, then rejects with not-a-script-task', async () => {
    expect((await rejection(getScript(xml, 'Start'))).code).toBe('not-a-script-task');
    expect((await rejection(getScript(xml, 'F1'))).code).toBe('not-a-script-task');
  });

  it('given an unknown id, when read, then rejects with not-found', async () => {
    expect((await rejection(getScript(xml, 'Nope'))).code).toBe('not-found');
  });
});

describe('putScript', () => {
  it('given a JavaScript task, when a new body is put, then the returned XML holds it and the rest is unchanged', async () => {
    const next = await putScript(xml, 'ComputeTotal', { body: 'return 42 < 43 && true;' });

    expect((await getScript(next, 'ComputeTotal')).body).toBe('return 42 < 43 && true;');
    expect((await getScript(next, 'Discount')).body).toBe('if total > 100 then total * 0.9 else total');
    expect(next).toContain('sourceRef="ComputeTotal"');
    expect(next).toContain('scriptFormat="javascript"');
  });

  it('given a task without a script, when a body is put, then it becomes a JavaScript task', async () => {
    const next = await putScript(xml, 'Empty', { body: 'return 1;' });

    expect(await getScript(next, 'Empty')).toMatchObject({ language: 'javascript', body: 'return 1;' });
    expect(next).toMatch(/<bpmn:scriptTask id="Empty"[^>]*scriptFormat="javascript"/);
  });

  it('given a FEEL task, when a new expression is put, then it is stored with "=" and keeps the result variable', async () => {
    const next = await putScript(xml, 'Discount', { body: 'total * 0.8' });

    expect(next).toContain('expression="=total * 0.8"');
    expect(await getScript(next, 'Discount')).toMatchObject({ language: 'feel', body: 'total * 0.8', resultVariable: 'discounted' });
  });

  it('given a JavaScript task, when switched to FEEL, then the BPMN body is removed and zeebe:script added', async () => {
    const next = await putScript(xml, 'ComputeTotal', { language: 'feel', body: 'sum(items.price)', resultVariable: 'total' });

    const script = await getScript(next, 'ComputeTotal');
    expect(script).toMatchObject({ language: 'feel', body: 'sum(items.price)', resultVariable: 'total' });
    expect(next).not.toContain('execution.getVariable');
    expect(next).toMatch(/<zeebe:script expression="=sum\(items.price\)" resultVariable="total" \/>/);
  });

  it('given a FEEL task, when switched to JavaScript, then zeebe:script is removed and only the result variable stays in extension elements', async () => {
    const next = await putScript(xml, 'Discount', { language: 'javascript', body: 'return 0;' });

    expect(await getScript(next, 'Discount')).toMatchObject({ language: 'javascript', body: 'return 0;' });
    expect(next).not.toContain('zeebe:script');
    expect(next).toMatch(/<bpmn:scriptTask id="Discount"[^/]*>\s*<bpmn:extensionElements>\s*<zeebe:properties>\s*<zeebe:property name="resultVariable"/);
  });

  it('given a FEEL task without a result variable and no other extensions, when switched to JavaScript, then no empty extension elements are left', async () => {
    const bare = await putScript(xml, 'Discount', { language: 'javascript', body: 'return 0;', resultVariable: '' });

    expect(bare).not.toMatch(/<bpmn:scriptTask id="Discount"[^/]*>\s*<bpmn:extensionElements/);
  });

  it('given a switch to FEEL without a result variable, when put, then rejects with invalid-update', async () => {
    const error = await rejection(putScript(xml, 'ComputeTotal', { language: 'feel', body: '1' }));

    expect(error.code).toBe('invalid-update');
  });

  it('given an unknown id, when put, then rejects with not-found and nothing is produced', async () => {
    expect((await rejection(putScript(xml, 'Nope', { body: '' }))).code).toBe('not-found');
  });
});

describe('putScript: switching language', () => {
  it('given a FEEL script with a result variable, when switched to JavaScript, then the variable is kept and the FEEL text is only a comment', async () => {
    const feel = await getScript(xml, 'Discount');
    const body = switchedBody(feel.body, 'feel', 'javascript');

    const next = await putScript(xml, 'Discount', { language: 'javascript', body });
    const js = await getScript(next, 'Discount');

    expect(js).toMatchObject({ language: 'javascript', resultVariable: feel.resultVariable });
    expect(js.body).toMatch(/^\/\/ FEEL before the switch: /);
    expect(js.body.endsWith('return null;')).toBe(true);
    expect(next).not.toContain('zeebe:script');
    expect(next).toMatch(/<zeebe:property name="resultVariable" value="[^"]+"/);
  });

  it('given a JavaScript script with a result variable, when switched to FEEL and back, then the variable survives both ways and nothing is doubled', async () => {
    const withVariable = await putScript(xml, 'ComputeTotal', { body: 'return 1;', resultVariable: 'total' });
    expect((await getScript(withVariable, 'ComputeTotal')).resultVariable).toBe('total');

    const feel = await putScript(withVariable, 'ComputeTotal', { language: 'feel', body: switchedBody('return 1;', 'javascript', 'feel') });
    expect(await getScript(feel, 'ComputeTotal')).toMatchObject({ language: 'feel', resultVariable: 'total' });
    expect(feel).not.toMatch(/name="resultVariable"/);

    const back = await putScript(feel, 'ComputeTotal', { language: 'javascript', body: 'return 2;' });
    expect(await getScript(back, 'ComputeTotal')).toMatchObject({ language: 'javascript', body: 'return 2;', resultVariable: 'total' });
    expect(back.match(/name="resultVariable"/g)).toHaveLength(1);
  });

  it('given a JavaScript result variable, when cleared, then the property is removed', async () => {
    const withVariable = await putScript(xml, 'ComputeTotal', { body: 'return 1;', resultVariable: 'total' });
    const cleared = await putScript(withVariable, 'ComputeTotal', { body: 'return 1;', resultVariable: '' });

    expect((await getScript(cleared, 'ComputeTotal')).resultVariable).toBeUndefined();
    expect(cleared).not.toContain('zeebe:properties');
  });
});
