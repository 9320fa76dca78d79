/**
 * Detection quality on the labelled dev corpus: Veil and two open-source redactors, each scored the same
 * way by ../shared/eval/score.mjs.
 *   npm run build && tsx bench/quality.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenRedaction } from '@openredaction/openredaction';
import redactPii from 'redact-pii';
import { DEV_CORPUS, devCorpus, SHARED_EVAL } from './messages.js';
import { loadVeil } from './veil.js';

interface Score {
  messages: number;
  missing: number;
  protected: number;
  leaked: number;
  keep: number | null;
  clean: number | null;
  byType: Record<
    string,
    { n: number; protected: number; leaked: number; precision?: number; recall?: number }
  >;
}

async function main(): Promise<void> {
  const corpus = devCorpus();
  if (corpus.length === 0) {
    console.error(`no dev corpus at ${DEV_CORPUS}`);
    process.exitCode = 2;
    return;
  }
  const veil = await loadVeil();
  const redactor = new redactPii.SyncRedactor();
  const open = new OpenRedaction();
  const tools: { name: string; run: (text: string) => Record<string, unknown> }[] = [
    {
      name: 'veil',
      run: (text) => {
        const r = veil.mask(text);
        return {
          masked: r.masked,
          entities: r.findings.map((f) => ({ type: f.type, start: f.start, end: f.end })),
        };
      },
    },
    // Competitors' type names differ from Veil's taxonomy, so only their text-level figures are comparable.
    { name: 'redact-pii', run: (text) => ({ masked: redactor.redact(text) }) },
    { name: 'openredaction', run: (text) => ({ masked: open.detect(text).redacted }) },
  ];

  const dir = mkdtempSync(join(tmpdir(), 'veil-quality-'));
  const scores = tools.map((tool) => {
    const out = join(dir, `${tool.name}.jsonl`);
    writeFileSync(out, corpus.map((m) => JSON.stringify({ id: m.id, ...tool.run(m.text) })).join('\n'));
    const r = spawnSync(process.execPath, [join(SHARED_EVAL, 'score.mjs'), DEV_CORPUS, out, '--json'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`score.mjs failed for ${tool.name}: ${r.stderr}`);
    return { name: tool.name, score: JSON.parse(r.stdout) as Score };
  });

  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  console.log(`Dev corpus: ${corpus.length} messages; Veil from ${veil.source}; outputs in ${dir}\n`);
  console.log(
    `${'tool'.padEnd(16)} ${'protected'.padStart(10)} ${'leaked'.padStart(8)} ${'keep'.padStart(8)} ${'clean'.padStart(8)}`,
  );
  for (const { name, score } of scores) {
    console.log(
      `${name.padEnd(16)} ${pct(score.protected).padStart(10)} ${pct(score.leaked).padStart(8)} ${pct(score.keep).padStart(8)} ${pct(score.clean).padStart(8)}`,
    );
  }
  console.log(
    '\nprotected = nothing readable survives (higher is better); leaked = over half survives (lower);',
  );
  console.log(
    'keep = order numbers, prices... left readable (higher); clean = PII-free messages unchanged (higher)',
  );

  const types = [...new Set(scores.flatMap((s) => Object.keys(s.score.byType)))].sort();
  console.log(
    `\nProtected by type${' '.repeat(4)}${scores.map((s) => s.name.padStart(14)).join('')}   veil P / R`,
  );
  for (const t of types) {
    const v = scores[0]!.score.byType[t];
    const pr =
      v?.precision === undefined ? '' : `   ${v.precision.toFixed(2)} / ${(v.recall ?? 0).toFixed(2)}`;
    const n = Math.max(...scores.map((s) => s.score.byType[t]?.n ?? 0));
    console.log(
      `  ${t.padEnd(16)} n=${String(n).padStart(3)}${scores.map((s) => pct(s.score.byType[t]?.protected ?? null).padStart(14)).join('')}${pr}`,
    );
  }
}

await main();
