import { mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VeilError } from '../../src/core/errors.js';
import { createPolicyRegistry, type PolicyEvent, type PolicyRegistry } from '../../src/policy/registry.js';

const SHIPPED = new URL('../../policies/', import.meta.url);
const DEFAULT = readFileSync(new URL('default.yaml', SHIPPED), 'utf8');
const RETAIL = readFileSync(new URL('retail.yaml', SHIPPED), 'utf8');

const open: PolicyRegistry[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(
  files: Record<string, string> = { 'default.yaml': DEFAULT, 'retail.yaml': RETAIL },
  timing = { debounceMs: 60, pollMs: 120 },
) {
  const dir = mkdtempSync(join(tmpdir(), 'veil-policies-'));
  dirs.push(dir);
  for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
  const events: PolicyEvent[] = [];
  const registry = createPolicyRegistry({ dir, onEvent: (e) => events.push(e), ...timing });
  open.push(registry);
  /** Writes like an editor that saves in place. */
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  return { dir, events, registry, write };
}

/** Polls until the condition holds; fails after `ms`. */
async function until(cond: () => boolean, ms = 3000): Promise<number> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('loading a folder', () => {
  it('loads every policy, skips cases files, and selects by match with default as the fallback', () => {
    const { registry, events } = setup({
      'default.yaml': DEFAULT,
      'retail.yaml': RETAIL,
      'default.cases.yaml': 'customer: []\n',
    });
    expect(
      registry
        .status()
        .policies.map((p) => p.name)
        .sort(),
    ).toEqual(['default', 'retail']);
    expect(registry.forConversation({ channelId: 'sms' }).policy.name).toBe('retail');
    expect(registry.forConversation({ channelId: 'webchat' }).policy.name).toBe('default');
    expect(registry.forConversation({}).policy.name).toBe('default');
    expect(registry.byName('retail')?.version).toMatch(/^[0-9a-f]{12}$/);
    expect(registry.byName('missing')).toBeUndefined();
    expect(events.map((e) => [e.kind, e.file])).toEqual([
      ['policy-loaded', 'default.yaml'],
      ['policy-loaded', 'retail.yaml'],
    ]);
    // The detector is built for the policy: retail's own recognizer runs only under retail.
    expect(registry.forConversation({ channelId: 'sms' }).detector.detect('LY-12345678')).toHaveLength(1);
    expect(registry.forConversation({}).detector.detect('LY-12345678')).toHaveLength(0);
  });

  it('refuses to start without a valid default policy, naming the file and problem', () => {
    expect(() => setup({ 'retail.yaml': RETAIL })).toThrow(/default\.yaml: missing/);
    let err: unknown;
    try {
      setup({ 'default.yaml': DEFAULT.replace('action: redact', 'action: hide') });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VeilError);
    expect((err as VeilError).message).toMatch(
      /default\.yaml: line \d+: masking\.entities\.SSN\.action: must be one of/,
    );
  });

  it('starts with a broken non-default policy, reporting it; its conversations use default', () => {
    const { registry, events } = setup({
      'default.yaml': DEFAULT,
      'retail.yaml': RETAIL.replace('minScore: 0.5', 'minScore: lots'),
    });
    expect(registry.forConversation({ channelId: 'sms' }).policy.name).toBe('default');
    const file = registry.status().files.find((f) => f.file === 'retail.yaml');
    expect(file?.inForce).toBeUndefined();
    expect(file?.lastLoad.errors?.[0]).toMatchObject({ field: 'masking.minScore', line: 11 });
    expect(events.find((e) => e.kind === 'policy-rejected')?.error).toMatch(
      /retail\.yaml: line 11: masking\.minScore: must be a number; got 'lots'/,
    );
  });

  it('rejects a policy whose name differs from its file name', () => {
    const { registry } = setup({ 'default.yaml': DEFAULT, 'retail-2.yaml': RETAIL });
    expect(registry.byName('retail')).toBeUndefined();
    expect(
      registry.status().files.find((f) => f.file === 'retail-2.yaml')?.lastLoad.errors?.[0]?.message,
    ).toMatch(/must equal the file name without \.yaml \('retail-2'\)/);
  });

  it('hands the guard a disclosure level it enforces: the strictest per-kind level', () => {
    const { registry } = setup();
    expect(registry.byName('retail')?.policy.guard.discloseAt).toBe('authenticated');
    expect(registry.byName('default')?.policy.guard.discloseAt).toBe('possession');
  });
});

describe('hot reload', () => {
  it('a valid edit takes effect within 2 seconds with the default timings', async () => {
    const { registry, write } = setup(undefined, { debounceMs: 250, pollMs: 1000 });
    const before = registry.byName('default')!.version;
    write('default.yaml', DEFAULT.replace('maxAttempts: 5', 'maxAttempts: 4'));
    const took = await until(() => registry.byName('default')!.version !== before, 2000);
    expect(took).toBeLessThan(2000);
    expect(registry.byName('default')!.policy.guard.otp.maxAttempts).toBe(4);
  });

  it('an edit is picked up by polling when no watch event arrives (rename into place)', async () => {
    const { registry, dir } = setup();
    const tmp = join(dir, '.retail.yaml.tmp');
    writeFileSync(tmp, RETAIL.replace('maxAttempts: 3', 'maxAttempts: 2'));
    renameSync(tmp, join(dir, 'retail.yaml'));
    await until(() => registry.byName('retail')!.policy.guard.otp.maxAttempts === 2);
  });

  it.each([
    [
      'a schema error',
      RETAIL.replace('EMAIL: { action: placeholder }', 'EMAIL: { action: hide }'),
      /masking\.entities\.EMAIL\.action: must be one of placeholder/,
    ],
    ['a YAML syntax error', RETAIL.replace('masking:\n', 'masking: [\n'), /YAML syntax error/],
    [
      'a bad regex',
      RETAIL.replace("'\\bLY-?\\d{8}\\b'", "'\\bLY-(\\d{8}'"),
      /recognizers\[0\]\.patterns\[0\]\.regex: is not a valid regular expression/,
    ],
    [
      'a backtracking regex',
      RETAIL.replace("'\\bLY-?\\d{8}\\b'", "'(\\d+)+LY'"),
      /repeats a group that already repeats/,
    ],
    ['an empty file', '', /the file is empty/],
  ])('%s is rejected and the last good version stays in force', async (_name, text, error) => {
    const { registry, write, events } = setup();
    const good = registry.byName('retail')!;
    write('retail.yaml', text);
    await until(() => events.some((e) => e.kind === 'policy-rejected'));
    const rejected = events.find((e) => e.kind === 'policy-rejected')!;
    expect(rejected).toMatchObject({ file: 'retail.yaml', version: good.version });
    expect(rejected.error).toMatch(error);
    expect(registry.byName('retail')).toBe(good);
    expect(registry.forConversation({ channelId: 'sms' })).toBe(good);
    const status = registry.status().files.find((f) => f.file === 'retail.yaml')!;
    expect(status).toMatchObject({ inForce: good.version, lastLoad: { ok: false } });
    expect(status.lastLoad.version).not.toBe(good.version);
    // Fixing the file loads it again.
    write('retail.yaml', RETAIL.replace('maxAttempts: 3', 'maxAttempts: 2'));
    await until(() => registry.byName('retail')!.policy.guard.otp.maxAttempts === 2);
    expect(registry.status().files.find((f) => f.file === 'retail.yaml')?.lastLoad.ok).toBe(true);
  });

  it('a half-written save that is completed quickly is never applied or rejected', async () => {
    const { registry, write, events } = setup(undefined, { debounceMs: 150, pollMs: 300 });
    const next = DEFAULT.replace('maxAttempts: 5', 'maxAttempts: 4');
    write('default.yaml', next.slice(0, next.indexOf('guard:'))); // valid YAML, but without the guard
    await settle(30);
    write('default.yaml', next);
    await until(() => registry.byName('default')!.policy.guard.otp.maxAttempts === 4);
    await settle(400);
    expect(events.slice(2).map((e) => e.kind)).toEqual(['policy-loaded']);
  });

  it('a half-written save left behind is rejected when invalid', async () => {
    const { registry, write, events } = setup();
    const good = registry.byName('default')!;
    write('default.yaml', DEFAULT.slice(0, DEFAULT.indexOf('CREDIT_CARD: { action: partial') + 25));
    await until(() => events.some((e) => e.kind === 'policy-rejected'));
    expect(registry.byName('default')).toBe(good);
  });

  it('a deleted file is reported; its last good version stays in force, also for default', async () => {
    const { registry, dir, events, write } = setup();
    const retail = registry.byName('retail')!;
    const def = registry.byName('default')!;
    unlinkSync(join(dir, 'retail.yaml'));
    unlinkSync(join(dir, 'default.yaml'));
    await until(() => events.filter((e) => e.kind === 'policy-rejected').length === 2);
    expect(
      events
        .filter((e) => e.kind === 'policy-rejected')
        .map((e) => e.error)
        .sort(),
    ).toEqual([
      expect.stringMatching(
        /^default\.yaml: was deleted; the last good version \([0-9a-f]{12}\) stays in force/,
      ),
      expect.stringMatching(/^retail\.yaml: was deleted/),
    ]);
    expect(registry.forConversation({ channelId: 'sms' })).toBe(retail);
    expect(registry.forConversation({})).toBe(def);
    expect(registry.status().files.every((f) => f.deleted)).toBe(true);
    write('retail.yaml', RETAIL);
    await until(() => registry.status().files.find((f) => f.file === 'retail.yaml')?.deleted === false);
    expect(registry.byName('retail')?.version).toBe(retail.version);
  });

  it('a new policy file is picked up', async () => {
    const { registry, write } = setup({ 'default.yaml': DEFAULT });
    write('retail.yaml', RETAIL);
    await until(() => registry.byName('retail') !== undefined);
    expect(registry.forConversation({ channelId: 'sms' }).policy.name).toBe('retail');
  });

  it('a weakening edit is applied and reported with what changed', async () => {
    const { registry, write, events } = setup();
    write(
      'default.yaml',
      DEFAULT.replace('EMAIL: { action: placeholder }', 'EMAIL: { action: keep }').replace(
        'discloseAt: possession',
        'discloseAt: knowledge',
      ),
    );
    await until(() => events.some((e) => e.kind === 'policy-weakened'));
    const weakened = events.find((e) => e.kind === 'policy-weakened')!;
    expect(weakened.file).toBe('default.yaml');
    expect(weakened.changes?.map((c) => c.field)).toEqual([
      'masking.entities.EMAIL.action',
      'guard.discloseAt',
    ]);
    expect(registry.byName('default')?.policy.masking.entities.EMAIL?.action).toBe('keep');
    expect(registry.status().files.find((f) => f.file === 'default.yaml')?.lastLoad.warnings).toEqual([
      'WEAKER masking.entities.EMAIL.action: placeholder -> keep',
      'WEAKER guard.discloseAt: possession -> knowledge',
    ]);
  });

  it('a strengthening edit is loaded without a weakening warning', async () => {
    const { registry, write, events } = setup();
    write('default.yaml', DEFAULT.replace('maxAttempts: 5', 'maxAttempts: 3'));
    await until(() => registry.byName('default')!.policy.guard.otp.maxAttempts === 3);
    expect(events.some((e) => e.kind === 'policy-weakened')).toBe(false);
    expect(events.at(-1)?.changes).toEqual([
      { field: 'guard.otp.maxAttempts', from: '5', to: '3', weakens: false },
    ]);
  });

  it('a throwing event handler does not stop a reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-policies-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'default.yaml'), DEFAULT);
    const registry = createPolicyRegistry({
      dir,
      debounceMs: 50,
      pollMs: 100,
      onEvent: () => {
        throw new Error('audit down');
      },
    });
    open.push(registry);
    writeFileSync(join(dir, 'default.yaml'), DEFAULT.replace('maxAttempts: 5', 'maxAttempts: 4'));
    await until(() => registry.byName('default')!.policy.guard.otp.maxAttempts === 4);
  });

  it('after close() edits are no longer applied', async () => {
    const { registry, write } = setup();
    registry.close();
    const before = registry.byName('default')!.version;
    write('default.yaml', DEFAULT.replace('maxAttempts: 5', 'maxAttempts: 4'));
    await settle(500);
    expect(registry.byName('default')!.version).toBe(before);
  });
});
