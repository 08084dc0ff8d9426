/**
 * "just now", "5 min ago", "3 h ago", then the date: changelog times that read at a glance.
 *
 * @example
 * formatRelative(Date.now() - 120_000, Date.now()) // '2 min ago'
 */
export function formatRelative(then: number, now: number): string {
  const s = Math.round((now - then) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(then).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
