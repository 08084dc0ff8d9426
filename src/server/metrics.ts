import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SqliteStore } from './store/sqlite-store';
import type { SqliteDb } from './store/schema';

/**
 * Prometheus metrics (prom-client, own registry): requests and their latencies by route,
 * instances by state, jobs, open incidents and the database (size; SQLite is one connection,
 * `flowdeck_db_connections` says so) read at scrape time, plus Node's process metrics.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly latency: Histogram<'method' | 'route'>;

  constructor(store: SqliteStore, db: SqliteDb) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({ name: 'flowdeck_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers });
    this.latency = new Histogram({
      name: 'flowdeck_http_request_duration_seconds', help: 'HTTP request latency by method and route', labelNames: ['method', 'route'], registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    new Gauge({
      name: 'flowdeck_instances', help: 'Process instances by state', labelNames: ['state'], registers,
      collect() {
        for (const [state, n] of Object.entries(store.countByState())) this.set({ state }, n);
      },
    });
    let work: ReturnType<SqliteStore['countOpenWork']> | undefined;
    const openWork = () => (work ??= store.countOpenWork());
    new Gauge({
      name: 'flowdeck_jobs', help: 'Open jobs of running instances: available now, or locked / backing off', labelNames: ['state'], registers,
      collect() {
        work = undefined;
        const w = openWork();
        this.set({ state: 'available' }, w.jobsAvailable);
        this.set({ state: 'locked' }, w.jobsLocked);
      },
    });
    new Gauge({ name: 'flowdeck_incidents_open', help: 'Open incidents of running instances', registers, collect() { this.set(openWork().incidents); } });
    new Gauge({
      name: 'flowdeck_db_size_bytes', help: 'SQLite database size (pages x page size)', registers,
      collect() { this.set((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)); },
    });
    new Gauge({ name: 'flowdeck_db_connections', help: 'Open database connections (SQLite: one, in process)', registers, collect() { this.set(db.open ? 1 : 0); } });
  }
}
