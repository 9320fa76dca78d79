import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { policyJsonSchemaText, SCHEMA_COMMENT, SCHEMA_FILE } from '../../src/policy/json-schema.js';
import { checkPolicyText, parsePolicy } from '../../src/policy/loader.js';

const POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));
const policyFiles = readdirSync(POLICIES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml'));

describe('the editor schema', () => {
  it(`the committed ${SCHEMA_FILE} is generated from the zod schema (run 'veil policy schema' if this fails)`, () => {
    expect(readFileSync(join(POLICIES, SCHEMA_FILE), 'utf8')).toBe(policyJsonSchemaText());
  });

  it.each(policyFiles)('%s points editors at the schema on its first line', (file) => {
    expect(readFileSync(join(POLICIES, file), 'utf8').split('\n')[0]).toBe(SCHEMA_COMMENT);
  });

  it('every setting carries a description for the editor', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      const props = n.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [k, v] of Object.entries(props ?? {})) {
        if (typeof v.description !== 'string' || v.description.length < 10) missing.push(`${path}${k}`);
        walk(v, `${path}${k}.`);
      }
      if (n.items) walk(n.items, `${path}[].`);
      if (typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${path}*.`);
    };
    walk(JSON.parse(policyJsonSchemaText()), '');
    expect(missing).toEqual([]);
  });
});

describe('the extended policy language', () => {
  const full = `name: full
match: { channelIds: [sms], tenants: [acme] }
masking:
  entities: { LOYALTY_ID: { action: partial, keepLast: 3 } }
recognizers:
  - name: loyalty-id
    type: LOYALTY_ID
    patterns: [{ regex: '\\bLY-\\d{8}\\b', score: 0.9 }]
    validator: mod97
    context: { words: [loyalty] }
    flags: i
guard:
  discloseAt: possession
  disclose: { address: authenticated, name: knowledge }
  flags: { fraud-watch: authenticated, vip: possession }
  freshStepUp: { actions: [address-change], maxAgeMinutes: 5 }
notifications: { owner: [verified], security: [code-locked] }
retention: { transcriptsDays: 30, auditDays: 400 }
channelData: { allow: [tenant.id] }
`;

  it('parses every section, filling defaults', () => {
    const { policy } = parsePolicy(full);
    expect(policy.match).toEqual({ channelIds: ['sms'], tenants: ['acme'] });
    expect(policy.recognizers[0]).toMatchObject({
      name: 'loyalty-id',
      validator: 'mod97',
      flags: 'i',
      context: { words: ['loyalty'], boost: 0.3, window: 40 },
    });
    expect(policy.guard.disclose).toEqual({ address: 'authenticated', name: 'knowledge' });
    expect(policy.guard.freshStepUp).toEqual({ actions: ['address-change'], maxAgeMinutes: 5 });
    expect(policy.guard.otp).toEqual({ length: 6, ttlSeconds: 600, maxAttempts: 5 });
    expect(policy.notifications).toEqual({ owner: ['verified'], security: ['code-locked'] });
    expect(policy.retention).toEqual({ transcriptsDays: 30, auditDays: 400 });
    expect(policy.channelData.allow).toEqual(['tenant.id']);
  });

  it('defaults protect: every step-up action, owner and security notifications, finite retention', () => {
    const { policy } = parsePolicy('name: tiny\nmasking: {}\n');
    expect(policy.guard.freshStepUp.actions).toHaveLength(6);
    expect(policy.notifications.owner).toContain('fraud-watch-contact');
    expect(policy.notifications.security).toContain('code-locked');
    expect(policy.recognizers).toEqual([]);
    expect(policy.match).toBeUndefined();
  });

  const rec = (body: string) =>
    `name: x\nmasking: {}\nrecognizers:\n  - name: r\n    type: LOYALTY_ID\n${body}`;
  it.each([
    {
      name: 'invalid regex',
      yaml: rec("    patterns:\n      - { regex: 'LY-(\\d+', score: 0.9 }\n"),
      line: 7,
      field: 'recognizers[0].patterns[0].regex',
      message: /is not a valid regular expression/,
    },
    {
      name: 'catastrophic backtracking',
      yaml: rec(
        "    patterns:\n      - { regex: 'ok', score: 0.9 }\n      - { regex: '(\\d+)+x', score: 0.9 }\n",
      ),
      line: 8,
      field: 'recognizers[0].patterns[1].regex',
      message: /repeats a group that already repeats/,
    },
    {
      name: 'too long',
      yaml: rec(`    patterns:\n      - { regex: '${'a'.repeat(301)}', score: 0.9 }\n`),
      line: 7,
      field: 'recognizers[0].patterns[0].regex',
      message: /at most 300/,
    },
    {
      name: 'unknown validator',
      yaml: rec("    validator: crc32\n    patterns: [{ regex: 'a', score: 1 }]\n"),
      line: 6,
      field: 'recognizers[0].validator',
      message: /must be one of luhn, mod97, iban, ssn; got 'crc32'/,
    },
    {
      name: 'bad flag',
      yaml: rec("    flags: gx\n    patterns: [{ regex: 'a', score: 1 }]\n"),
      line: 6,
      field: 'recognizers[0].flags',
      message: /flags may contain only i/,
    },
    {
      name: 'no patterns',
      yaml: rec('    patterns: []\n'),
      line: 6,
      field: 'recognizers[0].patterns',
      message: /needs at least 1 entries/,
    },
    {
      name: 'lowercase type',
      yaml: "name: x\nmasking: {}\nrecognizers:\n  - name: r\n    type: loyalty\n    patterns: [{ regex: 'a', score: 1 }]\n",
      line: 5,
      field: 'recognizers[0].type',
      message: /UPPER_SNAKE_CASE/,
    },
    {
      name: 'duplicate recognizer names',
      yaml: "name: x\nmasking: {}\nrecognizers:\n  - { name: r, type: A, patterns: [{ regex: 'a', score: 1 }] }\n  - { name: r, type: B, patterns: [{ regex: 'b', score: 1 }] }\n",
      line: 5,
      field: 'recognizers[1].name',
      message: /used by an earlier recognizer/,
    },
    {
      name: 'unknown kind in disclose',
      yaml: 'name: x\nmasking: {}\nguard:\n  disclose: { ssn: none }\n',
      line: 4,
      field: 'guard.disclose.ssn',
      message: /unknown setting 'ssn'/,
    },
    {
      name: 'unknown step-up action',
      yaml: 'name: x\nmasking: {}\nguard:\n  freshStepUp: { actions: [password-reset] }\n',
      line: 4,
      field: 'guard.freshStepUp.actions[0]',
      message: /must be one of address-change/,
    },
    {
      name: 'unknown notification event',
      yaml: 'name: x\nmasking: {}\nnotifications: { owner: [login] }\n',
      line: 3,
      field: 'notifications.owner[0]',
      message: /must be one of claim-unverified/,
    },
    {
      name: 'retention out of range',
      yaml: 'name: x\nmasking: {}\nretention: { transcriptsDays: 0 }\n',
      line: 3,
      field: 'retention.transcriptsDays',
      message: /must be at least 1; got 0/,
    },
    {
      name: 'empty match list',
      yaml: 'name: x\nmatch: { channelIds: [] }\nmasking: {}\n',
      line: 2,
      field: 'match.channelIds',
      message: /needs at least 1 entries/,
    },
  ])('$name: the error names the line and field', ({ yaml, line, field, message }) => {
    const r = checkPolicyText(yaml, 'policies/x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line, field, kind: 'schema' });
    expect(r.errors[0]?.message).toMatch(message);
  });

  it('reports every problem, not just the first', () => {
    const r = checkPolicyText('name: X\nmasking:\n  minScore: 2\n  entities:\n    EMAIL: { action: hide }\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [1, 'name'],
      [3, 'masking.minScore'],
      [5, 'masking.entities.EMAIL.action'],
    ]);
  });

  it('a YAML syntax error is reported with its line', () => {
    const r = checkPolicyText('name: x\nmasking: {\n  minScore: 0.5\n', 'p.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ kind: 'syntax', field: '' });
  });
});
