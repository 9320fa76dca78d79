/**
 * Runs one load in its own process, so the load generator's event loop never delays the latency it
 * measures (nor the mock Connector's). Prints a LoadResult as JSON on stdout.
 *   tsx bench/load-worker.ts '{"kind":"customer","url":...}'
 *
 * With `rate`: an open-loop load (loadtest's requestsPerSecond). Requests leave at evenly spaced times
 * whether or not earlier ones have been answered, which is what "p99 at N activities/s" means.
 * autocannon's `overallRate` is not used for that on purpose: it lets each connection send back to back
 * until its per-second quota is spent, so "500/s" arrives as a burst at the start of every second and
 * measures queueing behind 16 outstanding requests instead.
 * Without `rate`: autocannon flat out over `connections` keep-alive connections (closed loop), for the
 * saturation throughput.
 */
import { appendFileSync } from 'node:fs';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { loadTest } from 'loadtest';
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

// loadtest 8's bundled typings describe an older callback API; this is the promise API it ships.
type LoadtestRun = (opts: Record<string, unknown>) => Promise<{
  totalRequests: number;
  totalErrors: number;
  effectiveRps: number;
  maxLatencyMs: number;
  percentiles: Record<string, number>;
  histogramMs: Record<string, number>;
  errorCodes: Record<string, number>;
}>;

// LOAD_TRACE=file: appends "ms-since-start latency" for every request slower than 8 ms (diagnostics).
const slow: string[] = [];
const traceSlow = (_e: unknown, res?: { requestElapsed?: number }) => {
  if ((res?.requestElapsed ?? 0) > 8) slow.push(`${Date.now()} ${Math.round(res!.requestElapsed!)}`);
};
process.on('exit', () => {
  if (process.env.LOAD_TRACE && slow.length)
    appendFileSync(process.env.LOAD_TRACE, `${slow.join('\n')}\n---\n`);
});

async function openLoop(rate: number): Promise<LoadResult> {
  const customer = job.kind === 'customer';
  const r = await (loadTest as unknown as LoadtestRun)({
    url: customer ? `${job.url}/api/messages` : `${job.url}${agentPath(0)}`,
    method: 'POST',
    requestsPerSecond: rate,
    maxSeconds: job.duration,
    agentKeepAlive: true,
    quiet: true,
    ...(process.env.LOAD_TRACE ? { statusCallback: traceSlow } : {}),
    // Each request gets its own body (and, for agents, its own conversation): unique activity ids.
    requestGenerator: (
      _opts: unknown,
      params: Omit<RequestOptions, 'headers'> & { headers?: Record<string, string> },
      request: (p: RequestOptions, cb: (res: IncomingMessage) => void) => ClientRequest,
      callback: (res: IncomingMessage) => void,
    ) => {
      const body = customer
        ? activityBody(job.serviceUrl, job.conversations, job.prefix ?? 'b')
        : JSON.stringify({ text: agentText(++m) });
      const headers: Record<string, string> = {
        ...params.headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...(customer ? {} : { authorization: `Bearer ${job.key}` }),
      };
      const req = request({ ...params, headers, ...(customer ? {} : { path: agentPath(m) }) }, callback);
      req.end(body);
      return req;
    },
  });
  // histogramMs counts requests per whole millisecond of latency: enough for the tail we report.
  const hist = Object.entries(r.histogramMs)
    .map(([ms, n]) => [Number(ms), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = hist.reduce((s, [, n]) => s + n, 0);
  const quantile = (q: number) => {
    let seen = 0;
    for (const [ms, n] of hist) {
      seen += n;
      if (seen >= q * total) return ms;
    }
    return r.maxLatencyMs;
  };
  const non2xx = Object.entries(r.errorCodes)
    .filter(([code]) => /^\d+$/.test(code) && code !== '-1')
    .reduce((s, [, n]) => s + n, 0);
  return {
    mode: 'open-loop',
    p50: quantile(0.5),
    p90: quantile(0.9),
    p99: quantile(0.99),
    p999: quantile(0.999),
    max: r.maxLatencyMs,
    rps: r.effectiveRps,
    sent: r.totalRequests,
    non2xx,
    errors: r.totalErrors - non2xx,
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
