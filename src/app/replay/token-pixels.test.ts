import { describe, expect, it } from 'vitest';
import { hslToRgb, TokenPixels } from './token-pixels';

const word = (r: number, g: number, b: number) => new Uint32Array(new Uint8ClampedArray([r, g, b, 255]).buffer)[0];

describe('TokenPixels', () => {
  it('given two tokens, one half off the left edge, when painted, then each is a square of its colour, clipped, and the rest is cleared', () => {
    const p = new TokenPixels([[255, 0, 0], [0, 0, 255]]);
    const w = 10;
    const h = 6;
    const pixels = new Uint32Array(w * h).fill(7);
    const drawn = p.paint(pixels, w, h, new Float32Array([5, 3, 0, 0]), new Uint8Array([0, 1]), 2, 1);
    expect(drawn).toBe(2);
    const at = (x: number, y: number) => pixels[y * w + x];
    expect([at(4, 2), at(5, 2), at(4, 3), at(5, 3)]).toEqual(Array(4).fill(word(255, 0, 0)));
    expect(at(6, 3)).toBe(0);
    expect(at(3, 2)).toBe(0);
    expect(at(0, 0)).toBe(word(0, 0, 255));
    expect(at(1, 0)).toBe(0);
    expect(pixels.filter((v) => v !== 0).length).toBe(5);
  });

  it('given a token off the canvas or at no position (NaN), when painted, then nothing is drawn for it', () => {
    const p = new TokenPixels([[0, 0, 0]]);
    const pixels = new Uint32Array(16);
    expect(p.paint(pixels, 4, 4, new Float32Array([50, 50, Number.NaN, 1]), new Uint8Array(2), 2, 1)).toBe(0);
    expect(pixels.every((v) => v === 0)).toBe(true);
  });

  it('given the case colours as hsl, when converted, then they are the RGB a browser gives', () => {
    expect(hslToRgb(0, 0.75, 0.45)).toEqual([201, 29, 29]);
    expect(hslToRgb(120, 1, 0.5)).toEqual([0, 255, 0]);
    expect(hslToRgb(240, 1, 0.25)).toEqual([0, 0, 128]);
  });
});
