import { compileExpression, toJson } from '../../feel';
import type { FeelValue } from '../../feel/values';
import type { MatchedRule, TableAudit } from '../audit';
import { coerceAt, deeper, typeOf, type CompileContext, type Evaluator } from '../compile/context';
import type { FeelEval, FeelTest, Scope } from '../compile/feel-port';
import type { Session } from '../compile/session';
import type { DecisionTable } from '../model/types';
import type { DmnType } from '../types/dmn-type';
import { applyHitPolicy, priorityWinner, shapeRow } from './hit-policy';
import { TableIndex } from './table-index';

/** How decision tables find matching rules. `auto` indexes tables of at least 8 rules. */
export type TableIndexMode = 'auto' | 'always' | 'never';

const AUTO_INDEX_MIN_RULES = 8;
/** Output values see no variables. */
const NO_SCOPE: Scope = new Map();
/** From this many rules on, rule cells compile lazily (compile problems then surface on first use). */
const LAZY_CELLS_MIN_RULES = 200;

/** Wraps a compile step so that it runs on the first call and the result is reused. */
function onFirstUse<F extends (...args: never[]) => unknown>(compile: () => F): F {
  let compiled: F | undefined;
  return ((...args: Parameters<F>) => (compiled ??= compile())(...args)) as F;
}

interface CompiledOutput {
  readonly name: string;
  readonly type: DmnType;
  readonly allowed?: FeelTest;
  readonly priorities?: readonly FeelValue[];
  readonly defaultEntry?: FeelEval;
}

/**
 * Compiles a decision table: input expressions, every input and output entry, output values and
 * defaults, plus an index over the input entries (see {@link TableIndex}).
 *
 * @example
 * const ev = compileDecisionTable(table, cx);
 * ev(scope, session); // the hit policy's result; the table's audit lands in session.currentTables
 */
export function compileDecisionTable(dt: DecisionTable, cx: CompileContext, mode: TableIndexMode = cx.tableIndex ?? 'auto'): Evaluator {
  const tcx = deeper(cx, `decisionTable${dt.id ? ` ${dt.id}` : ''}`);
  const inputs = dt.inputs.map((input, i) => {
    const icx = deeper(tcx, `input ${i + 1}${input.label ? ` (${input.label})` : ''}`);
    return {
      label: input.label ?? input.expression,
      ev: tcx.feel.expression(input.expression, tcx.names, icx.site),
      allowed: input.inputValues ? tcx.feel.unaryTests(input.inputValues, tcx.names, deeper(icx, 'inputValues').site) : undefined,
    };
  });
  const outputs: CompiledOutput[] = dt.outputs.map((o, i) => {
    const ocx = deeper(tcx, `output ${i + 1}${o.name ? ` (${o.name})` : ''}`);
    return {
      name: o.name ?? '',
      type: typeOf(cx, o.typeRef),
      allowed: o.outputValues ? tcx.feel.unaryTests(o.outputValues, tcx.names, deeper(ocx, 'outputValues').site) : undefined,
      priorities: o.outputValues ? priorityList(o.outputValues) : undefined,
      defaultEntry: o.defaultOutputEntry ? tcx.feel.expression(o.defaultOutputEntry, tcx.names, deeper(ocx, 'defaultOutputEntry').site) : undefined,
    };
  });
  // Large tables compile their cells on first use: with the index most cells are never needed by
  // FEEL, and a 10,000-rule table then loads in a blink. Each cell still compiles at most once.
  const lazy = dt.rules.length >= LAZY_CELLS_MIN_RULES && cx.compileCells !== 'eager';
  const rules = dt.rules.map((rule, r) => {
    const rcx = deeper(tcx, `rule ${rule.id ?? r + 1}`);
    const test = (c: number) => () => tcx.feel.unaryTests(rule.inputEntries[c] ?? '-', tcx.names, deeper(rcx, `inputEntry ${c + 1}`).site);
    const output = (c: number) => () => tcx.feel.expression(rule.outputEntries[c] ?? '', tcx.names, deeper(rcx, `outputEntry ${c + 1}`).site);
    return {
      id: rule.id,
      annotations: rule.annotations,
      tests: inputs.map((_, c) => (lazy ? onFirstUse(test(c)) : test(c)())),
      outputs: outputs.map((_, c) => (lazy ? onFirstUse(output(c)) : output(c)())),
    };
  });
  const useIndex = mode === 'always' || (mode === 'auto' && rules.length >= AUTO_INDEX_MIN_RULES);
  const index = useIndex ? new TableIndex(dt.rules.map((r) => r.inputEntries), inputs.length) : undefined;
  const outputNames = outputs.map((o) => o.name);
  const site = tcx.site;

  const matchScan = (values: FeelValue[], scope: Scope, session: Session, firstOnly: boolean): number[] => {
    const out: number[] = [];
    for (let r = 0; r < rules.length; r++) {
      const tests = rules[r]!.tests;
      let ok = true;
      for (let c = 0; c < tests.length; c++) {
        if (tests[c]!(values[c] ?? null, scope, session) !== true) { ok = false; break; }
      }
      if (ok) {
        out.push(r);
        if (firstOnly) break;
      }
    }
    return out;
  };

  const matchIndexed = (values: FeelValue[], scope: Scope, session: Session, firstOnly: boolean): number[] => {
    const out: number[] = [];
    for (const r of index!.candidates(values)) {
      const tests = rules[r]!.tests;
      let ok = true;
      for (let c = 0; c < tests.length; c++) {
        if (index!.needsFeel(r, c) && tests[c]!(values[c] ?? null, scope, session) !== true) { ok = false; break; }
      }
      if (ok) {
        out.push(r);
        if (firstOnly) break;
      }
    }
    return out;
  };

  const priorities = outputs.map((o) => o.priorities);
  const hasDefaults = outputs.some((o) => o.defaultEntry);
  const policy = { hitPolicy: dt.hitPolicy, aggregation: dt.aggregation, outputNames, priorities };

  /** Records the table's audit when the session keeps one; returns `output`. */
  function audit(session: Session, values: FeelValue[], matched: number[], output: FeelValue, usedDefaults: boolean, chosen: readonly number[] = []): FeelValue {
    if (!session.currentTables) return output;
    const record: TableAudit = {
      tableId: dt.id,
      hitPolicy: dt.aggregation ? `${dt.hitPolicy} ${dt.aggregation}` : dt.hitPolicy,
      inputs: values.map((v) => toJson(v)),
      matched: matched.map((r): MatchedRule => ({ index: r, id: rules[r]!.id, annotations: rules[r]!.annotations })),
      output: toJson(output),
      usedDefaults,
      chosen,
    };
    session.currentTables.push(record);
    return output;
  }

  function applyOrWarn(rs: { rule: number; values: FeelValue[] }[], session: Session): FeelValue {
    const result = applyHitPolicy({ ...policy, rows: rs });
    if (result.ok) return result.value;
    session.warn(site, result.error);
    return null;
  }

  // The evaluator makes no closures per call (it runs once per evaluation, rules included).
  return function evaluateTable(scope, session) {
    const values = new Array<FeelValue>(inputs.length);
    for (let i = 0; i < inputs.length; i++) values[i] = inputs[i]!.ev(scope, session);
    for (let i = 0; i < inputs.length; i++) {
      const allowed = inputs[i]!.allowed;
      if (allowed && values[i] !== null && allowed(values[i]!, scope, session) !== true) {
        session.warn(site, `input ${i + 1} (${inputs[i]!.label}) is not one of its input values`);
        return audit(session, values, [], null, false);
      }
    }
    // With an audit (the studio shows every rule that matched), FIRST looks at all rules too.
    const firstOnly = dt.hitPolicy === 'FIRST' && !session.currentTables;
    const matched = index ? matchIndexed(values, scope, session, firstOnly) : matchScan(values, scope, session, firstOnly);
    if (matched.length === 0) {
      if (dt.aggregation === 'COUNT') return audit(session, values, matched, applyOrWarn([], session), false);
      if (hasDefaults) {
        const defaults = new Array<FeelValue>(outputs.length);
        for (let c = 0; c < outputs.length; c++) {
          const o = outputs[c]!;
          defaults[c] = o.defaultEntry ? convert(o, o.defaultEntry(scope, session), session) : null;
        }
        return audit(session, values, matched, shapeRow(defaults, outputNames), true);
      }
      return audit(session, values, matched, null, false);
    }
    const count = dt.hitPolicy === 'FIRST' ? 1 : matched.length;
    const rows = new Array<{ rule: number; values: FeelValue[] }>(count);
    for (let k = 0; k < count; k++) {
      const r = matched[k]!;
      const evs = rules[r]!.outputs;
      const row = new Array<FeelValue>(evs.length);
      for (let c = 0; c < evs.length; c++) row[c] = convert(outputs[c]!, evs[c]!(scope, session), session);
      rows[k] = { rule: r, values: row };
    }
    const output = applyOrWarn(rows, session);
    return session.currentTables ? audit(session, values, matched, output, false, chosenRules(dt.hitPolicy, rows, priorities)) : output;
  };

  function chosenRules(hitPolicy: string, rows: readonly { rule: number; values: FeelValue[] }[], priorities: Parameters<typeof priorityWinner>[1]): number[] {
    if (hitPolicy === 'PRIORITY') return [priorityWinner(rows, priorities).rule];
    if (hitPolicy === 'UNIQUE' || hitPolicy === 'ANY' || hitPolicy === 'FIRST') return rows.length === 1 || hitPolicy !== 'UNIQUE' ? [rows[0]!.rule] : [];
    return rows.map((r) => r.rule);
  }

  function convert(o: CompiledOutput, v: FeelValue, session: Session): FeelValue {
    const typed = coerceAt(v, o.type, session, site, `output '${o.name}'`);
    if (typed !== null && o.allowed && o.allowed(typed, NO_SCOPE, session) !== true) {
      session.warn(site, `output '${o.name}' value is not one of its output values`);
      return null;
    }
    return typed;
  }
}

/** The output values as a list, in priority order; undefined when they are not plain values. */
function priorityList(outputValues: string): FeelValue[] | undefined {
  try {
    const r = compileExpression(`[${outputValues}]`, { names: [] }).evaluate(new Map());
    return Array.isArray(r.value) && r.warnings.length === 0 ? r.value : undefined;
  } catch {
    return undefined;
  }
}
