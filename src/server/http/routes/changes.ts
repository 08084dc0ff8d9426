import type { ServerContext } from '../../context';
import type { ChangeSink } from '../change-feed';
import type { App } from '../shapes';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /events`: a server-sent event stream of the engine's commits, `data: {"type":"changed",
 * "instanceIds":[...],"at":ms}` (the studio's change notifications, ADR 0150), a comment line
 * every 15 s so proxies keep it open. Any signed-in user with read, tasks or work.
 */
export function changeRoutes(app: App, ctx: ServerContext): void {
  const ends = new Map<ChangeSink, () => void>();
  app.addHook('preClose', async () => ctx.changes.close((sink) => ends.get(sink)?.()));

  app.get('/events', { config: { permission: ['read', 'tasks', 'work'] }, schema: { tags: ['engine'], summary: 'Server-sent events: the instances each commit changed' } }, (req, reply) => {
    // The stream outlives Fastify's reply: write the headers the hooks set (CORS, request id, helmet) ourselves.
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { ...reply.getHeaders(), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' } as Record<string, string>);
    raw.write(`: flowdeck events\n\n`);
    const sink: ChangeSink = (change) => void raw.write(`data: ${JSON.stringify(change)}\n\n`);
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const off = ctx.changes.subscribe(sink);
    const end = () => {
      clearInterval(heartbeat);
      off();
      ends.delete(sink);
      if (!raw.writableEnded) raw.end();
    };
    ends.set(sink, end);
    req.raw.once('close', end);
  });
}
