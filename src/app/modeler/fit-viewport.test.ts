import { describe, expect, it } from 'vitest';
import { viewboxToFit } from './fit-viewport';

describe('viewboxToFit', () => {
  const outer = { width: 1000, height: 600 };

  it('given a palette 60 px wide, then the diagram lands right of it, centred in the rest', () => {
    const inner = { x: 0, y: 0, width: 800, height: 400 };
    const box = viewboxToFit(inner, outer, { left: 60, top: 0, right: 0, bottom: 0 });
    const scale = outer.width / box.width;
    // screen x of the diagram's left edge
    expect((inner.x - box.x) * scale).toBeGreaterThanOrEqual(60 + 24 - 0.001);
    expect((inner.x + inner.width - box.x) * scale).toBeLessThanOrEqual(1000 - 24 + 0.001);
    expect(((inner.x + inner.width / 2 - box.x) * scale)).toBeCloseTo(60 + 940 / 2);
  });

  it('never zooms a small diagram in beyond 100 %', () => {
    const box = viewboxToFit({ x: 100, y: 100, width: 100, height: 80 }, outer, { left: 60, top: 0, right: 0, bottom: 0 });
    expect(outer.width / box.width).toBe(1);
  });

  it('zooms a large diagram out to fit the free height', () => {
    const box = viewboxToFit({ x: -500, y: 0, width: 400, height: 2000 }, outer, { left: 60, top: 0, right: 0, bottom: 0 });
    expect(outer.height / box.height).toBeCloseTo((600 - 48) / 2000);
  });
});
