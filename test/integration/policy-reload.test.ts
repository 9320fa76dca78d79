import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPLIANCE_KEY, type Harness, onlyConversationId, startHarness } from './harness.js';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the running server and its policy folder', () => {
  it('applies a valid edit to new turns, rejects a bad one keeping the last good policy, and audits both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-pol-'));
    cpSync('policies', dir, { recursive: true });
    h = await startHarness({ VEIL_POLICY_DIR: dir });
    const file = join(dir, 'default.yaml');
    const original = readFileSync(file, 'utf8');

    await h.customer('pol-1', 'my email is first@example.com');
    const id = await onlyConversationId(h);
    const text = async () =>
      (
        (await (await h!.get(`/agent/v1/conversations/${id}/transcript`)).json()) as {
          entries: { text: string }[];
        }
      ).entries;

    // Hash emails instead of numbering them.
    writeFileSync(file, original.replace(/EMAIL: \{ action: placeholder \}/, 'EMAIL: { action: hash }'));
    const policies = async () =>
      (await (await h!.get('/admin/v1/policies', COMPLIANCE_KEY)).json()) as {
        policies: { name: string; version: string }[];
      };
    const before = (await policies()).policies.find((p) => p.name === 'default')!.version;
    await waitFor(policies, (p) => p.policies.find((x) => x.name === 'default')!.version !== before);
    await h.customer('pol-1', 'my email is second@example.com');
    expect((await text()).at(-1)!.text).toMatch(/^my email is \[EMAIL#[0-9a-f]+\]$/);

    // A broken edit: the hashed policy stays in force.
    writeFileSync(file, 'name: default\nmasking: { entities: { EMAIL: { action: hide } } }\n');
    await new Promise((r) => setTimeout(r, 2500));
    await h.customer('pol-1', 'my email is third@example.com');
    expect((await text()).at(-1)!.text).toMatch(/^my email is \[EMAIL#[0-9a-f]+\]$/);

    const audit = (await (await h.get('/admin/v1/audit?kind=policy', COMPLIANCE_KEY)).json()) as {
      records: { rule: string }[];
    };
    const rules = audit.records.map((r) => r.rule);
    expect(rules).toContain('policy-loaded');
    expect(rules).toContain('policy-rejected');
  });
});
