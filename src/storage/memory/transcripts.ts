import type { TranscriptEntry, TranscriptStore } from '../ports.js';
import { checkTranscriptEntry } from '../records.js';
import { clampLimit, dateMs, jsonCopy, requireId } from '../validate.js';

interface Conversation {
  lastSeq: number;
  entries: { atMs: number; entry: TranscriptEntry }[];
}

export function createMemoryTranscriptStore(): TranscriptStore {
  const conversations = new Map<string, Conversation>();
  return {
    async append(conversationId, input) {
      requireId('conversationId', conversationId);
      const { atMs, entry } = checkTranscriptEntry(input);
      let c = conversations.get(conversationId);
      if (!c) {
        c = { lastSeq: 0, entries: [] };
        conversations.set(conversationId, c);
      }
      const seq = ++c.lastSeq;
      c.entries.push({ atMs, entry: { ...entry, conversationId, seq } });
      return seq;
    },
    async list(conversationId, opts = {}) {
      requireId('conversationId', conversationId);
      const limit = clampLimit(opts.limit);
      const after = opts.afterSeq ?? 0;
      const customer = opts.audience === 'customer';
      return (conversations.get(conversationId)?.entries ?? [])
        .filter(({ entry }) => entry.seq > after && (!customer || entry.visibility === 'all'))
        .slice(0, limit)
        .map(({ entry }) => jsonCopy(entry));
    },
    async purge(before) {
      const cutoff = dateMs('before', before);
      let removed = 0;
      for (const c of conversations.values()) {
        const kept = c.entries.filter((e) => e.atMs >= cutoff);
        removed += c.entries.length - kept.length;
        // The conversation (and its lastSeq) stays, so seq numbers are never reused after a purge.
        c.entries = kept;
      }
      return removed;
    },
  };
}
