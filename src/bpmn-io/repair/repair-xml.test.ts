import { describe, expect, it } from 'vitest';
import { countKinds } from '../audit/kinds';
import { fixture, plainRoundTrip, studioRoundTrip } from '../test-support/round-trip';

describe('ids and references', () => {
  const xml = fixture('illegal-ids.bpmn');

  it('given ids with spaces and a leading digit, plain moddle drops those elements (the defect)', async () => {
    const plain = await plainRoundTrip(xml);
    expect(countKinds(xml).get('bpmn:timerEventDefinition')).toBe(1);
    expect(plain.countsOut?.get('bpmn:timerEventDefinition') ?? 0).toBe(0);
    expect(plain.countsOut?.get('bpmn:task') ?? 0).toBe(0);
  });

  it('when prepared, then the elements are kept under legal ids and every reference follows', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.countsOut.get('bpmn:timerEventDefinition')).toBe(1);
    expect(r.countsOut.get('bpmn:task')).toBe(1);
    expect(r.saved).toContain('id="Start_Event_Timer"');
    expect(r.saved).toContain('id="eventdef-7_days"');
    expect(r.saved).toMatch(/sourceRef="Start_Event_Timer" targetRef="_1a2b"/);
    expect(r.saved).toMatch(/bpmnElement="Start_Event_Timer"/);
    expect(r.items('changed').map((i) => i.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('id "Start Event Timer" is not a valid XML id; renamed to "Start_Event_Timer"'),
        expect.stringContaining('id "1a2b" is not a valid XML id; renamed to "_1a2b"'),
      ]),
    );
    expect(r.items('lost')).toEqual([]);
    expect(r.unreported).toEqual([]);
  });

  it('given a duplicate id, then the second element is kept with a new id and references stay with the first', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.countsOut.get('bpmn:sequenceFlow')).toBe(2);
    expect(r.saved).toContain('id="Flow_1_2"');
    expect(r.saved).toMatch(/<\w+:BPMNEdge id="Edge_1" bpmnElement="Flow_1">/);
    const duplicate = r.items('changed').find((i) => i.elementId === 'Flow_1_2');
    expect(duplicate?.message).toMatch(/used twice \(first at line 13\)/);
    expect(duplicate?.line).toBe(14);
  });

  it('given a bpmnElement written as a prefixed name, then it resolves to the plain id', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toMatch(/<\w+:BPMNShape id="Shape_Task" bpmnElement="_1a2b">/);
    // start, task, Flow_1, and Flow_1_2 (the renamed duplicate had no edge: laid out)
    expect(r.drawn).toBe(4);
  });
});

describe('misplaced and unknown content', () => {
  const xml = fixture('misplaced-content.bpmn');

  it('given the defects, plain moddle drops the markup, the unknown elements and the condition, and cannot save the rest (the defect)', async () => {
    const plain = await plainRoundTrip(xml);
    const dropped = plain.warnings.map((w) => w.message.split('\n')[0]);
    expect(dropped).toEqual(
      expect.arrayContaining(['unparsable content <html> detected', 'unparsable content <Assignee> detected', 'unparsable content <LoopCounter> detected', 'unparsable content <conditionExpression> detected']),
    );
    expect(plain.error).toMatch(/no namespace uri given for prefix/);
  });

  it('when prepared, then nothing is lost and every change is reported', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.items('lost')).toEqual([]);
    expect(r.unreported).toEqual([]);
    for (const kind of ['bpmn:documentation', 'bpmn:conditionExpression', 'bpmn:multiInstanceLoopCharacteristics']) {
      expect([kind, r.countsOut.get(kind)]).toEqual([kind, r.countsIn.get(kind)]);
    }
  });

  it('keeps documentation inside <extension> where the BPMN schema allows it', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toMatch(/<extension mustUnderstand="true">\s*<documentation id="author">Ada<\/documentation>/);
  });

  it('moves documentation from a place BPMN does not allow (a diagram shape) to the nearest element that takes it', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toMatch(/<definitions[^>]*>\s*<documentation>drawn by hand<\/documentation>/);
    expect(r.items('changed').some((i) => /documentation inside <bpmndi:BPMNShape> \(not allowed there\) moved to <definitions>/.test(i.message))).toBe(true);
  });

  it('keeps HTML in documentation as text', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toContain('&lt;p&gt;Read &lt;b&gt;all&lt;/b&gt; of it&lt;/p&gt;');
  });

  it('keeps extension content in no namespace and unknown BPMN elements under Flowdeck namespaces', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toMatch(/<Grid xmlns="urn:flowdeck:no-namespace" spacing="15">\s*<Sub \/>/);
    expect(r.saved).toMatch(/Assignee xmlns="urn:flowdeck:unknown-bpmn">group\(owner\)</);
    expect(r.saved).toMatch(/<multiInstanceLoopCharacteristics id="Loop_1">\s*<extensionElements>\s*<LoopCounter xmlns="urn:flowdeck:unknown-bpmn">0<\/LoopCounter>/);
  });

  it('merges a repeated extensionElements and reads an xsi:type with an undeclared prefix as the BPMN type', async () => {
    const r = await studioRoundTrip(xml);
    expect(r.saved).toMatch(/<extensionElements>\s*<vendor:color value="red" \/>\s*<vendor:size value="2" \/>/);
    expect(r.saved).toMatch(/<conditionExpression xsi:type="tFormalExpression">\$\{ok\}/);
  });
});
