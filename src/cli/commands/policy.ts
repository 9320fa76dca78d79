import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VeilError } from '../../core/errors.js';
import { describeChange } from '../../policy/changes.js';
import { casesFileFor, checkPolicyFile, policyFiles } from '../../policy/check.js';
import { type CorpusDiff, type CorpusItem, diffPolicies, parseCorpusLine } from '../../policy/diff.js';
import { policyJsonSchemaText, SCHEMA_FILE } from '../../policy/json-schema.js';
import { loadPolicyFile } from '../../policy/loader.js';
import type { LoadedPolicy } from '../../policy/schema.js';
import { shippedPolicyDir } from '../policy-path.js';

const USAGE = `usage: veil policy <schema|check|diff> ...
  veil policy schema [--out FILE] [--check]
      write the JSON Schema editors use (default: policies/${SCHEMA_FILE});
      --check only reports whether the file is up to date (exit 1 if not)
  veil policy check [DIR|FILE...]
      validate each policy (default: the policies/ folder) and run NAME.cases.yaml beside it;
      prints each failure and "N passed, M failed"; exit 1 on any failure
  veil policy diff OLD.yaml NEW.yaml --corpus FILE.jsonl [--json]
      what changes between two versions: settings (weakening ones marked), values newly masked or
      newly visible, agent messages newly blocked or delivered. Corpus lines: {"id","text"} and
      optionally "agent", "level", "account". Output names types, rules and ids, never values.
`;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'schema') return schema(rest);
  if (sub === 'check') return check(rest);
  if (sub === 'diff') return diff(rest);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(
    `veil policy: ${sub ? `unknown subcommand '${sub}'` : 'missing subcommand'}\n${USAGE}`,
  );
  return 2;
}

const usageError = (message: string): number => {
  process.stderr.write(`veil policy: ${message}\n${USAGE}`);
  return 2;
};

function schema(argv: string[]): number {
  let out = join(shippedPolicyDir(), SCHEMA_FILE);
  let checkOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') checkOnly = true;
    else if (a === '--out') {
      const v = argv[++i];
      if (!v) return usageError('--out needs a file');
      out = v;
    } else return usageError(`unknown option '${a}'`);
  }
  const text = policyJsonSchemaText();
  if (checkOnly) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // A missing file is simply out of date.
    }
    if (current === text) {
      process.stdout.write(`${out} is up to date\n`);
      return 0;
    }
    process.stderr.write(`veil policy: ${out} is out of date; run 'veil policy schema'\n`);
    return 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}

const shown = (p: string): string => {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
};

async function check(argv: string[]): Promise<number> {
  for (const a of argv) if (a.startsWith('-')) return usageError(`unknown option '${a}'`);
  let files: string[];
  try {
    files = policyFiles(argv.length > 0 ? argv : [shippedPolicyDir()]);
  } catch (e) {
    return usageError(
      `cannot read ${(e as { path?: string }).path ?? 'the path'}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  if (files.length === 0) return usageError('no policy files (*.yaml) found');
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const report = await checkPolicyFile(file);
    const name = shown(file);
    if (report.errors.length > 0) {
      failed++;
      for (const e of report.errors) process.stdout.write(`✗ ${name} ${e}\n`);
      continue;
    }
    const ok = report.cases.filter((c) => c.ok).length;
    process.stdout.write(`${name} (version ${report.version}): ${ok}/${report.cases.length} cases pass\n`);
    const casesName = shown(casesFileFor(file));
    for (const c of report.cases) {
      if (c.ok) passed++;
      else {
        failed++;
        const where = `${casesName}${c.line ? ` line ${c.line}` : ''}`;
        process.stdout.write(
          `  ✗ ${where}: ${c.kind === 'file' ? '' : `${c.kind} "${c.name}": `}${c.problem ?? 'failed'}\n`,
        );
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

async function diff(argv: string[]): Promise<number> {
  const paths: string[] = [];
  let corpusPath: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--corpus') {
      corpusPath = argv[++i];
      if (!corpusPath) return usageError('--corpus needs a file');
    } else if (a === '--json') json = true;
    else if (a.startsWith('-')) return usageError(`unknown option '${a}'`);
    else paths.push(a);
  }
  if (paths.length !== 2) return usageError('diff needs two policy files: OLD NEW');
  if (!corpusPath) return usageError('diff needs --corpus FILE.jsonl');
  let old: LoadedPolicy;
  let next: LoadedPolicy;
  try {
    old = loadPolicyFile(paths[0]!);
    next = loadPolicyFile(paths[1]!);
  } catch (e) {
    process.stderr.write(
      `veil policy: ${e instanceof VeilError ? e.message : `cannot read a policy: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`}\n`,
    );
    return 2;
  }
  let lines: string[];
  try {
    lines = readFileSync(corpusPath, 'utf8').split('\n');
  } catch (e) {
    process.stderr.write(
      `veil policy: cannot read corpus '${corpusPath}': ${(e as NodeJS.ErrnoException).code ?? 'error'}\n`,
    );
    return 2;
  }
  const items: CorpusItem[] = [];
  let bad = 0;
  lines.forEach((line, i) => {
    const r = parseCorpusLine(line, i + 1);
    if (r === null) return;
    if ('error' in r) {
      bad++;
      process.stderr.write(`veil policy: ${corpusPath} line ${i + 1}: ${r.error}; skipped\n`);
    } else items.push(r);
  });
  const result = diffPolicies(old, next, items);
  if (json) process.stdout.write(`${JSON.stringify({ ...result, skipped: bad })}\n`);
  else process.stdout.write(render(result, paths[0]!, paths[1]!, bad));
  return bad > 0 ? 2 : 0;
}

function render(d: CorpusDiff, oldPath: string, newPath: string, bad: number): string {
  const out: string[] = [`policy diff ${shown(oldPath)} -> ${shown(newPath)}`, ''];
  const weaker = d.settings.filter((c) => c.weakens);
  out.push(`settings: ${d.settings.length} changed, ${weaker.length} weaken protection`);
  for (const c of d.settings) out.push(`  ${describeChange(c)}`);
  const section = (title: string, buckets: CorpusDiff['newlyMasked']): void => {
    const total = buckets.reduce((n, b) => n + b.count, 0);
    out.push('', `${title}: ${total}`);
    for (const b of buckets) out.push(`  ${b.key}: ${b.count} (e.g. ${b.examples.join(', ')})`);
  };
  out.push(
    '',
    `corpus: ${d.messages} customer messages, ${d.agentMessages} agent messages${bad ? `, ${bad} bad lines skipped` : ''}`,
  );
  section('newly masked values', d.newlyMasked);
  section('newly VISIBLE values', d.newlyVisible);
  if (d.agentMessages > 0) {
    section('agent messages newly blocked', d.newlyBlocked);
    section('agent messages newly DELIVERED', d.newlyDelivered);
  }
  return `${out.join('\n')}\n`;
}
