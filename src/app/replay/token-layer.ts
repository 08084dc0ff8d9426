import { EDGE, NODE, type Frame, type ReplayIndex } from '../../replay';
import { caseColour } from './playback';

interface Shape { x: number; y: number; width: number; height: number; waypoints?: Array<{ x: number; y: number }> }
export interface ViewerParts {
  canvas: { viewbox(): { x: number; y: number; scale: number } };
  elementRegistry: { get(id: string): Shape | undefined };
}

const BUCKETS = 12;

/**
 * Draws a frame on a <canvas> laid over the bpmn-js diagram: the path taken so far (flows and
 * activities reached), every token (a dot per case, coloured by case, at its activity or along its
 * flow) and the token count per activity. One canvas, tokens batched by colour: 10,000 tokens
 * cost a few milliseconds, where one SVG element or overlay each would not keep up.
 */
export class TokenLayer {
  /** Per activity: centre x, y and half-size (NaN: not on the diagram). */
  private readonly nodes: Float64Array;
  /** Per edge: its polyline in diagram coordinates and the lengths along it. */
  private readonly edges: Array<{ points: number[]; lengths: number[] } | null>;
  private last: Frame | null = null;
  private frames = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly viewer: ViewerParts,
    private readonly index: ReplayIndex,
    /** Activity index → element id on the diagram (null: unmatched). */
    private readonly elementOf: ReadonlyArray<string | null>,
  ) {
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

  /** Draws `frame` (or the last one again, after a pan or zoom). */
  draw(frame: Frame | null = this.last): void {
    if (!frame) return;
    this.last = frame;
    const c = this.canvas;
    const dpr = globalThis.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    const vb = this.viewer.canvas.viewbox();
    const k = vb.scale * dpr;
    ctx.setTransform(k, 0, 0, k, -vb.x * k, -vb.y * k);
    this.drawPath(ctx, frame, vb.scale);
    this.drawTokens(ctx, frame, vb.scale);
    this.drawCounts(ctx, frame, vb.scale);
    this.describe(frame);
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

  private drawTokens(ctx: CanvasRenderingContext2D, f: Frame, scale: number): void {
    const r = Math.max(4, 5 / scale);
    for (let b = 0; b < BUCKETS; b++) {
      ctx.fillStyle = caseColour(b);
      ctx.beginPath();
      for (let t = 0; t < f.tokens; t++) {
        const kase = f.tokenCase[t];
        if (kase % BUCKETS !== b) continue;
        const p = this.position(f, t, kase);
        if (!p) continue;
        // Squares: a software-rasterised canvas (no GPU) fills 10,000 of them several times faster than arcs.
        ctx.rect(p[0] - r, p[1] - r, r * 2, r * 2);
      }
      ctx.fill();
    }
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

  /** Where token `t` is: at its activity (spread around the centre by case) or along its edge. */
  private position(f: Frame, t: number, kase: number): [number, number] | null {
    const place = f.tokenPlace[t];
    if (f.tokenKind[t] === NODE) {
      const x = this.nodes[place * 3];
      if (Number.isNaN(x)) return null;
      const spread = this.nodes[place * 3 + 2] * 0.6;
      const angle = kase * 2.399963;
      const dist = spread * Math.sqrt(((kase * 0.618034) % 1));
      return [x + Math.cos(angle) * dist, this.nodes[place * 3 + 1] + Math.sin(angle) * dist];
    }
    if (f.tokenKind[t] !== EDGE) return null;
    const g = this.edges[place];
    if (!g) return null;
    const along = f.tokenProgress[t] * g.lengths[g.lengths.length - 1];
    let i = 1;
    while (i < g.lengths.length - 1 && g.lengths[i] < along) i++;
    const seg = g.lengths[i] - g.lengths[i - 1] || 1;
    const u = (along - g.lengths[i - 1]) / seg;
    return [g.points[(i - 1) * 2] + (g.points[i * 2] - g.points[(i - 1) * 2]) * u, g.points[(i - 1) * 2 + 1] + (g.points[i * 2 + 1] - g.points[(i - 1) * 2 + 1]) * u];
  }
}
