import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VeilError } from '../../src/core/errors.js';
import { loadPolicyFile, parsePolicy } from '../../src/policy/loader.js';

const POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));
const DEFAULT_TEXT = readFileSync(join(POLICIES, 'default.yaml'), 'utf8');

/** The error parsePolicy throws, as the user sees it. */
const failure = (yaml: string, source = 'policies/x.yaml'): VeilError => {
  try {
    parsePolicy(yaml, source);
  } catch (e) {
    if (e instanceof VeilError) return e;
    throw e;
  }
  throw new Error('expected the policy to be rejected');
};

describe('valid policies', () => {
  it.each(readdirSync(POLICIES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml')))(
    'shipped %s loads',
    (file) => {
      const loaded = loadPolicyFile(join(POLICIES, file));
      expect(loaded.source).toBe(join(POLICIES, file));
      expect(loaded.version).toMatch(/^[0-9a-f]{12}$/);
    },
  );

  it('the default policy has the documented rules', () => {
    const { policy } = parsePolicy(DEFAULT_TEXT, 'default.yaml');
    expect(policy.name).toBe('default');
    expect(policy.masking.minScore).toBe(0.5);
    expect(policy.masking.entities.CREDIT_CARD).toEqual({ action: 'partial', keepLast: 4 });
    expect(policy.masking.entities.SSN).toEqual({ action: 'redact' });
    expect(policy.guard.discloseAt).toBe('possession');
  });

  it('the version is a content hash: same text same version, any edit a new one', () => {
    const a = parsePolicy(DEFAULT_TEXT).version;
    expect(parsePolicy(DEFAULT_TEXT, 'elsewhere.yaml').version).toBe(a);
    expect(parsePolicy(DEFAULT_TEXT.replace('minScore: 0.5', 'minScore: 0.6')).version).not.toBe(a);
    expect(parsePolicy(`${DEFAULT_TEXT}# a comment\n`).version).not.toBe(a);
  });

  it('fills defaults for optional sections', () => {
    const { policy } = parsePolicy('name: tiny\nmasking: {}\n');
    expect(policy.masking).toEqual({ minScore: 0.5, entities: {}, allow: [], deny: [] });
    expect(policy.business).toEqual({ emails: [], phones: [], addresses: [] });
    expect(policy.guard.neverDisclose).toEqual(['CREDIT_CARD', 'SSN', 'PASSWORD']);
  });
});

describe('errors name the file, the line and the field in plain words', () => {
  const head = 'name: x\nmasking:\n';
  it.each([
    {
      name: 'bad action (flow mapping)',
      yaml: `${head}  minScore: 0.5\n  entities:\n    PHONE: { action: redact }\n    EMAIL: { action: hide }\n`,
      message:
        "policies/x.yaml: line 6: masking.entities.EMAIL.action: must be one of placeholder, partial, redact, hash, keep, drop-message; got 'hide'",
      field: 'masking.entities.EMAIL.action',
    },
    {
      name: 'bad action (block mapping)',
      yaml: `${head}  entities:\n    EMAIL:\n      label: MAIL\n      action: hide\n`,
      message:
        "policies/x.yaml: line 6: masking.entities.EMAIL.action: must be one of placeholder, partial, redact, hash, keep, drop-message; got 'hide'",
      field: 'masking.entities.EMAIL.action',
    },
    {
      name: 'missing action',
      yaml: `${head}  entities:\n    EMAIL: { label: MAIL }\n`,
      message:
        'policies/x.yaml: line 4: masking.entities.EMAIL.action: is required: one of placeholder, partial, redact, hash, keep, drop-message',
      field: 'masking.entities.EMAIL.action',
    },
    {
      name: 'unknown key (nested)',
      yaml: `${head}  entities: {}\n  colour: red\n`,
      message: "policies/x.yaml: line 4: masking.colour: unknown setting 'colour'; check the spelling",
      field: 'masking.colour',
    },
    {
      name: 'unknown key (top level)',
      yaml: `name: x\nmasking: {}\nmaskin: {}\n`,
      message: "policies/x.yaml: line 3: maskin: unknown setting 'maskin'; check the spelling",
      field: 'maskin',
    },
    {
      name: 'unknown key in an entity rule',
      yaml: `${head}  entities:\n    CREDIT_CARD: { action: partial, keepFirst: 4 }\n`,
      message:
        "policies/x.yaml: line 4: masking.entities.CREDIT_CARD.keepFirst: unknown setting 'keepFirst'; check the spelling",
      field: 'masking.entities.CREDIT_CARD.keepFirst',
    },
    {
      name: 'bad entity type name',
      yaml: `${head}  entities:\n    email: { action: redact }\n`,
      message:
        "policies/x.yaml: line 4: masking.entities.email: entity type names are UPPER_SNAKE_CASE, e.g. EMAIL or LOYALTY_ID; got 'email'",
      field: 'masking.entities.email',
    },
    {
      name: 'bad deny type, in a list',
      yaml: `${head}  deny:\n    - { value: ACME, type: CODE }\n    - { value: X1, type: loyalty id }\n`,
      message:
        "policies/x.yaml: line 5: masking.deny[1].type: entity type names are UPPER_SNAKE_CASE, e.g. EMAIL or LOYALTY_ID; got 'loyalty id'",
      field: 'masking.deny[1].type',
    },
    {
      name: 'number out of range',
      yaml: `${head}  minScore: 1.5\n`,
      message: 'policies/x.yaml: line 3: masking.minScore: must be at most 1; got 1.5',
      field: 'masking.minScore',
    },
    {
      name: 'wrong type',
      yaml: `${head}  minScore: high\n`,
      message: "policies/x.yaml: line 3: masking.minScore: must be a number; got 'high'",
      field: 'masking.minScore',
    },
    {
      name: 'keepLast too large',
      yaml: `${head}  entities:\n    CREDIT_CARD: { action: partial, keepLast: 12 }\n`,
      message: 'policies/x.yaml: line 4: masking.entities.CREDIT_CARD.keepLast: must be at most 8; got 12',
      field: 'masking.entities.CREDIT_CARD.keepLast',
    },
    {
      name: 'missing required section',
      yaml: 'name: x\ndescription: no masking\n',
      message: 'policies/x.yaml: line 1: masking: is required',
      field: 'masking',
    },
    {
      name: 'empty allow entry',
      yaml: `${head}  allow: ['']\n`,
      message: 'policies/x.yaml: line 3: masking.allow[0]: must not be empty',
      field: 'masking.allow[0]',
    },
    {
      name: 'not a mapping',
      yaml: '- just\n- a list\n',
      message: 'policies/x.yaml: line 1: (top level): must be a mapping; got a list',
      field: '',
    },
  ])('$name', ({ yaml, message, field }) => {
    const e = failure(yaml);
    expect(e.message).toBe(message);
    expect(e.field).toBe(field);
    expect(e.code).toBe('invalid_policy');
  });

  it.each([
    { name: 'unclosed flow sequence', yaml: 'name: x\nmasking:\n  allow: [a, b\n  deny: []\n', line: 4 },
    { name: 'tab indentation', yaml: 'name: x\nmasking:\n\tallow: []\n', line: 3 },
    { name: 'duplicate key', yaml: 'name: x\nmasking: {}\nname: y\n', line: 3 },
  ])('YAML syntax error names the line: $name', ({ yaml, line }) => {
    expect(failure(yaml).message).toMatch(
      new RegExp(`^policies/x\\.yaml: line ${line}: YAML syntax error: \\S`),
    );
  });

  it('an empty or comment-only file says so', () => {
    for (const yaml of ['', '# nothing yet\n']) {
      expect(failure(yaml).message).toBe(
        'policies/x.yaml: the file is empty; a policy needs at least a name and a masking section',
      );
    }
  });

  it('loadPolicyFile names the real path; a missing file is a plain ENOENT for callers to word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-policy-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: x\nmasking:\n  entities:\n    EMAIL: { action: hide }\n');
    expect(() => loadPolicyFile(file)).toThrow(`${file}: line 4: masking.entities.EMAIL.action`);
    expect(() => loadPolicyFile(join(dir, 'missing.yaml'))).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });
});
