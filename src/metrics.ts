import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Stores } from './storage/ports.js';

/** What the pipeline reports. Labels are types, rules and kinds: never values. */
export interface PipelineObserver {
  turn(direction: 'inbound' | 'outbound'): void;
  masked(types: readonly string[]): void;
  blocked(rule: string): void;
  delivered(): void;
  verification(kind: string): void;
  notificationFailed(kind: string): void;
}

export const NOOP_OBSERVER: PipelineObserver = {
  turn() {},
  masked() {},
  blocked() {},
  delivered() {},
  verification() {},
  notificationFailed() {},
};

export interface Metrics {
  registry: Registry;
  observer: PipelineObserver;
  httpMiddleware: RequestHandler;
  /** Records one HTTP request handled outside express (the channel endpoint's direct path). */
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  instrument<S>(stores: Stores<S>): Stores<S>;
}

/** Prometheus metrics (prom-client): turns, masks by type, blocks by rule, verification, store and HTTP latency. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'veil_process_' });
  const turns = new Counter({
    name: 'veil_turns_total',
    help: 'Turns processed',
    labelNames: ['direction'],
    registers: [registry],
  });
  const masks = new Counter({
    name: 'veil_masks_total',
    help: 'Values masked, by entity type',
    labelNames: ['type'],
    registers: [registry],
  });
  const blocks = new Counter({
    name: 'veil_blocks_total',
    help: 'Agent messages blocked, by rule',
    labelNames: ['rule'],
    registers: [registry],
  });
  const delivered = new Counter({
    name: 'veil_delivered_total',
    help: 'Agent messages delivered',
    registers: [registry],
  });
  const verification = new Counter({
    name: 'veil_verification_events_total',
    help: 'Verification outcomes and events, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const notifyFailures = new Counter({
    name: 'veil_notification_failures_total',
    help: 'Notifications that could not be delivered, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const store = new Histogram({
    name: 'veil_store_seconds',
    help: 'Store operation latency',
    labelNames: ['store', 'op'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const http = new Histogram({
    name: 'veil_http_request_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  const observer: PipelineObserver = {
    turn: (direction) => turns.inc({ direction }),
    masked: (types) => {
      for (const type of types) masks.inc({ type });
    },
    blocked: (rule) => blocks.inc({ rule }),
    delivered: () => delivered.inc(),
    verification: (kind) => verification.inc({ kind }),
    notificationFailed: (kind) => notifyFailures.inc({ kind }),
  };

  // Label sets are few (routes x methods x statuses, stores x ops): their children are looked up once,
  // not hashed again on every request and store call of the hot path.
  const httpSeries = new Map<string, { observe(v: number): void }>();
  const observeHttp = (method: string, route: string, status: number, seconds: number): void => {
    const key = `${method} ${route} ${status}`;
    let series = httpSeries.get(key);
    if (!series) {
      series = http.labels({ method, route, status: String(status) });
      httpSeries.set(key, series);
    }
    series.observe(seconds);
  };
  const httpMiddleware: RequestHandler = (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      // The matched route pattern, not the URL: ids must not become label values.
      const path = (req.route as { path?: string } | undefined)?.path;
      const route = path ? `${req.baseUrl}${path}` : 'unmatched';
      observeHttp(req.method, route, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };

  function wrap<T extends object>(name: string, target: T): T {
    const timed = new Map<PropertyKey, (...args: unknown[]) => unknown>();
    return new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if (typeof value !== 'function' || prop === 'subscribe') return value;
        let fn = timed.get(prop);
        if (!fn) {
          const series = store.labels({ store: name, op: String(prop) });
          const method = value as (...a: unknown[]) => unknown;
          fn = (...args: unknown[]) => {
            const started = performance.now();
            const done = () => series.observe((performance.now() - started) / 1000);
            const result = method.apply(obj, args);
            if (result instanceof Promise) return result.finally(done);
            done();
            return result;
          };
          timed.set(prop, fn);
        }
        return fn;
      },
    });
  }

  return {
    registry,
    observer,
    httpMiddleware,
    observeHttp,
    instrument: (stores) => ({
      ...stores,
      state: wrap('state', stores.state),
      dedup: wrap('dedup', stores.dedup),
      transcripts: wrap('transcripts', stores.transcripts),
      audit: wrap('audit', stores.audit),
      events: stores.events,
      close: () => stores.close(),
    }),
  };
}
