/** Writes decision tests in the DMN TCK's test-case XML format (testCases.xsd). */
import type { TckTestCase, TckValue } from './read';

const NS = 'http://www.omg.org/spec/DMN/20160719/testcase';

/**
 * The XML of a test-case file for a model.
 *
 * @example
 * writeTestFile('loan.dmn', [{ id: '001', type: 'decision', inputs: [...], results: [...] }]);
 */
export function writeTestFile(modelName: string, cases: readonly TckTestCase[]): string {
  const body = cases.map((tc) => {
    const attrs = [`id="${esc(tc.id)}"`, ...(tc.type !== 'decision' ? [`type="${tc.type}"`] : []), ...(tc.invocableName ? [`invocableName="${esc(tc.invocableName)}"`] : [])];
    const lines = [`  <testCase ${attrs.join(' ')}>`];
    if (tc.description) lines.push(`    <description>${esc(tc.description)}</description>`);
    for (const i of tc.inputs) lines.push(`    <inputNode name="${esc(i.name)}"${i.namespace ? ` namespace="${esc(i.namespace)}"` : ''}>`, ...value(i.value, 6), '    </inputNode>');
    for (const r of tc.results) {
      lines.push(`    <resultNode name="${esc(r.name)}" type="decision">`, '      <expected>', ...value(r.expected ?? { kind: 'nil' }, 8), '      </expected>', '    </resultNode>');
    }
    lines.push('  </testCase>');
    return lines.join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testCases xmlns="${NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <modelName>${esc(modelName)}</modelName>
${body.join('\n')}
</testCases>
`;
}

function value(v: TckValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  switch (v.kind) {
    case 'nil':
      return [`${pad}<value xsi:nil="true"/>`];
    case 'simple':
      return [`${pad}<value${v.type ? ` xsi:type="xsd:${v.type}"` : ''}>${esc(v.text)}</value>`];
    case 'list':
      return [`${pad}<list>`, ...v.items.flatMap((item) => [`${pad}  <item>`, ...value(item, indent + 4), `${pad}  </item>`]), `${pad}</list>`];
    case 'context':
      return v.entries.flatMap((e) => [`${pad}<component name="${esc(e.name)}">`, ...value(e.value, indent + 2), `${pad}</component>`]);
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
