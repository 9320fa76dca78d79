import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLICIES = join(ROOT, 'policies');
// `policy` is registered in src/cli/veil.ts by the lead; the command module is run directly here.
const ENTRY =
  "const m = await import('./src/cli/commands/policy.ts'); process.exitCode = await m.run(process.argv.slice(1));";

const veilPolicy = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const tmp = () => mkdtempSync(join(tmpdir(), 'veil-policy-cli-'));

describe('veil policy check', { timeout: 60_000 }, () => {
  it('the shipped folder passes', () => {
    const r = veilPolicy('check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('an invalid policy names the file, the line and the field; exit 1', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'retail.yaml'),
      'name: retail\nmasking:\n  entities:\n    EMAIL: { action: hide }\n',
    );
    const r = veilPolicy('check', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `retail.yaml line 4: masking.entities.EMAIL.action: must be one of placeholder, partial, redact, hash, keep, drop-message; got 'hide'`,
    );
    expect(r.stdout).toMatch(/^0 passed, 1 failed$/m);
  });

  it('failing cases are printed with the cases file and line; a policy without cases fails', () => {
    const dir = tmp();
    copyFileSync(join(POLICIES, 'default.yaml'), join(dir, 'default.yaml'));
    writeFileSync(
      join(dir, 'default.cases.yaml'),
      'agent:\n  - { name: fine, text: Your order shipped., expect: deliver }\n  - { name: wrong, text: Your SSN is 123-45-6789, expect: deliver }\n',
    );
    writeFileSync(join(dir, 'extra.yaml'), 'name: extra\nmasking: {}\n');
    const r = veilPolicy('check', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'default.cases.yaml line 3: agent "wrong": expected deliver; got block by guard.never-disclose.ssn',
    );
    expect(r.stdout).toContain(
      'extra.cases.yaml: missing: write extra.cases.yaml with cases for this policy',
    );
    expect(r.stdout).toMatch(/^1 passed, 2 failed$/m);
  });

  it('usage errors exit 2', () => {
    expect(veilPolicy('check', '--nope').code).toBe(2);
    expect(veilPolicy('frobnicate').code).toBe(2);
    expect(veilPolicy('check', join(tmp(), 'missing')).code).toBe(2);
  });
});

describe('veil policy schema', { timeout: 60_000 }, () => {
  it('writes the schema; --check tells whether a file is up to date', () => {
    const out = join(tmp(), 'policy.schema.json');
    expect(veilPolicy('schema', '--out', out, '--check').code).toBe(1);
    expect(veilPolicy('schema', '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(POLICIES, 'policy.schema.json'), 'utf8'));
    expect(veilPolicy('schema', '--out', out, '--check').code).toBe(0);
  });
});

describe('veil policy diff', { timeout: 60_000 }, () => {
  it('reports settings, newly visible values by type and id, and never a value', () => {
    const dir = tmp();
    const next = join(dir, 'default.yaml');
    writeFileSync(
      next,
      readFileSync(join(POLICIES, 'default.yaml'), 'utf8').replace(
        'PHONE: { action: placeholder }',
        'PHONE: { action: keep }',
      ),
    );
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(
      corpus,
      `${JSON.stringify({ id: 'x1', text: 'call me on +1 415 555 0199' })}\n${JSON.stringify({ id: 'x2', text: 'nothing' })}\n`,
    );
    const r = veilPolicy('diff', join(POLICIES, 'default.yaml'), next, '--corpus', corpus);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WEAKER masking.entities.PHONE.action: placeholder -> keep');
    expect(r.stdout).toContain('newly VISIBLE values: 1\n  PHONE: 1 (e.g. x1)');
    expect(r.stdout).toContain('newly masked values: 0');
    expect(r.stdout).not.toContain('415');
    const json = veilPolicy('diff', join(POLICIES, 'default.yaml'), next, '--corpus', corpus, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      newlyVisible: [{ key: 'PHONE', count: 1, examples: ['x1'] }],
      skipped: 0,
    });
  });

  it('bad corpus lines are reported by line number without content; exit 2', () => {
    const corpus = join(tmp(), 'c.jsonl');
    writeFileSync(corpus, '{"text": "a@b.example.org"\n');
    const r = veilPolicy(
      'diff',
      join(POLICIES, 'default.yaml'),
      join(POLICIES, 'default.yaml'),
      '--corpus',
      corpus,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 1: not valid JSON; skipped');
    expect(r.stderr + r.stdout).not.toContain('a@b');
  });

  it.each([
    [['diff', 'a.yaml'], /two policy files/],
    [['diff', 'a.yaml', 'b.yaml'], /--corpus/],
  ])('usage %j', (args, message) => {
    const r = veilPolicy(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
