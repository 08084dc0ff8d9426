import { describe, expect, it } from 'vitest';
import { feelProblemsOf, placeOf, problemCss } from './feel-problems';

const model = (cells: { input: string; output: string; literal: string }) => `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:t" name="fees" id="fees">
  <inputData id="i_amount" name="Amount"><variable name="Amount" typeRef="number"/></inputData>
  <inputData id="i_tier" name="Tier"><variable name="Tier" typeRef="string"/></inputData>
  <decision id="d_fee" name="Fee"><variable name="Fee" typeRef="number"/>
    <informationRequirement><requiredInput href="#i_amount"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_tier"/></informationRequirement>
    <decisionTable id="t1" hitPolicy="FIRST">
      <input id="in1"><inputExpression typeRef="number"><text>Amount</text></inputExpression></input>
      <input id="in2"><inputExpression typeRef="string"><text>Tier</text></inputExpression></input>
      <output id="o1" typeRef="number"/>
      <rule id="big"><inputEntry><text>${cells.input}</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>${cells.output}</text></outputEntry></rule>
      <rule id="small"><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>1</text></outputEntry></rule>
    </decisionTable></decision>
  <decision id="d_note" name="Note"><literalExpression><text>${cells.literal}</text></literalExpression></decision>
</definitions>`;

describe('FEEL problems in the DMN editor', () => {
  it('given a bad input entry, output entry and literal expression, when checked, then each names its decision, place and position, and the cells are marked', () => {
    const { problems, unreadable } = feelProblemsOf(model({ input: '&gt;= 10 0', output: '5 +', literal: 'if Amount then' }));
    expect(unreadable).toBeUndefined();
    expect(problems.map((p) => [p.decisionName, placeOf(p), p.cell?.column])).toEqual([
      ['Fee', 'rule big, input 1', 1],
      ['Fee', 'rule big, output 1', 3],
      ['Note', 'literalExpression', undefined],
    ]);
    expect(problems[0].message).toMatch(/FEEL syntax error: .*\(line 1, column 7\)/);
    const css = problemCss(problems);
    expect(css).toContain('tr:has(> td[data-row-id="big"]) > td:nth-child(2)');
    expect(css).toContain('tr:has(> td[data-row-id="big"]) > td:nth-child(4)');
    expect(css.split('\n')).toHaveLength(2);
  });

  it('given a model whose cells are all FEEL, when checked, then there are no problems; given broken XML, the reader message says where', () => {
    expect(feelProblemsOf(model({ input: '&gt;= 100', output: '5', literal: 'if Amount > 1 then "a" else "b"' })).problems).toEqual([]);
    expect(feelProblemsOf('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision').unreadable).toMatch(/line/i);
  });
});
