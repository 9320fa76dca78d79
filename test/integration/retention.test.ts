import { describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/app.js';
import { createLogger } from '../../src/logging.js';
import type { ConversationDoc } from '../../src/pipeline/conversation.js';
import { staticPolicyProvider } from '../../src/pipeline/policies.js';
import { parsePolicy } from '../../src/policy/loader.js';
import { openMemoryStores } from '../../src/storage/memory/index.js';

const DAY = 24 * 60 * 60 * 1000;
const policyText = `name: default
masking: {}
retention: { transcriptsDays: 30, auditDays: 90 }
`;

describe('retention purge', () => {
  it('deletes transcripts and audit records older than the policy says, keeps the rest, and audits the purge', async () => {
    const stores = await openMemoryStores<ConversationDoc>({ secret: 's'.repeat(32) });
    const now = Date.parse('2026-06-01T00:00:00Z');
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
    for (const d of [45, 10]) {
      await stores.transcripts.append('c-1', {
        at: at(d),
        from: 'customer',
        text: `[EMAIL_1] ${d}`,
        visibility: 'all',
      });
    }
    for (const d of [120, 60]) {
      await stores.audit.append({ at: at(d), kind: 'mask', policyVersion: 'v', detail: `${d}` });
    }
    const policies = staticPolicyProvider(parsePolicy(policyText, 'default.yaml'));
    const result = await purgeExpired(stores, policies, createLogger({ level: 'silent' }), now);
    expect(result).toEqual({ transcripts: 1, audit: 1 });
    expect((await stores.transcripts.list('c-1')).map((e) => e.text)).toEqual(['[EMAIL_1] 10']);
    const audit = await stores.audit.query({ order: 'oldest-first' });
    expect(audit.map((r) => r.detail)).toEqual(['60', 'purged 1 transcript entries and 1 audit records']);
    expect(audit[1]!.rule).toBe('retention.purge');
    await stores.close();
  });
});
