import { describe, expect, it } from 'vitest';
import { formatRelative } from './format-time';

describe('formatRelative', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);
  it('reads as just now / minutes / hours, then a date', () => {
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatRelative(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatRelative(now - 3 * 86_400_000, now)).toMatch(/2026/);
  });
});
