/**
 * Proxy benchmark: Veil runs as its own process (dist/, SQLite in a temp dir) against a mock Connector on
 * loopback; autocannon drives (a) customer activity in → masked event out and (b) agent message in →
 * Connector post out, at a fixed rate and flat out. Prints p50/p99 added latency and messages/s.
 *   npm run bench:proxy            (RATE=500 DURATION=10 CONVERSATIONS=200 to change)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { startMockConnector } from '../test/fixtures/mock-connector.js';
import { cannonProcess, startVeil } from './support.js';

const RATE = Number(process.env.RATE ?? 500);
const DURATION = Number(process.env.DURATION ?? 10);
const CONVERSATIONS = Number(process.env.CONVERSATIONS ?? 200);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const PORT = 39_000 + Math.floor(Math.random() * 1000);
const KEY = 'bench-agent-key-0123456789abcdef';
const base = `http://127.0.0.1:${PORT}`;

const row = (name: string, r: autocannon.Result) =>
  `${name.padEnd(44)} ${String(r.latency.p50).padStart(6)} ${String(r.latency.p99).padStart(6)} ${String(Math.round(r.requests.average)).padStart(8)} ${String(r.non2xx).padStart(6)} ${String(r.errors + r.timeouts).padStart(6)}`;

async function main() {
  const connector = await startMockConnector();
  const dir = mkdtempSync(join(tmpdir(), 'veil-bench-'));
  const veil = await startVeil(PORT, {
    VEIL_DB: join(dir, 'veil.sqlite'),
    VEIL_OUTBOX: join(dir, 'outbox.jsonl'),
    VEIL_SECRET: 'bench-secret-0123456789abcdef0123456789',
    VEIL_AGENT_KEYS: `bench:agent:${KEY}`,
  });
  try {
    // Count masked events arriving on the agent stream, to show every activity made it out.
    let events = 0;
    const sse = await fetch(`${base}/agent/v1/events`, { headers: { authorization: `Bearer ${KEY}` } });
    const reader = sse.body!.getReader();
    void (async () => {
      const dec = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        events += (dec.decode(value).match(/^event: transcript$/gm) ?? []).length;
      }
    })();

    const customer = (rate?: number) =>
      cannonProcess({
        kind: 'customer',
        url: base,
        serviceUrl: connector.url,
        connections: CONNECTIONS,
        duration: DURATION,
        conversations: CONVERSATIONS,
        ...(rate ? { rate } : {}),
      });
    // Warm-up (JIT, caches), not reported.
    await cannonProcess({
      kind: 'customer',
      url: base,
      serviceUrl: connector.url,
      connections: 8,
      duration: 2,
      conversations: CONVERSATIONS,
      prefix: 'w',
    });
    const c1 = await customer(RATE);
    const c2 = await customer();
    await new Promise((r) => setTimeout(r, 500));
    const list = (await (
      await fetch(`${base}/agent/v1/conversations`, { headers: { authorization: `Bearer ${KEY}` } })
    ).json()) as { conversations: { id: string }[] };
    const conversationIds = list.conversations.map((c) => c.id);
    const agent = (rate?: number) =>
      cannonProcess({
        kind: 'agent',
        url: base,
        serviceUrl: connector.url,
        connections: CONNECTIONS,
        duration: DURATION,
        conversations: CONVERSATIONS,
        key: KEY,
        conversationIds,
        ...(rate ? { rate } : {}),
      });
    const a1 = await agent(RATE);
    const a2 = await agent();

    console.log(
      `\nVeil proxy benchmark: ${DURATION}s per run, ${CONNECTIONS} connections, ${CONVERSATIONS} conversations, SQLite, loopback, load from a separate process, ${process.arch}`,
    );
    console.log(
      `${'scenario'.padEnd(44)} ${'p50ms'.padStart(6)} ${'p99ms'.padStart(6)} ${'req/s'.padStart(8)} ${'non2xx'.padStart(6)} ${'errors'.padStart(6)}`,
    );
    console.log(row(`customer activity -> masked event @${RATE}/s`, c1));
    console.log(row('customer activity -> masked event, flat out', c2));
    console.log(row(`agent message -> Connector post @${RATE}/s`, a1));
    console.log(row('agent message -> Connector post, flat out', a2));
    console.log(
      `masked events seen on the agent stream: ${events} (customer requests sent: ${c1.requests.sent + c2.requests.sent})`,
    );
    console.log(`Connector posts received: ${connector.received.length}`);
    const pass = c1.latency.p99 <= 15 && a1.latency.p99 <= 15 && c1.non2xx === 0 && a1.non2xx === 0;
    console.log(`target p99 <= 15 ms at ${RATE}/s: ${pass ? 'PASS' : 'FAIL'}`);
    await reader.cancel().catch(() => undefined);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await veil.stop();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
