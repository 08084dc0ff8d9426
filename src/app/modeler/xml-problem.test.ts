import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { formatXmlProblem, toXmlProblem } from './xml-problem';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';

async function importError(xml: string): Promise<unknown> {
  return new BpmnModdle().fromXML(xml).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('toXmlProblem', () => {
  it('given a closing tag mismatch on line 4, when converted, then reports line 4 (1-based) and the nested cause', async () => {
    const xml = `<bpmn:definitions ${NS} id="d">\n  <bpmn:process id="p">\n    <bpmn:task id="t">\n  </bpmn:process>\n</bpmn:definitions>`;

    const problem = toXmlProblem(await importError(xml));

    expect(problem.line).toBe(4);
    expect(problem.message).toContain('closing tag mismatch');
    expect(formatXmlProblem(problem)).toMatch(/^line 4, column \d+: unparsable content <\/bpmn:process> detected: closing tag mismatch$/);
  });

  it('given an unknown element, when the warning is converted, then reports its line and type', async () => {
    const xml = `<bpmn:definitions ${NS} id="d">\n<bpmn:process id="p">\n<bpmn:foo id="x"/></bpmn:process></bpmn:definitions>`;
    const { warnings } = await new BpmnModdle().fromXML(xml);

    const problem = toXmlProblem(warnings[0]);

    expect(problem.line).toBe(3);
    expect(problem.message).toContain('unknown type <bpmn:Foo>');
  });

  it('given an error without position, when converted, then keeps the message and no line', () => {
    const problem = toXmlProblem(new Error('no diagram to display'));

    expect(problem).toEqual({ message: 'no diagram to display' });
    expect(formatXmlProblem(problem)).toBe('no diagram to display');
  });
});
