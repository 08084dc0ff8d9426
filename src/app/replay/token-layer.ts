import { EDGE, NODE, type Frame, type ReplayIndex } from '../../replay';
import { hslToRgb, TokenPixels } from './token-pixels';

interface Shape { x: number; y: number; width: number; height: number; waypoints?: Array<{ x: number; y: number }> }
export interface ViewerParts {
  canvas: { viewbox(): { x: number; y: number; scale: number } };
  elementRegistry: { get(id: string): Shape | undefined };
}

const BUCKETS = 12;
/** The case colours (`caseColour` of 0..BUCKETS-1) as RGB for the pixel buffer. */
const BUCKET_RGB = Array.from({ length: BUCKETS }, (_, b) => hslToRgb((b * 137.508) % 360, 0.75, 0.45));

/**
 * Draws a frame on a <canvas> laid over the bpmn-js diagram: the path taken so far (flows and
 * activities reached), every token (a square per case, coloured by case, at its activity or along
 * its flow) and the token count per activity. One canvas; the tokens are written into a pixel
 * buffer and put on it in one call ({@link TokenPixels}), the path is drawn behind them and the
 * counts over them. Nothing per token touches the DOM, the canvas size is read from a
 * ResizeObserver (no layout read per frame), and positions go into reused typed arrays.
 */
export class TokenLayer {
  /** Per activity: centre x, y and half-size (NaN: not on the diagram). */
  private readonly nodes: Float64Array;
  /** Per edge: its polyline in diagram coordinates and the lengths along it. */
  private readonly edges: Array<{ points: number[]; lengths: number[] } | null>;
  private last: Frame | null = null;
  private frames = 0;
  private readonly pixels = new TokenPixels(BUCKET_RGB);
  private image: ImageData | null = null;
  private words: Uint32Array = new Uint32Array(0);
  private xy = new Float32Array(2048);
  private colourOf = new Uint8Array(1024);
  /** The canvas size in CSS pixels, from the observer. */
  private cssWidth = 0;
  private cssHeight = 0;
  private readonly resize: ResizeObserver | null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly viewer: ViewerParts,
    private readonly index: ReplayIndex,
    /** Activity index → element id on the diagram (null: unmatched). */
    private readonly elementOf: ReadonlyArray<string | null>,
  ) {
    this.cssWidth = canvas.clientWidth;
    this.cssHeight = canvas.clientHeight;
    this.resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      this.cssWidth = box.width;
      this.cssHeight = box.height;
      this.draw();
    });
    this.resize?.observe(canvas);
    const n = index.log.activities.length;
    this.nodes = new Float64Array(n * 3).fill(Number.NaN);
    for (let a = 0; a < n; a++) {
      const id = elementOf[a];
      const s = id ? viewer.elementRegistry.get(id) : undefined;
      if (!s || s.waypoints) continue;
      this.nodes.set([s.x + s.width / 2, s.y + s.height / 2, Math.min(s.width, s.height) / 2], a * 3);
    }
    this.edges = index.edges.map((e) => {
      const flow = e.flowId ? viewer.elementRegistry.get(e.flowId) : undefined;
      let points: number[] | null = null;
      if (flow?.waypoints) points = flow.waypoints.flatMap((p) => [p.x, p.y]);
      else if (e.from >= 0 && e.to >= 0 && !Number.isNaN(this.nodes[e.from * 3]) && !Number.isNaN(this.nodes[e.to * 3])) {
        points = [this.nodes[e.from * 3], this.nodes[e.from * 3 + 1], this.nodes[e.to * 3], this.nodes[e.to * 3 + 1]];
      }
      if (!points) return null;
      const lengths = [0];
      for (let i = 2; i < points.length; i += 2) lengths.push(lengths[lengths.length - 1] + Math.hypot(points[i] - points[i - 2], points[i + 1] - points[i - 1]));
      return { points, lengths };
    });
  }

  /** Stops observing the canvas. */
  dispose(): void {
    this.resize?.disconnect();
  }

  /** Draws `frame` (or the last one again, after a pan, zoom or resize). */
  draw(frame: Frame | null = this.last): void {
    if (!frame) return;
    this.last = frame;
    const c = this.canvas;
    const dpr = globalThis.devicePixelRatio || 1;
    const width = Math.round(this.cssWidth * dpr);
    const height = Math.round(this.cssHeight * dpr);
    if (c.width !== width || c.height !== height) {
      c.width = width;
      c.height = height;
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const vb = this.viewer.canvas.viewbox();
    const k = vb.scale * dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (width > 0 && height > 0) {
      if (!this.image || this.image.width !== width || this.image.height !== height) {
        this.image = ctx.createImageData(width, height);
        this.words = new Uint32Array(this.image.data.buffer);
      }
      const n = this.positions(frame, k, -vb.x * k, -vb.y * k);
      this.pixels.paint(this.words, width, height, this.xy, this.colourOf, n, Math.max(4, 5 / vb.scale) * k);
      ctx.putImageData(this.image, 0, 0);
    }
    ctx.setTransform(k, 0, 0, k, -vb.x * k, -vb.y * k);
    // The path goes behind the tokens already there, the counts over them.
    ctx.globalCompositeOperation = 'destination-over';
    this.drawPath(ctx, frame, vb.scale);
    ctx.globalCompositeOperation = 'source-over';
    this.drawCounts(ctx, frame, vb.scale);
    this.describe(frame);
  }

  /** Each token's place on the canvas (device pixels: diagram point × `k` + offset) into `xy`, its colour into `colourOf`. */
  private positions(f: Frame, k: number, dx: number, dy: number): number {
    const n = f.tokens;
    if (this.colourOf.length < n) {
      this.colourOf = new Uint8Array(n * 2);
      this.xy = new Float32Array(n * 4);
    }
    const xy = this.xy;
    for (let t = 0; t < n; t++) {
      const kase = f.tokenCase[t];
      this.colourOf[t] = kase % BUCKETS;
      if (this.place(f, t, kase, xy, 2 * t)) {
        xy[2 * t] = xy[2 * t] * k + dx;
        xy[2 * t + 1] = xy[2 * t + 1] * k + dy;
      } else xy[2 * t] = Number.NaN;
    }
    return n;
  }

  /** What is drawn, as data attributes (for tests and assistive tools: a canvas has no DOM of its own). */
  private describe(f: Frame): void {
    const active: Record<string, number> = {};
    for (let a = 0; a < f.active.length; a++) {
      const id = this.elementOf[a];
      if (f.active[a] > 0 && id) active[id] = (active[id] ?? 0) + f.active[a];
    }
    this.canvas.dataset.tokens = String(f.tokens);
    this.canvas.dataset.frames = String(++this.frames);
    this.canvas.dataset.active = JSON.stringify(active);
    this.canvas.setAttribute('aria-label', `${f.tokens} token${f.tokens === 1 ? '' : 's'}${Object.keys(active).length ? ` at ${Object.entries(active).map(([id, n]) => `${id} (${n})`).join(', ')}` : ''}`);
  }

  private drawPath(ctx: CanvasRenderingContext2D, f: Frame, scale: number): void {
    ctx.strokeStyle = 'rgba(22, 163, 74, 0.55)';
    ctx.lineWidth = 4 / Math.max(scale, 0.5);
    ctx.beginPath();
    this.edges.forEach((g, e) => {
      if (!g || !f.visitedEdges[e]) return;
      ctx.moveTo(g.points[0], g.points[1]);
      for (let i = 2; i < g.points.length; i += 2) ctx.lineTo(g.points[i], g.points[i + 1]);
    });
    for (let a = 0; a * 3 < this.nodes.length; a++) {
      if (!f.visitedNodes[a] || Number.isNaN(this.nodes[a * 3])) continue;
      const r = this.nodes[a * 3 + 2] + 4;
      ctx.moveTo(this.nodes[a * 3] + r, this.nodes[a * 3 + 1]);
      ctx.arc(this.nodes[a * 3], this.nodes[a * 3 + 1], r, 0, Math.PI * 2);
    }
    ctx.stroke();
  }

  private drawCounts(ctx: CanvasRenderingContext2D, f: Frame, scale: number): void {
    const size = 12 / Math.max(scale, 0.5);
    ctx.font = `bold ${size}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let a = 0; a < f.active.length; a++) {
      if (f.active[a] === 0 || Number.isNaN(this.nodes[a * 3])) continue;
      const x = this.nodes[a * 3] + this.nodes[a * 3 + 2];
      const y = this.nodes[a * 3 + 1] - this.nodes[a * 3 + 2];
      const text = String(f.active[a]);
      const w = Math.max(size * 1.6, ctx.measureText(text).width + size);
      ctx.fillStyle = '#2563eb';
      ctx.beginPath();
      ctx.roundRect(x - w / 2, y - size * 0.8, w, size * 1.6, size * 0.8);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.fillText(text, x, y);
    }
  }

  /** Where token `t` is, in diagram coordinates, written to `out[o]`, `out[o + 1]`: at its activity (spread around the centre by case) or along its edge; false when it is not on the diagram. */
  private place(f: Frame, t: number, kase: number, out: Float32Array, o: number): boolean {
    const place = f.tokenPlace[t];
    if (f.tokenKind[t] === NODE) {
      const x = this.nodes[place * 3];
      if (Number.isNaN(x)) return false;
      const spread = this.nodes[place * 3 + 2] * 0.6;
      const angle = kase * 2.399963;
      const dist = spread * Math.sqrt(((kase * 0.618034) % 1));
      out[o] = x + Math.cos(angle) * dist;
      out[o + 1] = this.nodes[place * 3 + 1] + Math.sin(angle) * dist;
      return true;
    }
    if (f.tokenKind[t] !== EDGE) return false;
    const g = this.edges[place];
    if (!g) return false;
    const along = f.tokenProgress[t] * g.lengths[g.lengths.length - 1];
    let i = 1;
    while (i < g.lengths.length - 1 && g.lengths[i] < along) i++;
    const seg = g.lengths[i] - g.lengths[i - 1] || 1;
    const u = (along - g.lengths[i - 1]) / seg;
    out[o] = g.points[(i - 1) * 2] + (g.points[i * 2] - g.points[(i - 1) * 2]) * u;
    out[o + 1] = g.points[(i - 1) * 2 + 1] + (g.points[i * 2 + 1] - g.points[(i - 1) * 2 + 1]) * u;
    return true;
  }
}
