import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = ['--import', 'tsx', 'src/cli/veil.ts', 'scan'];

const dir = mkdtempSync(join(tmpdir(), 'veil-scan-'));
/** Deny-list findings are exact and independent of the built-in recognizers, so outputs can be asserted whole. */
const POLICY = join(dir, 'test.yaml');
writeFileSync(
  POLICY,
  `name: scan-test
masking:
  entities:
    CODENAME: { action: placeholder }
    PIN: { action: partial, keepLast: 2 }
    SECRET: { action: drop-message }
  deny:
    - { value: Falcon, type: CODENAME }
    - { value: PIN-9876, type: PIN }
    - { value: topsecret, type: SECRET }
`,
);

const scan = (args: string[], input: string) => {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('veil scan (JSON Lines)', () => {
  it('masks every good line and reports entities with UTF-16 offsets', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'project Falcon, pin PIN-9876' }),
      JSON.stringify({ id: 7, text: '😀 falcon' }),
      JSON.stringify({ text: 'nothing here' }),
    ].join('\n');
    const r = scan(['--policy', POLICY], `${input}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l))).toEqual([
      {
        id: 'a',
        masked: 'project [CODENAME_1], pin ****76',
        entities: [
          { type: 'CODENAME', start: 8, end: 14, score: 1, recognizer: 'deny-list' },
          { type: 'PIN', start: 20, end: 28, score: 1, recognizer: 'deny-list' },
        ],
      },
      {
        id: 7,
        masked: '😀 [CODENAME_1]',
        entities: [{ type: 'CODENAME', start: 3, end: 9, score: 1, recognizer: 'deny-list' }],
      },
      { id: null, masked: 'nothing here', entities: [] },
    ]);
  });

  it('reports bad lines by number on stderr, passes the others, skips blank lines, exits 2', () => {
    const input = [
      JSON.stringify({ id: 1, text: 'Falcon' }),
      '{"id": 2, "text": "Falc',
      '',
      JSON.stringify({ id: 3 }),
      '   ',
      JSON.stringify({ id: 4, text: 42 }),
      '["text"]',
      'null',
      JSON.stringify({ id: 5, text: 'falcon again' }),
    ].join('\n');
    const r = scan(['--policy', POLICY], input); // no final newline: the last line still counts
    expect(lines(r.stdout).map((l) => JSON.parse(l).id)).toEqual([1, 5]);
    expect(r.stderr).toBe(
      [
        'veil scan: line 2: not valid JSON; skipped',
        'veil scan: line 4: missing "text"; skipped',
        'veil scan: line 6: "text" must be a string; skipped',
        'veil scan: line 7: expected an object {"id","text"}; skipped',
        'veil scan: line 8: expected an object {"id","text"}; skipped',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toContain('Falc'); // never echo input text
    expect(r.code).toBe(2);
  });

  it('withholds a message on a drop-message rule', () => {
    const r = scan(['--policy', POLICY], `${JSON.stringify({ id: 1, text: 'the code is topsecret ok' })}\n`);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1,
      masked: '[message withheld: it contained SECRET]',
      entities: [{ type: 'SECRET', start: 12, end: 21, score: 1, recognizer: 'deny-list' }],
    });
  });

  it('accepts CRLF line endings', () => {
    const r = scan(
      ['--policy', POLICY],
      `${JSON.stringify({ id: 1, text: 'Falcon' })}\r\n${JSON.stringify({ id: 2, text: 'x' })}\r\n`,
    );
    expect(lines(r.stdout).map((l) => JSON.parse(l).masked)).toEqual(['[CODENAME_1]', 'x']);
    expect(r.code).toBe(0);
  });

  it('uses the shipped default policy and the built-in recognizers without --policy', () => {
    const r = scan([], `${JSON.stringify({ id: 1, text: 'write to jane.doe@example.org please' })}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 1, masked: 'write to [EMAIL_1] please' });
  });

  it('keeps every line, in order, over a long input', () => {
    const n = 20_000;
    const input = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: i, text: `msg ${i} Falcon` }),
    ).join('\n');
    const r = scan(['--policy', POLICY], input);
    const out = lines(r.stdout);
    expect(out.length).toBe(n);
    expect(JSON.parse(out[n - 1]!)).toEqual({
      id: n - 1,
      masked: `msg ${n - 1} [CODENAME_1]`,
      entities: [
        {
          type: 'CODENAME',
          start: `msg ${n - 1} `.length,
          end: `msg ${n - 1} Falcon`.length,
          score: 1,
          recognizer: 'deny-list',
        },
      ],
    });
    expect(out.every((l, i) => JSON.parse(l).id === i)).toBe(true);
    expect(r.stderr).toBe(''); // no progress line when stderr is not a terminal
  });

  it('streams: answers a line before stdin is closed', async () => {
    const child = spawn(process.execPath, [...CLI, '--policy', POLICY], { cwd: ROOT });
    const first = new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
    );
    child.stdin.write(`${JSON.stringify({ id: 1, text: 'Falcon' })}\n`);
    expect(JSON.parse(await first).masked).toBe('[CODENAME_1]');
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    expect(await code).toBe(0);
  });
});

describe('veil scan --text', () => {
  it('masks plain lines, one output line per input line, blank lines kept', () => {
    const r = scan(['--text', '--policy', POLICY], 'Falcon here\n\n{"not": "json"} falcon\nplain\n');
    expect(r.stdout).toBe('[CODENAME_1] here\n\n{"not": "json"} [CODENAME_1]\nplain\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('veil scan options and policy errors', () => {
  it.each([
    { args: ['--bogus'], err: "veil scan: unknown option '--bogus'\nusage: veil scan" },
    { args: ['--policy'], err: 'veil scan: --policy needs a file\nusage: veil scan' },
    { args: ['extra'], err: "veil scan: unknown option 'extra'\nusage: veil scan" },
  ])('$args -> usage, exit 2', ({ args, err }) => {
    const r = scan(args, '');
    expect(r.stderr.startsWith(err)).toBe(true);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('--help prints usage on stdout and exits 0', () => {
    const r = scan(['--help'], '');
    expect(r.stdout).toMatch(/^usage: veil scan \[--text\] \[--policy FILE\]\n/);
    expect(r.code).toBe(0);
  });

  it('a missing policy file is a clear error, exit 2, no stack trace', () => {
    const missing = join(dir, 'nope.yaml');
    const r = scan(['--policy', missing], '{"text":"x"}\n');
    expect(r.stderr).toBe(`veil scan: cannot read policy '${missing}': no such file\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('an invalid policy names file, line and field, exit 2, no stack trace', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nmasking:\n  entities:\n    EMAIL: { action: hide }\n');
    const r = scan([`--policy=${bad}`], '{"text":"x"}\n');
    expect(r.stderr).toBe(
      `veil scan: ${bad}: line 4: masking.entities.EMAIL.action: must be one of placeholder, partial, redact, hash, keep, drop-message; got 'hide'\n`,
    );
    expect(r.code).toBe(2);
  });
});
