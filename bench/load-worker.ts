/**
 * Runs one load in its own process, so the load generator's event loop never delays the latency it
 * measures (nor the mock Connector's). Prints a LoadResult as JSON on stdout.
 *   tsx bench/load-worker.ts '{"kind":"customer","url":...}'
 *
 * With `rate`: an open-loop load over undici's connection pool. Request i is due at start + i/rate and
 * leaves then whether or not earlier ones have been answered; its latency runs from that due time, so a
 * late generator or a queue never hides behind the measurement (no coordinated omission). That is what
 * "p99 at N activities/s" means. autocannon's `overallRate` is not used for that on purpose: it lets
 * each connection send back to back until its per-second quota is spent, so "500/s" arrives as a burst
 * at the start of every second and measures queueing behind 16 outstanding requests instead.
 * Without `rate`: autocannon flat out over `connections` keep-alive connections (closed loop), for the
 * saturation throughput.
 */
import { appendFileSync } from 'node:fs';
import { Pool } from 'undici';
import { activityBody, cannon } from './support.js';

interface Job {
  kind: 'customer' | 'agent';
  url: string;
  serviceUrl: string;
  duration: number;
  rate?: number;
  conversations: number;
  connections: number;
  key?: string;
  conversationIds?: string[];
  prefix?: string;
}

export interface LoadResult {
  mode: 'open-loop' | 'closed-loop';
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  rps: number;
  sent: number;
  non2xx: number;
  errors: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
let m = 0;

const agentText = (i: number) =>
  `Thanks for waiting! Your order ships tomorrow and the refund of $${i % 90}.99 is on its way.`;
const agentPath = (i: number) => {
  const ids = job.conversationIds ?? [];
  return `/agent/v1/conversations/${ids[i % ids.length]}/messages`;
};

// LOAD_TRACE=file: appends "ms-since-start latency" for every request slower than 8 ms (diagnostics).
const slow: string[] = [];
process.on('exit', () => {
  if (process.env.LOAD_TRACE && slow.length)
    appendFileSync(process.env.LOAD_TRACE, `${slow.join('\n')}\n---\n`);
});

/**
 * Open loop: request i is due at start + i/rate. A timer wakes every millisecond and sends whatever is
 * due; latency runs from the due time, not the send time, so a late generator never hides queueing
 * (no coordinated omission). Connections are opened before the clock starts, and undici reuses them.
 */
async function openLoop(rate: number): Promise<LoadResult> {
  const customer = job.kind === 'customer';
  // Enough connections that a slow answer never holds back the next due request (a true open loop).
  const connections = Math.max(job.connections, 64);
  const pool = new Pool(job.url, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  await Promise.all(
    Array.from({ length: connections }, () =>
      pool.request({ path: '/healthz', method: 'GET' }).then((r) => r.body.dump()),
    ),
  );
  const total = Math.round(rate * job.duration);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let sent = 0;
  let done = 0;
  let non2xx = 0;
  let errors = 0;
  const t0 = performance.now();
  const send = (due: number) => {
    const body = customer
      ? activityBody(job.serviceUrl, job.conversations, job.prefix ?? 'b')
      : JSON.stringify({ text: agentText(++m) });
    const headers: Record<string, string> = customer
      ? { 'content-type': 'application/json' }
      : { 'content-type': 'application/json', authorization: `Bearer ${job.key}` };
    pool
      .request({ path: customer ? '/api/messages' : agentPath(m), method: 'POST', headers, body })
      .then(
        async (res) => {
          await res.body.dump();
          if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
        },
        () => {
          errors++;
        },
      )
      .finally(() => {
        const latency = performance.now() - due;
        latencies.push(latency);
        if (process.env.LOAD_TRACE && latency > 8) slow.push(`${Date.now()} ${Math.round(latency)}`);
        done++;
      });
  };
  // Wakes when the next request is due (not on a fixed 1 ms tick, whose wake-ups cost the machine CPU
  // the system under test needs) and sends everything due by then.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + sent * interval <= now) {
        send(t0 + sent * interval);
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    tick();
  });
  const elapsed = (performance.now() - t0) / 1000;
  // Wait for the stragglers (bounded), so every request sent is counted.
  const deadline = Date.now() + 30_000;
  while (done < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  await pool.close();
  const measured = latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(measured[Math.min(measured.length - 1, Math.ceil(p * measured.length) - 1)] ?? 0);
  return {
    mode: 'open-loop',
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    p999: q(0.999),
    max: Math.round(measured[measured.length - 1] ?? 0),
    rps: Math.round(sent / elapsed),
    sent,
    non2xx,
    errors: errors + (sent - done),
  };
}

async function closedLoop(): Promise<LoadResult> {
  const result = await cannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    requests: [
      job.kind === 'customer'
        ? {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({
              ...req,
              body: activityBody(job.serviceUrl, job.conversations, job.prefix ?? 'b'),
            }),
          }
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${job.key}` },
            setupRequest: (req) => {
              m++;
              return { ...req, path: agentPath(m), body: JSON.stringify({ text: agentText(m) }) };
            },
          },
    ],
  });
  return {
    mode: 'closed-loop',
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    max: result.latency.max,
    rps: Math.round(result.requests.average),
    sent: result.requests.sent,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const out = job.rate ? await openLoop(job.rate) : await closedLoop();
process.stdout.write(JSON.stringify(out));
