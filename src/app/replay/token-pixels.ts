/**
 * Token squares written straight into a canvas-sized pixel buffer (an `ImageData`'s pixels as
 * 32-bit words): 10,000 tokens are a few hundred thousand word writes, where a path of 10,000
 * rectangles handed to a software-rasterised canvas was most of a frame (docs/replay.md "Frames").
 */
export class TokenPixels {
  /** RGBA colours as the buffer's words (the platform's byte order). */
  private readonly words: Uint32Array;

  constructor(colours: ReadonlyArray<readonly [number, number, number]>) {
    const bytes = new Uint8ClampedArray(colours.length * 4);
    colours.forEach(([r, g, b], i) => bytes.set([r, g, b, 255], i * 4));
    this.words = new Uint32Array(bytes.buffer);
  }

  /**
   * Clears `pixels` (`width` × `height`) and fills a square of side `2 * half` (device pixels)
   * centred on each of the `n` points (`xy`: x0, y0, x1, y1, ...) in colour `colourOf[i]`;
   * squares are clipped at the edges. Returns how many squares were drawn (some part on screen).
   */
  paint(pixels: Uint32Array, width: number, height: number, xy: Float32Array, colourOf: Uint8Array, n: number, half: number): number {
    pixels.fill(0);
    const side = Math.max(1, Math.round(half * 2));
    let drawn = 0;
    for (let i = 0; i < n; i++) {
      const x0 = Math.round(xy[2 * i] - half);
      const y0 = Math.round(xy[2 * i + 1] - half);
      const xa = x0 < 0 ? 0 : x0;
      const ya = y0 < 0 ? 0 : y0;
      const xb = Math.min(width, x0 + side);
      const yb = Math.min(height, y0 + side);
      if (xa >= xb || ya >= yb || xy[2 * i] !== xy[2 * i]) continue;
      const c = this.words[colourOf[i]];
      // Short rows by hand: a native fill call per row of a dozen pixels costs more than the writes.
      for (let y = ya; y < yb; y++) {
        const row = y * width;
        for (let x = row + xa, end = row + xb; x < end; x++) pixels[x] = c;
      }
      drawn++;
    }
    return drawn;
  }
}

/** `hsl(h, s%, l%)` as RGB bytes (the case colours of `caseColour`, for {@link TokenPixels}). */
export function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}
