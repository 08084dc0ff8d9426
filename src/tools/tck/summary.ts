import type { CaseResult } from './runner';

/** Headline figures of a TCK run (compliance levels 2 and 3; non-compliant reported apart). */
export interface TckSummary {
  readonly passed: number;
  readonly total: number;
  readonly level2: { passed: number; total: number };
  readonly level3: { passed: number; total: number };
  readonly valueExpected: { passed: number; total: number };
  readonly withoutArithmetic: { passed: number; total: number };
  readonly files: { passed: number; total: number };
  readonly nonCompliant: { passed: number; total: number };
}

const count = (rs: readonly CaseResult[]) => ({ passed: rs.filter((r) => r.outcome === 'SUCCESS').length, total: rs.length });

/** Computes the headline figures from case results. */
export function summarize(results: readonly CaseResult[]): TckSummary {
  const compliant = results.filter((r) => r.level !== 'non-compliant');
  const files = new Map<string, boolean>();
  for (const r of compliant) {
    const key = `${r.level}/${r.folder}/${r.testFile}`;
    files.set(key, (files.get(key) ?? true) && r.outcome === 'SUCCESS');
  }
  const all = count(compliant);
  return {
    ...all,
    level2: count(compliant.filter((r) => r.level === 'compliance-level-2')),
    level3: count(compliant.filter((r) => r.level === 'compliance-level-3')),
    valueExpected: count(compliant.filter((r) => r.valueExpected)),
    withoutArithmetic: count(compliant.filter((r) => r.folder !== '0100-arithmetic')),
    files: { passed: [...files.values()].filter(Boolean).length, total: files.size },
    nonCompliant: count(results.filter((r) => r.level === 'non-compliant')),
  };
}

const pct = (p: number, t: number) => (t === 0 ? '-' : `${((100 * p) / t).toFixed(2)}%`);
const line = (label: string, x: { passed: number; total: number }) => `  ${label.padEnd(34)} ${String(x.passed).padStart(5)} / ${String(x.total).padEnd(5)} ${pct(x.passed, x.total)}`;

/** The summary as printable lines. */
export function formatSummary(s: TckSummary): string {
  return [
    'DMN TCK results (compliance levels 2 + 3)',
    line('total', s),
    line('compliance level 2', s.level2),
    line('compliance level 3', s.level3),
    line('value-expected cases only', s.valueExpected),
    line('without 0100-arithmetic', s.withoutArithmetic),
    line('test files fully passed', s.files),
    line('non-compliant (reported apart)', s.nonCompliant),
  ].join('\n');
}

/** CSV in the TCK's results format: folder, test file, case id, outcome, detail. */
export function toCsv(results: readonly CaseResult[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""').replace(/\r?\n/g, ' ')}"`;
  return results.map((r) => [`${r.level}/${r.folder}`, r.testFile, r.id, r.outcome, r.detail].map(q).join(',')).join('\n') + '\n';
}

/**
 * The most frequent causes among failed cases: warnings (and error details) with numbers, quoted
 * text and names generalised, so that one FEEL gap shows up as one line with its count.
 */
export function topCauses(results: readonly CaseResult[], limit = 25): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of results) {
    if (r.outcome === 'SUCCESS' || r.level === 'non-compliant') continue;
    const causes = new Set<string>();
    for (const w of r.warnings) causes.add(generalise(w));
    if (causes.size === 0) causes.add(r.outcome === 'ERROR' ? `ERROR ${generalise(r.detail)}` : 'wrong value without warning');
    for (const c of causes) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit);
}

function generalise(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/-?\d+(\.\d+)?/g, 'N')
    .slice(0, 140);
}
