import type { XmlElement } from '../xml/xml-reader';
import type {
  Aggregation, ContextEntry, DecisionRule, DecisionTable, Expression, HitPolicy, InformationItem,
} from './types';

/** Element names that hold a boxed expression. */
const EXPRESSION_ELEMENTS = new Set([
  'literalExpression', 'decisionTable', 'context', 'relation', 'list', 'invocation', 'functionDefinition',
  'conditional', 'filter', 'for', 'some', 'every',
]);

/** Elements that may sit beside an expression and are not one (used to spot unknown expressions). */
const NON_EXPRESSION_CHILDREN = new Set([
  'description', 'extensionElements', 'variable', 'question', 'allowedAnswers', 'informationRequirement',
  'knowledgeRequirement', 'authorityRequirement', 'supportedObjective', 'impactedPerformanceIndicator',
  'decisionMaker', 'decisionOwner', 'usingProcess', 'usingTask', 'formalParameter', 'parameter',
]);

/** The first child holding an expression, or an unknown element in expression position. */
export function firstExpressionChild(el: XmlElement): XmlElement | undefined {
  return el.children.find((c) => EXPRESSION_ELEMENTS.has(c.name))
    ?? el.children.find((c) => !NON_EXPRESSION_CHILDREN.has(c.name) && c.ns === el.ns);
}

/** Text of a `<text>` child, or the element's own text when it has none. */
export function textOf(el: XmlElement): string {
  const t = el.children.find((c) => c.name === 'text');
  return (t ? t.text : el.text).trim();
}

/**
 * The type reference of an element: the `typeRef` attribute (DMN 1.2+) or `<typeRef>` child
 * (item definitions). DMN 1.1 QNames such as `feel:string` lose their prefix.
 */
export function typeRefOf(el: XmlElement): string | undefined {
  const raw = el.attrs['typeRef'] ?? el.children.find((c) => c.name === 'typeRef')?.text;
  if (raw === undefined) return undefined;
  const value = raw.trim();
  const colon = value.indexOf(':');
  if (colon > 0 && /^[A-Za-z_][\w.-]*$/.test(value.slice(0, colon)) && el.nsScope[value.slice(0, colon)] !== undefined) {
    return value.slice(colon + 1);
  }
  return value;
}

export function readInformationItem(el: XmlElement): InformationItem {
  return { id: el.attrs['id'], name: el.attrs['name'] ?? '', typeRef: typeRefOf(el) };
}

/**
 * Reads the expression held by `el`: either `el` itself is an expression element, or (for wrappers
 * such as `<if>`, `<in>`, `<encapsulatedLogic>`) its first expression child is.
 */
export function readExpression(el: XmlElement, asKind?: string): Expression {
  const name = asKind ?? el.name;
  if (!EXPRESSION_ELEMENTS.has(name)) {
    const inner = firstExpressionChild(el);
    if (!inner) return { kind: 'literal', text: '', line: el.line };
    return readExpression(inner);
  }
  const base = { id: el.attrs['id'], typeRef: typeRefOf(el), line: el.line };
  const child = (n: string) => el.children.find((c) => c.name === n);
  const wrapped = (n: string): Expression => {
    const w = child(n);
    return w ? readExpression(w) : { kind: 'unsupported', element: `missing <${n}>`, line: el.line };
  };
  switch (name) {
    case 'literalExpression':
      return { ...base, kind: 'literal', text: textOf(el), expressionLanguage: el.attrs['expressionLanguage'] };
    case 'decisionTable':
      return readDecisionTable(el, base);
    case 'context':
      return { ...base, kind: 'context', entries: el.children.filter((c) => c.name === 'contextEntry').map(readContextEntry) };
    case 'relation':
      return {
        ...base,
        kind: 'relation',
        columns: el.children.filter((c) => c.name === 'column').map(readInformationItem),
        rows: el.children.filter((c) => c.name === 'row').map((r) => r.children.filter((c) => EXPRESSION_ELEMENTS.has(c.name)).map((c) => readExpression(c))),
      };
    case 'list':
      return { ...base, kind: 'list', items: el.children.filter((c) => EXPRESSION_ELEMENTS.has(c.name)).map((c) => readExpression(c)) };
    case 'invocation': {
      const calleeEl = el.children.find((c) => EXPRESSION_ELEMENTS.has(c.name));
      return {
        ...base,
        kind: 'invocation',
        callee: calleeEl ? readExpression(calleeEl) : { kind: 'unsupported', element: 'invocation without callee', line: el.line },
        bindings: el.children.filter((c) => c.name === 'binding').map((b) => {
          const p = b.children.find((c) => c.name === 'parameter');
          const v = b.children.find((c) => EXPRESSION_ELEMENTS.has(c.name));
          return { parameter: p ? readInformationItem(p) : { name: '' }, value: v ? readExpression(v) : undefined };
        }),
      };
    }
    case 'functionDefinition': {
      const bodyEl = el.children.find((c) => EXPRESSION_ELEMENTS.has(c.name));
      const kind = el.attrs['kind'] ?? 'FEEL';
      return {
        ...base,
        kind: 'function',
        functionKind: kind === 'Java' || kind === 'PMML' ? kind : 'FEEL',
        parameters: el.children.filter((c) => c.name === 'formalParameter').map(readInformationItem),
        body: bodyEl ? readExpression(bodyEl) : undefined,
      };
    }
    case 'conditional':
      return { ...base, kind: 'conditional', if: wrapped('if'), then: wrapped('then'), else: wrapped('else') };
    case 'filter':
      return { ...base, kind: 'filter', in: wrapped('in'), match: wrapped('match') };
    case 'for':
    case 'some':
    case 'every':
      return {
        ...base,
        kind: name,
        variable: el.attrs['iteratorVariable'] ?? '',
        in: wrapped('in'),
        body: wrapped(name === 'for' ? 'return' : 'satisfies'),
      };
    default:
      return { ...base, kind: 'unsupported', element: name };
  }
}

function readContextEntry(el: XmlElement): ContextEntry {
  const v = el.children.find((c) => c.name === 'variable');
  const exprEl = el.children.find((c) => EXPRESSION_ELEMENTS.has(c.name));
  return {
    variable: v ? readInformationItem(v) : undefined,
    value: exprEl ? readExpression(exprEl) : { kind: 'literal', text: '', line: el.line },
  };
}

const HIT_POLICIES: Record<string, HitPolicy> = {
  UNIQUE: 'UNIQUE', ANY: 'ANY', PRIORITY: 'PRIORITY', FIRST: 'FIRST', 'RULE ORDER': 'RULE ORDER',
  'OUTPUT ORDER': 'OUTPUT ORDER', COLLECT: 'COLLECT',
  // DMN 1.1 allowed single letters in some tools' exports; accept them too.
  U: 'UNIQUE', A: 'ANY', P: 'PRIORITY', F: 'FIRST', R: 'RULE ORDER', O: 'OUTPUT ORDER', C: 'COLLECT',
};

function readDecisionTable(el: XmlElement, base: { id?: string; typeRef?: string; line: number }): DecisionTable {
  const rawPolicy = (el.attrs['hitPolicy'] ?? 'UNIQUE').trim().toUpperCase();
  const hitPolicy = HIT_POLICIES[rawPolicy] ?? 'UNIQUE';
  const aggregation = el.attrs['aggregation']?.trim().toUpperCase() as Aggregation | undefined;
  const optText = (parent: XmlElement, n: string) => {
    const c = parent.children.find((x) => x.name === n);
    return c ? textOf(c) : undefined;
  };
  const rules: DecisionRule[] = el.children.filter((c) => c.name === 'rule').map((r) => ({
    id: r.attrs['id'],
    inputEntries: r.children.filter((c) => c.name === 'inputEntry').map(textOf),
    outputEntries: r.children.filter((c) => c.name === 'outputEntry').map(textOf),
    annotations: r.children.filter((c) => c.name === 'annotationEntry').map(textOf),
    description: optText(r, 'description'),
  }));
  return {
    ...base,
    kind: 'decisionTable',
    hitPolicy,
    aggregation: aggregation && ['SUM', 'COUNT', 'MIN', 'MAX'].includes(aggregation) ? aggregation : undefined,
    outputLabel: el.attrs['outputLabel'],
    inputs: el.children.filter((c) => c.name === 'input').map((i) => {
      const ie = i.children.find((c) => c.name === 'inputExpression');
      return {
        id: i.attrs['id'],
        label: i.attrs['label'],
        expression: ie ? textOf(ie) : '',
        typeRef: ie ? typeRefOf(ie) : undefined,
        inputValues: optText(i, 'inputValues'),
      };
    }),
    outputs: el.children.filter((c) => c.name === 'output').map((o) => ({
      id: o.attrs['id'],
      name: o.attrs['name'],
      label: o.attrs['label'],
      typeRef: typeRefOf(o),
      outputValues: optText(o, 'outputValues'),
      defaultOutputEntry: optText(o, 'defaultOutputEntry'),
    })),
    annotations: el.children.filter((c) => c.name === 'annotation').map((a) => a.attrs['name'] ?? ''),
    rules,
  };
}
