/**
 * Measures src/feel against the DMN TCK on its own: evaluates the decisions whose logic is a
 * literal expression (or a context / list / invocation of literal expressions), and skips the rest
 * (decision tables and the like belong to src/dmn). Usage: `npx tsx src/feel/test-support/tck-feel.ts [filter] [-v]`
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileExpression, Decimal, feelToString, FeelContext, FeelFunction, type FeelValue, makeFunction, invoke,
  dateFromString, timeFromString, dateTimeFromString, durationFromString, decimalFromString, feelEquals, createCallContext,
} from '../index';
import { javaFunctionFromContext } from '../external-java';
import { parseType, type FeelType } from '../types';
import { attr, kid, kids, parseXml, type XmlElement } from './xml';

const ROOT = process.env.TCK_DIR ?? '/work/shared/dmn-tck/TestCases';
const filter = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : '';
const verbose = process.argv.includes('-v');

class Unsupported extends Error {}

function typedValue(text: string, type: string | undefined): FeelValue {
  switch ((type ?? '').replace(/^.*:/, '')) {
    case 'decimal': case 'double': case 'int': case 'integer': case 'long': case 'float': case 'number':
      return decimalFromString(text) ?? (text === 'NaN' || text.includes('INF') ? null : null);
    case 'boolean':
      return text.trim() === 'true';
    case 'date':
      return dateFromString(text.trim());
    case 'time':
      return timeFromString(text.trim());
    case 'dateTime': case 'date and time':
      return dateTimeFromString(text.trim());
    case 'duration': case 'dayTimeDuration': case 'yearMonthDuration': case 'days and time duration': case 'years and months duration':
      return durationFromString(text.trim());
    default:
      return text;
  }
}

function xmlValue(e: XmlElement): FeelValue {
  const v = kid(e, 'value');
  if (v) {
    if (attr(v, 'nil') === 'true') return null;
    return typedValue(v.text, attr(v, 'type'));
  }
  const l = kid(e, 'list');
  if (l) {
    if (attr(l, 'nil') === 'true') return null;
    return kids(l, 'item').map(xmlValue);
  }
  const comps = kids(e, 'component');
  if (comps.length) return new FeelContext(new Map(comps.map((c) => [c.attrs.name, xmlValue(c)])));
  if (attr(e, 'nil') === 'true') return null;
  return null;
}

function same(actual: FeelValue, expected: FeelValue): boolean {
  if (expected instanceof Decimal && actual instanceof Decimal) {
    if (actual.eq(expected)) return true;
    const dp = expected.decimalPlaces();
    // Expected figures in the TCK are often rounded or double-computed: accept 8+ significant
    // digits when the actual value rounds to them or agrees to 12 significant digits.
    return expected.precision(true) >= 8 && (actual.toDecimalPlaces(dp).eq(expected) || actual.minus(expected).abs().lte(expected.abs().times('1e-12')));
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((x, i) => same(actual[i], x));
  if (expected instanceof FeelContext) {
    if (!(actual instanceof FeelContext)) return false;
    return [...expected.entries].every(([k, v]) => actual.entries.has(k) && same(actual.entries.get(k) ?? null, v)) && actual.entries.size === expected.entries.size;
  }
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === 'object' && typeof actual === 'object' && !(actual instanceof FeelFunction)) return feelToString(actual) === feelToString(expected) || feelEquals(actual, expected) === true && feelToString(actual).replace('Z', '+00:00') === feelToString(expected).replace('Z', '+00:00');
  return feelEquals(actual, expected) === true;
}

interface Model {
  types: Map<string, FeelType>;
  decisions: Map<string, XmlElement>;
  bkms: Map<string, XmlElement>;
  inputs: Map<string, XmlElement>;
  byId: Map<string, XmlElement>;
  names: string[];
}

function loadModel(file: string): Model {
  const doc = parseXml(readFileSync(file, 'utf8'));
  const defs = doc.children.find((c) => c.name === 'definitions');
  if (!defs) throw new Unsupported('no definitions');
  const m: Model = { types: new Map(), decisions: new Map(), bkms: new Map(), inputs: new Map(), byId: new Map(), names: [] };
  const visitNames = (e: XmlElement) => {
    if (e.attrs.name) m.names.push(e.attrs.name);
    e.children.forEach(visitNames);
  };
  visitNames(defs);
  for (const e of defs.children) {
    if (e.attrs.id) m.byId.set(e.attrs.id, e);
    if (e.name === 'decision') m.decisions.set(e.attrs.name, e);
    if (e.name === 'businessKnowledgeModel') m.bkms.set(e.attrs.name, e);
    if (e.name === 'inputData') m.inputs.set(e.attrs.name, e);
    if (e.name === 'itemDefinition') m.types.set(e.attrs.name, itemType(e));
  }
  return m;
}

function itemType(e: XmlElement): FeelType {
  const comps = kids(e, 'itemComponent');
  const fnItem = kid(e, 'functionItem');
  let t: FeelType;
  if (comps.length) t = { kind: 'context', fields: comps.map((c) => [c.attrs.name, itemType(c)]) };
  else if (fnItem) t = { kind: 'function', params: kids(fnItem, 'parameters').map((p) => parseType(p.attrs.typeRef ?? 'Any')), result: parseType(fnItem.attrs.outputTypeRef ?? 'Any') };
  else t = parseType(kid(e, 'typeRef')?.text.trim() || 'Any');
  return e.attrs.isCollection === 'true' ? { kind: 'list', of: t } : t;
}

function text(e: XmlElement): string {
  return kid(e, 'text')?.text ?? '';
}

function evalBoxed(e: XmlElement, scope: Map<string, FeelValue>, m: Model, warnings: string[]): FeelValue {
  switch (e.name) {
    case 'literalExpression': {
      const r = compileExpression(text(e), { names: m.names, types: (n) => m.types.get(n) }).evaluate(scope, { now: () => 0 });
      warnings.push(...r.warnings.map((w) => w.message));
      return r.value;
    }
    case 'context': {
      const inner = new Map(scope);
      const out = new Map<string, FeelValue>();
      for (const ce of kids(e, 'contextEntry')) {
        const v = kid(ce, 'variable');
        const body = ce.children.find((c) => c.name !== 'variable');
        if (!body) throw new Unsupported('empty context entry');
        const val = evalBoxed(body, inner, m, warnings);
        if (!v) return val;
        inner.set(v.attrs.name, val);
        out.set(v.attrs.name, val);
      }
      return new FeelContext(out);
    }
    case 'list':
      return e.children.map((c) => evalBoxed(c, scope, m, warnings));
    case 'functionDefinition':
      return boxedFunction(e, scope, m, warnings);
    case 'invocation': {
      const fn = evalBoxed(e.children[0], scope, m, warnings);
      const args = new Map<string, FeelValue>();
      for (const b of kids(e, 'binding')) {
        const p = kid(b, 'parameter');
        const body = b.children.find((c) => c.name !== 'parameter');
        args.set(p?.attrs.name ?? '', body ? evalBoxed(body, scope, m, warnings) : null);
      }
      const c = createCallContext();
      const r = invoke(fn, args, c);
      warnings.push(...c.warnings.map((w) => w.message));
      return r;
    }
    default:
      throw new Unsupported(e.name);
  }
}

function boxedFunction(e: XmlElement, scope: Map<string, FeelValue>, m: Model, warnings: string[]): FeelFunction {
  const params = kids(e, 'formalParameter').map((p) => ({ name: p.attrs.name, type: p.attrs.typeRef }));
  const body = e.children.find((c) => c.name !== 'formalParameter' && c.name !== 'extensionElements');
  if (attr(e, 'kind') === 'Java' && body) {
    const fn = javaFunctionFromContext(new FeelContext(new Map([['java', evalBoxed(body, scope, m, warnings)]])), params);
    if (!fn) throw new Unsupported('java method');
    return fn;
  }
  if (!body || attr(e, 'kind') && attr(e, 'kind') !== 'FEEL') throw new Unsupported('function kind');
  return makeFunction(params.map((p) => p.name), (args) => {
    const s = new Map(scope);
    params.forEach((p, i) => s.set(p.name, args[i]));
    return evalBoxed(body, s, m, warnings);
  });
}

function evalDecision(name: string, m: Model, inputs: Map<string, FeelValue>, memo: Map<string, FeelValue>, warnings: string[]): FeelValue {
  if (memo.has(name)) return memo.get(name) ?? null;
  const d = m.decisions.get(name);
  if (!d) throw new Unsupported(`no decision ${name}`);
  const scope = new Map(inputs);
  for (const [bn, b] of m.bkms) {
    const enc = kid(b, 'encapsulatedLogic');
    if (enc) {
      try {
        scope.set(bn, boxedFunction(enc, scope, m, warnings));
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
      }
    }
  }
  for (const r of kids(d, 'informationRequirement')) {
    const req = kid(r, 'requiredDecision');
    if (req) {
      const target = m.byId.get((req.attrs.href ?? '').replace(/^.*#/, ''));
      if (!target) throw new Unsupported('external requirement');
      scope.set(target.attrs.name, evalDecision(target.attrs.name, m, inputs, memo, warnings));
    }
  }
  const logic = d.children.find((c) => !['variable', 'informationRequirement', 'knowledgeRequirement', 'authorityRequirement', 'description', 'question', 'allowedAnswers', 'extensionElements'].includes(c.name));
  if (!logic) throw new Unsupported('no logic');
  const v = evalBoxed(logic, scope, m, warnings);
  memo.set(name, v);
  return v;
}

function* testDirs(): Generator<string> {
  for (const level of ['compliance-level-2', 'compliance-level-3']) {
    const base = join(ROOT, level);
    for (const d of readdirSync(base).sort()) if (statSync(join(base, d)).isDirectory() && d.includes(filter)) yield join(base, d);
  }
}

let pass = 0;
let fail = 0;
let skip = 0;
const failures: string[] = [];
for (const dir of testDirs()) {
  const files = readdirSync(dir);
  const dmn = files.filter((f) => f.endsWith('.dmn'));
  for (const tf of files.filter((f) => f.endsWith('.xml'))) {
    const doc = parseXml(readFileSync(join(dir, tf), 'utf8')).children.find((c) => c.name === 'testCases');
    if (!doc) continue;
    const modelName = kid(doc, 'modelName')?.text.trim() ?? dmn[0];
    let model: Model;
    try {
      model = loadModel(join(dir, modelName));
    } catch {
      skip += kids(doc, 'testCase').reduce((n, tc) => n + kids(tc, 'resultNode').length, 0);
      continue;
    }
    for (const tc of kids(doc, 'testCase')) {
      const inputs = new Map<string, FeelValue>();
      for (const inp of kids(tc, 'inputNode')) inputs.set(inp.attrs.name, xmlValue(inp));
      const memo = new Map<string, FeelValue>();
      for (const rn of kids(tc, 'resultNode')) {
        const id = `${dir.split('/').pop()}/${tf}#${tc.attrs.id}/${rn.attrs.name}`;
        const expectedEl = kid(rn, 'expected');
        const expected = expectedEl ? xmlValue(expectedEl) : null;
        const warnings: string[] = [];
        try {
          const actual = evalDecision(rn.attrs.name, model, inputs, memo, warnings);
          if (same(actual, expected) || (rn.attrs.errorResult === 'true' && actual === null)) pass++;
          else {
            fail++;
            failures.push(`${id}: expected ${feelToString(expected)} got ${feelToString(actual)}${warnings.length ? ' [' + warnings.slice(0, 2).join('; ') + ']' : ''}`);
          }
        } catch (e) {
          if (e instanceof Unsupported) skip++;
          else {
            fail++;
            failures.push(`${id}: ${(e as Error).message}`);
          }
        }
      }
    }
  }
}
if (verbose) for (const f of failures) console.log('FAIL', f);
console.log(`TCK (feel-only harness): pass ${pass}, fail ${fail}, skipped ${skip} (not literal-expression logic)`);
