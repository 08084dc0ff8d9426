import { describe, expect, it } from 'vitest';
import { ArchiveError, readArchive } from '../index';
import { HOSTILE_CASES } from './corpus';

describe('the hostile corpus', () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('given %s, when read, then it is refused naming the entry', (_name, hostile) => {
    const bytes = hostile.build();
    let caught: unknown;
    try {
      readArchive(bytes, hostile.limits);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArchiveError);
    const error = caught as ArchiveError;
    expect({ code: error.code, entry: error.entry }).toEqual({ code: hostile.code, entry: hostile.entry });
    expect(error.message).toBe(hostile.entry === null ? error.reason : `${hostile.entry}: ${error.reason}`);
    expect(error.reason.length).toBeGreaterThan(10);
  });

  it('given the corpus, then it covers every refusal the issue names', () => {
    const codes = new Set(HOSTILE_CASES.map((c) => c.code));
    for (const code of ['zipBomb', 'tooManyEntries', 'badPath', 'symlink', 'duplicate', 'xmlTooLarge', 'xmlDoctype', 'jsonPrototypeKey', 'notUtf8', 'newerFormat'] as const) {
      expect(codes).toContain(code);
    }
  });
});
