import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activatePolicy } from '../../src/policy/activate.js';
import { runCases } from '../../src/policy/cases.js';
import { checkPolicyFile, policyFiles } from '../../src/policy/check.js';
import { parsePolicy } from '../../src/policy/loader.js';

const POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));
const DEFAULT = readFileSync(join(POLICIES, 'default.yaml'), 'utf8');
const active = activatePolicy(parsePolicy(DEFAULT, 'default.yaml'));

describe('the shipped policies pass their own cases', () => {
  it.each(policyFiles([POLICIES]))('%s', async (file) => {
    const report = await checkPolicyFile(file);
    expect(report.errors).toEqual([]);
    expect(report.cases.filter((c) => !c.ok)).toEqual([]);
    expect(report.cases.length).toBeGreaterThanOrEqual(10);
  });

  it('default.cases.yaml has at least 30 cases of all three kinds', async () => {
    const report = await checkPolicyFile(join(POLICIES, 'default.yaml'));
    const kinds = new Set(report.cases.map((c) => c.kind));
    expect(report.cases.length).toBeGreaterThanOrEqual(30);
    expect([...kinds].sort()).toEqual(['agent', 'customer', 'script']);
  });
});

describe('a failing case says what was expected and what happened, with its line', () => {
  it.each([
    {
      name: 'wrong masked text',
      yaml: 'customer:\n  - name: m\n    text: my email is a.b@example.org\n    masked: my email is [MAIL_1]\n',
      problem: 'expected the agent to see "my email is [MAIL_1]"; got "my email is [EMAIL_1]"',
      line: 2,
    },
    {
      name: 'wrong types',
      yaml: 'customer:\n  - name: t\n    text: call +1 415 555 0199\n    types: [EMAIL]\n',
      problem: 'expected types [EMAIL]; found [PHONE]',
      line: 2,
    },
    {
      name: 'expected nothing found',
      yaml: 'customer:\n  - name: t\n    text: call +1 415 555 0199\n    types: []\n',
      problem: 'expected types []; found [PHONE]',
      line: 2,
    },
    {
      name: 'wrong decision',
      yaml: 'agent:\n  - name: a\n    text: Your SSN is 123-45-6789\n    level: authenticated\n    expect: deliver\n',
      problem: 'expected deliver; got block by guard.never-disclose.ssn',
      line: 2,
    },
    {
      name: 'right decision, wrong rule',
      yaml: 'agent:\n  - name: a\n    text: Your SSN is 123-45-6789\n    expect: block\n    rule: guard.disclosure.pii\n',
      problem: 'expected block by guard.disclosure.pii; got block by guard.never-disclose.ssn',
      line: 2,
    },
    {
      name: 'a script turn that fails',
      yaml: 'scripts:\n  - name: s\n    turns:\n      - customer: hi\n      - agent: Your SSN is 123-45-6789\n        expect: deliver\n',
      problem: 'turn 2: expected deliver; got block by guard.never-disclose.ssn',
      line: 2,
    },
    {
      name: 'a script that checks nothing',
      yaml: 'scripts:\n  - name: s\n    turns:\n      - customer: hi\n      - agent: hello\n',
      problem: 'no agent turn has an "expect"; the script checks nothing',
      line: 2,
    },
  ])('$name', async ({ yaml, problem, line }) => {
    const [r, ...rest] = await runCases(active, yaml);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ ok: false, problem, line });
  });

  it.each([
    ['empty', '', /has no cases/],
    ['no expectations in a customer case', 'customer:\n  - name: x\n    text: hi\n', /needs masked or types/],
    ['unknown key', 'customers: []\n', /unrecognized key|customers/i],
    [
      'bad level',
      'agent:\n  - { name: a, text: hi, level: admin, expect: deliver }\n',
      /line 2: agent\[0\]\.level/,
    ],
    ['syntax', 'customer: [\n', /YAML syntax error/],
  ])('a broken cases file fails as one case: %s', async (_name, yaml, problem) => {
    const results = await runCases(active, yaml);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'file', ok: false });
    expect(results[0]?.problem).toMatch(problem);
  });

  it('passing cases pass', async () => {
    const results = await runCases(
      active,
      'customer:\n  - { name: c, text: my ssn is 123-45-6789, masked: "my ssn is [REDACTED SSN]", types: [SSN] }\nagent:\n  - { name: a, text: Your order shipped., expect: deliver }\n',
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });
});

describe('checking a policy file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veil-check-'));
  it('a policy without cases fails', async () => {
    writeFileSync(join(dir, 'lonely.yaml'), 'name: lonely\nmasking: {}\n');
    const r = await checkPolicyFile(join(dir, 'lonely.yaml'));
    expect(r.cases).toEqual([
      expect.objectContaining({
        ok: false,
        problem: expect.stringMatching(/missing: write lonely\.cases\.yaml/),
      }),
    ]);
  });

  it('an invalid policy reports its errors and runs no cases', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'name: bad\nmasking:\n  entities:\n    EMAIL: { action: hide }\n');
    writeFileSync(join(dir, 'bad.cases.yaml'), 'agent:\n  - { name: a, text: hi, expect: deliver }\n');
    const r = await checkPolicyFile(join(dir, 'bad.yaml'));
    expect(r.errors).toEqual([
      "line 4: masking.entities.EMAIL.action: must be one of placeholder, partial, redact, hash, keep, drop-message; got 'hide'",
    ]);
    expect(r.cases).toEqual([]);
  });

  it('a name that differs from the file name is an error', async () => {
    writeFileSync(join(dir, 'other.yaml'), 'name: something\nmasking: {}\n');
    writeFileSync(join(dir, 'other.cases.yaml'), 'agent:\n  - { name: a, text: hi, expect: deliver }\n');
    expect((await checkPolicyFile(join(dir, 'other.yaml'))).errors).toEqual([
      "name: is 'something'; it must equal the file name without .yaml ('other')",
    ]);
  });
});
