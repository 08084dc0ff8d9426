import type { Figure } from '../../simulation';

/** Seconds as a short duration: `42 s`, `3.5 min`, `2.1 h`, `1.4 d`. */
export function duration(seconds: number): string {
  const a = Math.abs(seconds);
  if (a < 120) return `${round(seconds)} s`;
  if (a < 7200) return `${round(seconds / 60)} min`;
  if (a < 172_800) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86_400)} d`;
}

export function round(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function percent(x: number): string {
  return `${round(x * 100)}%`;
}

/** The figure's cells: mean, median, p90, min, max, 95% interval. */
export function figureCells(f: Figure, show: (x: number) => string): string[] {
  return [show(f.mean), show(f.median), show(f.p90), show(f.min), show(f.max), `${show(f.ci95[0])} – ${show(f.ci95[1])}`];
}
