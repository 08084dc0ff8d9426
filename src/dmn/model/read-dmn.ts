import { parseXml, type XmlElement } from '../xml/xml-reader';
import { DmnError } from '../errors';
import { readExpression, readInformationItem, firstExpressionChild, textOf, typeRefOf } from './read-expression';
import type {
  BusinessKnowledgeModel, Decision, DecisionService, DmnImport, DmnModel, DmnVersion, Href, InputData,
  ItemDefinition,
} from './types';

const VERSION_BY_NAMESPACE: Record<string, DmnVersion> = {
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd': '1.1',
  'http://www.omg.org/spec/DMN/20180521/MODEL/': '1.2',
  'https://www.omg.org/spec/DMN/20191111/MODEL/': '1.3',
  'https://www.omg.org/spec/DMN/20211108/MODEL/': '1.4',
  'https://www.omg.org/spec/DMN/20230324/MODEL/': '1.5',
};

/** True for the namespace of any DMN model version (1.1–1.5), with or without https. */
export function isDmnNamespace(ns: string): boolean {
  return versionOf(ns) !== undefined;
}

function versionOf(ns: string): DmnVersion | undefined {
  return VERSION_BY_NAMESPACE[ns] ?? VERSION_BY_NAMESPACE[ns.replace(/^http:/, 'https:')]
    ?? VERSION_BY_NAMESPACE[ns.replace(/^https:/, 'http:')];
}

/**
 * Reads a DMN 1.1–1.5 XML document into a {@link DmnModel}.
 *
 * @example
 * const model = parseDmn(xml);
 * model.decisions.map((d) => d.name);
 */
export function parseDmn(xml: string): DmnModel {
  const root = parseXml(xml);
  const version = versionOf(root.ns);
  if (root.name !== 'definitions' || !version) {
    throw new DmnError(`not a DMN document: root <${root.name}> in namespace '${root.ns}'`, { element: root.name });
  }
  const dmnChildren = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name && isDmnNamespace(c.ns));
  const imports: DmnImport[] = dmnChildren(root, 'import').map((el) => ({
    name: el.attrs['name'] ?? '',
    namespace: el.attrs['namespace'] ?? '',
    importType: el.attrs['importType'],
    locationURI: el.attrs['locationURI'],
  }));
  const decisions: Decision[] = dmnChildren(root, 'decision').map(readDecision);
  const inputData: InputData[] = dmnChildren(root, 'inputData').map((el) => ({
    kind: 'inputData', id: idOf(el), name: el.attrs['name'] ?? '', variable: variableOf(el),
  }));
  const bkms: BusinessKnowledgeModel[] = dmnChildren(root, 'businessKnowledgeModel').map(readBkm);
  const decisionServices: DecisionService[] = dmnChildren(root, 'decisionService').map(readDecisionService);
  return {
    id: root.attrs['id'],
    name: root.attrs['name'] ?? '',
    namespace: root.attrs['namespace'] ?? '',
    version,
    expressionLanguage: root.attrs['expressionLanguage'],
    imports,
    itemDefinitions: dmnChildren(root, 'itemDefinition').map(readItemDefinition),
    decisions,
    inputData,
    bkms,
    decisionServices,
  };
}

function variableOf(el: XmlElement) {
  const v = el.children.find((c) => c.name === 'variable');
  return v ? readInformationItem(v) : undefined;
}

function hrefs(el: XmlElement, requirement: string, target: string): Href[] {
  const out: Href[] = [];
  for (const req of el.children) {
    if (req.name !== requirement) continue;
    for (const ref of req.children) if (ref.name === target) out.push(parseHref(ref.attrs['href'] ?? ''));
  }
  return out;
}

function directHrefs(el: XmlElement, name: string): Href[] {
  return el.children.filter((c) => c.name === name).map((c) => parseHref(c.attrs['href'] ?? ''));
}

/** Splits `namespace#id` / `#id` into its parts. */
export function parseHref(href: string): Href {
  const hash = href.indexOf('#');
  if (hash < 0) return { id: href };
  const namespace = href.slice(0, hash);
  return namespace ? { namespace, id: href.slice(hash + 1) } : { id: href.slice(hash + 1) };
}

/** The element's id; elements without one (allowed by some tools) are keyed by their name. */
function idOf(el: XmlElement): string {
  return el.attrs['id'] || el.attrs['name'] || '';
}

function readDecision(el: XmlElement): Decision {
  const id = idOf(el);
  const exprEl = firstExpressionChild(el);
  return {
    kind: 'decision',
    id,
    name: el.attrs['name'] ?? '',
    label: el.attrs['label'],
    variable: variableOf(el),
    requiredDecisions: hrefs(el, 'informationRequirement', 'requiredDecision'),
    requiredInputs: hrefs(el, 'informationRequirement', 'requiredInput'),
    requiredKnowledge: hrefs(el, 'knowledgeRequirement', 'requiredKnowledge'),
    expression: exprEl ? readExpression(exprEl) : undefined,
    versionTag: versionTagOf(el),
  };
}

const ZEEBE = 'http://camunda.org/schema/zeebe/1.0';

function versionTagOf(el: XmlElement): string | undefined {
  const ext = el.children.find((c) => c.name === 'extensionElements');
  const tag = ext?.children.find((c) => c.name === 'versionTag' && c.ns === ZEEBE);
  return tag?.attrs['value'] || undefined;
}

function readBkm(el: XmlElement): BusinessKnowledgeModel {
  const logicEl = el.children.find((c) => c.name === 'encapsulatedLogic');
  let logic: BusinessKnowledgeModel['logic'];
  if (logicEl) {
    const expr = readExpression(logicEl, 'functionDefinition');
    if (expr.kind === 'function') logic = expr;
  }
  return {
    kind: 'bkm',
    id: idOf(el),
    name: el.attrs['name'] ?? '',
    variable: variableOf(el),
    requiredKnowledge: hrefs(el, 'knowledgeRequirement', 'requiredKnowledge'),
    logic,
  };
}

function readDecisionService(el: XmlElement): DecisionService {
  return {
    kind: 'decisionService',
    id: idOf(el),
    name: el.attrs['name'] ?? '',
    variable: variableOf(el),
    outputDecisions: directHrefs(el, 'outputDecision'),
    encapsulatedDecisions: directHrefs(el, 'encapsulatedDecision'),
    inputDecisions: directHrefs(el, 'inputDecision'),
    inputData: directHrefs(el, 'inputData'),
  };
}

function readItemDefinition(el: XmlElement): ItemDefinition {
  const unaryText = (name: string) => {
    const c = el.children.find((x) => x.name === name);
    return c ? textOf(c) : undefined;
  };
  const fnEl = el.children.find((c) => c.name === 'functionItem');
  return {
    id: el.attrs['id'],
    name: el.attrs['name'] ?? '',
    label: el.attrs['label'],
    typeRef: typeRefOf(el),
    isCollection: el.attrs['isCollection'] === 'true',
    allowedValues: unaryText('allowedValues'),
    typeConstraint: unaryText('typeConstraint'),
    components: el.children.filter((c) => c.name === 'itemComponent').map(readItemDefinition),
    functionItem: fnEl
      ? {
          parameters: fnEl.children.filter((c) => c.name === 'parameters').map(readInformationItem),
          outputTypeRef: fnEl.attrs['outputTypeRef'],
        }
      : undefined,
  };
}
