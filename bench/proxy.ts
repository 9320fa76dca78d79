/**
 * Proxy benchmark: Veil runs as its own process (dist/, SQLite in a temp dir) against a mock Connector on
 * loopback; autocannon drives (a) customer activity in → masked event out and (b) agent message in →
 * Connector post out, at a fixed rate and flat out. Prints p50/p99 added latency and messages/s.
 *   npm run bench:proxy            (RATE=500 DURATION=10 CONVERSATIONS=200 to change)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startMockConnector } from '../test/fixtures/mock-connector.js';

const RATE = Number(process.env.RATE ?? 500);
const DURATION = Number(process.env.DURATION ?? 10);
const CONVERSATIONS = Number(process.env.CONVERSATIONS ?? 200);
const PORT = 39_000 + Math.floor(Math.random() * 1000);
const KEY = 'bench-agent-key-0123456789abcdef';
const base = `http://127.0.0.1:${PORT}`;

const MESSAGES = [
  'hi, my order 112-4456789-1234567 has not arrived yet, can you check?',
  'this is Maria Gonzalez, my email is maria.gonzalez@example.com and my phone is (415) 555-0199',
  'please deliver to 1428 Elm Street, Apt 4B, Portland, OR 97205 instead',
  'my card 4111 1111 1111 1111 was charged twice for $49.99',
  'thanks for the help! the Echo Dot arrived today',
  'I was born on 4 May 1988 and my ssn is 123-45-6789, can you update my account?',
  'can you send the tracking number for my parcel? it was supposed to arrive tuesday',
  'bank transfer from DE89 3704 0044 0532 0130 00 did not go through',
];

async function waitReady(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`veil exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('veil did not become ready in 20 s');
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const row = (name: string, r: autocannon.Result) =>
  `${name.padEnd(44)} ${String(r.latency.p50).padStart(6)} ${String(r.latency.p99).padStart(6)} ${String(Math.round(r.requests.average)).padStart(8)} ${String(r.non2xx).padStart(6)} ${String(r.errors + r.timeouts).padStart(6)}`;

async function main() {
  const connector = await startMockConnector();
  const dir = mkdtempSync(join(tmpdir(), 'veil-bench-'));
  const child = spawn(process.execPath, ['dist/cli/veil.js', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      VEIL_DB: join(dir, 'veil.sqlite'),
      VEIL_OUTBOX: join(dir, 'outbox.jsonl'),
      VEIL_SECRET: 'bench-secret-0123456789abcdef0123456789',
      VEIL_AGENT_KEYS: `bench:agent:${KEY}`,
      VEIL_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(child);
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

    let n = 0;
    const activity = () => {
      n++;
      const conv = `bench-${n % CONVERSATIONS}`;
      return JSON.stringify({
        type: 'message',
        id: `b-${n}`,
        channelId: 'webchat',
        serviceUrl: connector.url,
        from: { id: `u-${conv}`, name: 'Customer' },
        recipient: { id: 'veil', name: 'Support' },
        conversation: { id: conv },
        text: MESSAGES[n % MESSAGES.length],
      });
    };
    const customer = (rate?: number) =>
      run({
        url: `${base}/api/messages`,
        connections: 32,
        duration: DURATION,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: activity() }),
          },
        ],
      });

    const c1 = await customer(RATE);
    const c2 = await customer();
    await new Promise((r) => setTimeout(r, 500));
    const list = (await (
      await fetch(`${base}/agent/v1/conversations`, { headers: { authorization: `Bearer ${KEY}` } })
    ).json()) as {
      conversations: { id: string }[];
    };
    const ids = list.conversations.map((c) => c.id);
    let m = 0;
    const agent = (rate?: number) =>
      run({
        url: base,
        connections: 32,
        duration: DURATION,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
            setupRequest: (req) => {
              m++;
              return {
                ...req,
                path: `/agent/v1/conversations/${ids[m % ids.length]}/messages`,
                body: JSON.stringify({
                  text: `Thanks for waiting! Your order ships tomorrow and the refund of $${m % 90}.99 is on its way.`,
                }),
              };
            },
          },
        ],
      });
    const a1 = await agent(RATE);
    const a2 = await agent();

    console.log(
      `\nVeil proxy benchmark: ${DURATION}s per run, ${CONVERSATIONS} conversations, SQLite, loopback, ${process.arch}`,
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
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
