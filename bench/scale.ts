/**
 * Scale benchmark: customer activities through 1 Veil on SQLite, 1 on Redis + PostgreSQL, and 2 on
 * Redis + PostgreSQL (load split across both, as a non-sticky balancer would), side by side. The fixed
 * rate is an open-loop load (evenly spaced arrivals); flat out is closed loop over 16 connections.
 *   npm run bench:scale          (RATE=400 DURATION=10 CONVERSATIONS=200 to change)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startMockConnector } from '../test/fixtures/mock-connector.js';
import { combine, type Instance, loadProcess, startVeil } from './support.js';

const RATE = Number(process.env.RATE ?? 400);
const DURATION = Number(process.env.DURATION ?? 10);
const CONVERSATIONS = Number(process.env.CONVERSATIONS ?? 200);
const PG_ADMIN = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function main() {
  // Only counted: the customer flow measured here never replies, and nothing is asserted on requests.
  const connector = await startMockConnector({ record: 'count' });
  const dir = mkdtempSync(join(tmpdir(), 'veil-scale-'));
  const db = `veil_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(PG_ADMIN);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  const common = {
    VEIL_SECRET: 'scale-bench-secret-0123456789abcdef0123',
    VEIL_AGENT_KEYS: `bench:agent:${'k'.repeat(24)}`,
    VEIL_OUTBOX: join(dir, 'outbox.jsonl'),
  };
  const shared = {
    ...common,
    VEIL_STATE: REDIS,
    VEIL_REDIS_PREFIX: `${db}:`,
    VEIL_STORE: `postgres://postgres@127.0.0.1:5432/${db}`,
    VEIL_MIGRATE: 'auto',
  };
  const port = 43_000 + Math.floor(Math.random() * 1000);
  const rows: string[] = [];
  const measure = async (name: string, instances: Instance[], prefix: string) => {
    // One load process per instance, as a non-sticky balancer would split the traffic.
    const each = async (rate?: number, duration = DURATION) =>
      combine(
        await Promise.all(
          instances.map((i) =>
            loadProcess({
              kind: 'customer',
              url: i.url,
              serviceUrl: connector.url,
              connections: 16,
              duration,
              conversations: CONVERSATIONS,
              prefix,
              ...(rate ? { rate: Math.round(rate / instances.length) } : {}),
            }),
          ),
        ),
      );
    await each(undefined, 2); // warm-up, not reported
    const fixed = await each(RATE);
    const flat = await each();
    const fmt = (r: ReturnType<typeof combine>) =>
      `${String(r.p50).padStart(6)} ${String(r.p99).padStart(6)} ${String(Math.round(r.rps)).padStart(7)} ${String(r.non2xx + r.errors).padStart(5)}`;
    rows.push(`${name.padEnd(30)} ${fmt(fixed)}   ${fmt(flat)}`);
  };
  try {
    let a = await startVeil(port, { ...common, VEIL_DB: join(dir, 'one.sqlite') });
    await measure('1 instance, SQLite', [a], 's');
    await a.stop();
    a = await startVeil(port + 1, shared);
    await measure('1 instance, Redis + PostgreSQL', [a], 'r');
    const b = await startVeil(port + 2, shared);
    await measure('2 instances, Redis + PostgreSQL', [a, b], 'rr');
    await Promise.all([a.stop(), b.stop()]);

    console.log(
      `\nVeil scale benchmark: customer activity in -> masked event out; ${DURATION}s per run, ${CONVERSATIONS} conversations, 2 cores, loopback`,
    );
    console.log(`${''.padEnd(30)} ${`at ${RATE}/s`.padEnd(27)} flat out`);
    console.log(
      `${'setup'.padEnd(30)} ${'p50ms'.padStart(6)} ${'p99ms'.padStart(6)} ${'req/s'.padStart(7)} ${'bad'.padStart(5)}   ${'p50ms'.padStart(6)} ${'p99ms'.padStart(6)} ${'req/s'.padStart(7)} ${'bad'.padStart(5)}`,
    );
    for (const r of rows) console.log(r);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(REDIS);
    const keys = await redis.keys(`${db}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
