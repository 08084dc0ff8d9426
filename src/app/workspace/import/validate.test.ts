import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateFor } from '../../../store';
import { validateContent } from './validate';
import { kindOf, baseName } from './kind';
import { formatProblem, positionOf } from './problem';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('validateContent', () => {
  it.each(['bpmn', 'dmn', 'form'] as const)('given the new-file template of %s, then it is valid without warnings', async (kind) => {
    const v = await validateContent(kind, templateFor(kind, 'New <file> & "more"'));
    expect(v).toMatchObject({ ok: true, kind, warnings: [] });
  });

  it('given a Camunda BPMN with zeebe extensions, then it is valid', async () => {
    expect(await validateContent('bpmn', fixture('order.bpmn'))).toMatchObject({ ok: true, warnings: [] });
  });

  it('given a truncated BPMN, then it is refused with a 1-based line and column', async () => {
    const v = await validateContent('bpmn', fixture('truncated.bpmn'));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.message).toMatch(/unclosed|unparsable/);
    expect(v.line).toBeGreaterThanOrEqual(1);
    expect(v.column).toBeGreaterThanOrEqual(1);
  });

  it('given XML with another root element, then the message names the root', async () => {
    const v = await validateContent('bpmn', fixture('not-bpmn.bpmn'));
    expect(v).toMatchObject({ ok: false, message: expect.stringContaining('<project>') });
  });

  it('given a DMN file given as BPMN, then it is refused naming the namespace', async () => {
    const v = await validateContent('bpmn', fixture('pricing.dmn'));
    expect(v).toMatchObject({ ok: false, message: expect.stringContaining('Not a BPMN file: its namespace is https://www.omg.org/spec/DMN/20191111/MODEL/') });
  });

  it('given a BPMN with an unknown element, then it is accepted, the element kept as extension content, and the change reported', async () => {
    const v = await validateContent('bpmn', fixture('unknown-element.bpmn'));
    expect(v).toMatchObject({ ok: true, warnings: [] });
    if (!v.ok) return;
    expect(v.report?.items.map((i) => [i.severity, i.kind, i.message])).toEqual([
      ['changed', 'bpmn:madeUpTask', '<bpmn:madeUpTask> is not a BPMN element; kept as extension content of <bpmn:process> in the namespace urn:flowdeck:unknown-bpmn'],
      ['changed', 'bpmn:process', 'the file has no diagram and bpmn:Process P has nothing to draw; Flowdeck created an empty diagram'],
    ]);
    expect(v.content).toMatch(/<bpmn:extensionElements>\s*<flowdeckKept:madeUpTask xmlns:flowdeckKept="urn:flowdeck:unknown-bpmn" id="T" \/>/);
  });

  it('given a BPMN whose diagram bpmn-js cannot display, then it is refused up front with the reason', async () => {
    const v = await validateContent('bpmn', fixture('no-process.bpmn'));
    expect(v).toMatchObject({ ok: false, message: 'The diagram cannot be displayed: no process or collaboration to display' });
  });

  it('given a BPMN that loses content, then it is accepted and each lost item is a warning', async () => {
    const v = await validateContent('bpmn', fixture('dangling-reference.bpmn'));
    expect(v).toMatchObject({ ok: true, warnings: ['line 4, bpmn:sequenceFlow Flow_1: attribute targetRef not kept (unresolved reference "Gone_1")'] });
  });

  it('given text that is not XML, then it is refused', async () => {
    expect(await validateContent('bpmn', 'hello')).toMatchObject({ ok: false, line: 1, column: 1 });
    expect(await validateContent('dmn', '   ')).toMatchObject({ ok: false, message: 'The file is empty' });
  });

  it('given a DMN 1.3 file, then it is valid; a DMN 1.2 file is refused as an unsupported version', async () => {
    expect(await validateContent('dmn', fixture('pricing.dmn'))).toMatchObject({ ok: true });
    const old = await validateContent('dmn', fixture('pricing-dmn12.dmn'));
    expect(old).toMatchObject({ ok: false, message: expect.stringMatching(/Unsupported DMN version.*20180521/) });
  });

  it('given a form with nested components, then it is valid', async () => {
    expect(await validateContent('form', fixture('signup.form'))).toMatchObject({ ok: true });
  });

  it('given a form with a JSON syntax error, then it is refused at the error position', async () => {
    const v = await validateContent('form', fixture('broken-json.form'));
    expect(v).toMatchObject({ ok: false, line: 3, message: expect.stringMatching(/^Invalid JSON/) });
  });

  it('given forms without components or with a typeless component, then they are refused', async () => {
    expect(await validateContent('form', fixture('missing-type.form'))).toMatchObject({ ok: false, message: 'components[1] has no "type"' });
    expect(await validateContent('form', '[]')).toMatchObject({ ok: false });
    expect(await validateContent('form', '{"components": {}}')).toMatchObject({ ok: false, message: 'A form needs a "components" array' });
  });
});

describe('kindOf / baseName / positions', () => {
  it('knows kinds from extensions and sniffs .xml', () => {
    expect(kindOf('a.BPMN', '')).toBe('bpmn');
    expect(kindOf('a.dmn', '')).toBe('dmn');
    expect(kindOf('a.form', '')).toBe('form');
    expect(kindOf('a.xml', fixture('order.bpmn'))).toBe('bpmn');
    expect(kindOf('a.xml', fixture('pricing.dmn'))).toBe('dmn');
    expect(kindOf('a.xml', '<x/>')).toBeUndefined();
    expect(kindOf('notes.txt', '')).toBeUndefined();
  });

  it('strips known extensions for the display name', () => {
    expect(baseName('Order.bpmn')).toBe('Order');
    expect(baseName('flow.bpmn20.xml')).toBe('flow');
    expect(baseName('.dmn')).toBe('Untitled');
  });

  it('converts offsets to 1-based line/column and formats problems', () => {
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(formatProblem({ message: 'oops', line: 2, column: 5 })).toBe('line 2, column 5: oops');
    expect(formatProblem({ message: 'oops' })).toBe('oops');
  });
});
