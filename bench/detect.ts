/**
 * Detection + masking speed: per-message latency, throughput on one core, cost vs length, heap, cold start,
 * and the same messages through redact-pii and @openredaction/openredaction for comparison.
 *   npm run bench
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { OpenRedaction } from '@openredaction/openredaction';
import redactPii from 'redact-pii';
import { chatMessage, chatMessages, devCorpus, rng } from './messages.js';
import { DIST_CLI, loadVeil, ROOT } from './veil.js';

const TARGETS = { p50: 1, p99: 5, throughput: 1000, words3000: 50, coldStart: 1500 };

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Times `fn` on each message, cycling until both `minRuns` and `minMs` are reached. */
function measure(
  messages: readonly string[],
  fn: (t: string) => unknown,
  minRuns: number,
  minMs: number,
): Stats {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; times.length < minRuns || performance.now() - start < minMs; i++) {
    const t = messages[i % messages.length]!;
    const t0 = performance.now();
    fn(t);
    times.push(performance.now() - t0);
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return {
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    max: times[times.length - 1]!,
    perSecond: (times.length / total) * 1000,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Spawns the built CLI with one line and times until its first output byte. */
function coldStartOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [DIST_CLI, 'scan', '--text'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    child.stdout.once('data', () => resolve(performance.now() - t0));
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`veil scan exited ${code} without output`)));
    child.stdin.end('hi, my email is jane.doe@example.org\n');
  });
}

const ms = (x: number): string => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const veil = await loadVeil();
  const generated = chatMessages(3000, 7);
  const corpus = devCorpus().map((m) => m.text);
  const messages = [...generated, ...corpus];
  const words = messages.reduce((s, m) => s + m.split(/\s+/).length, 0) / messages.length;
  console.log(
    `Veil from ${veil.source}; ${messages.length} messages (${generated.length} generated, ${corpus.length} dev corpus), mean ${words.toFixed(1)} words`,
  );

  // Warm-up: let V8 optimise every recognizer path before timing.
  for (let i = 0; i < 3; i++) for (const m of messages) veil.mask(m);

  const v = measure(messages, (t) => veil.mask(t), 20_000, 3000);

  const lengths = [100, 500, 1000, 3000].map((n) => {
    const r = rng(n);
    const text = chatMessage(r, n);
    for (let i = 0; i < 3; i++) veil.mask(text);
    const runs = Array.from({ length: n >= 1000 ? 15 : 40 }, () => {
      const t0 = performance.now();
      veil.mask(text);
      return performance.now() - t0;
    });
    return { words: n, ms: median(runs) };
  });

  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

  let coldMs: number | undefined;
  if (existsSync(DIST_CLI)) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await coldStartOnce());
    coldMs = median(runs);
  }

  const redactor = new redactPii.SyncRedactor();
  const open = new OpenRedaction();
  const competitors = [
    { name: 'redact-pii 3.4 (SyncRedactor)', fn: (t: string) => redactor.redact(t) },
    { name: '@openredaction 1.0.4', fn: (t: string) => open.detect(t) },
  ].map((c) => {
    for (const m of messages.slice(0, 300)) c.fn(m);
    return { name: c.name, stats: measure(messages, c.fn, 2000, 3000) };
  });

  const row = (name: string, s: Stats) =>
    `${name.padEnd(32)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.p99).padStart(8)} ${ms(s.max).padStart(8)} ${Math.round(s.perSecond).toString().padStart(9)}`;
  console.log('\nPer message, detect + mask (ms); throughput on one core');
  console.log(
    `${'engine'.padEnd(32)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'msg/s'.padStart(9)}`,
  );
  console.log(row('veil', v));
  for (const c of competitors) {
    console.log(
      `${row(c.name, c.stats)}   their p50 = ${(c.stats.p50 / v.p50).toFixed(2)}x veil's; veil throughput = ${(v.perSecond / c.stats.perSecond).toFixed(2)}x theirs`,
    );
  }

  console.log('\nCost vs length (veil)');
  console.log(`${'words'.padStart(6)} ${'ms'.padStart(9)} ${'ms/word'.padStart(9)}`);
  for (const l of lengths)
    console.log(
      `${String(l.words).padStart(6)} ${ms(l.ms).padStart(9)} ${(l.ms / l.words).toFixed(4).padStart(9)}`,
    );

  console.log(
    `\nHeap used after the run: ${heapMb.toFixed(1)} MB${globalThis.gc ? '' : ' (no --expose-gc: includes garbage)'}`,
  );
  console.log(
    `Cold start to first result (node dist/cli/veil.js scan --text, median of 5): ${coldMs === undefined ? 'n/a (no dist/: run npm run build)' : `${coldMs.toFixed(0)} ms`}`,
  );

  const w3000 = lengths.find((l) => l.words === 3000)!.ms;
  const checks: [string, string, boolean][] = [
    [`p50 <= ${TARGETS.p50} ms`, `${ms(v.p50)} ms`, v.p50 <= TARGETS.p50],
    [`p99 <= ${TARGETS.p99} ms`, `${ms(v.p99)} ms`, v.p99 <= TARGETS.p99],
    [
      `>= ${TARGETS.throughput} msg/s (one core)`,
      `${Math.round(v.perSecond)} msg/s`,
      v.perSecond >= TARGETS.throughput,
    ],
    [`3,000 words <= ${TARGETS.words3000} ms`, `${ms(w3000)} ms`, w3000 <= TARGETS.words3000],
    [
      `cold start <= ${TARGETS.coldStart / 1000} s`,
      coldMs === undefined ? 'n/a' : `${coldMs.toFixed(0)} ms`,
      coldMs !== undefined && coldMs <= TARGETS.coldStart,
    ],
  ];
  console.log('\nTargets');
  for (const [target, got, ok] of checks) console.log(`  ${mark(ok)}  ${target.padEnd(30)} ${got}`);
  if (checks.some(([, , ok]) => !ok)) process.exitCode = 1;
}

await main();
