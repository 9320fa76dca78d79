import type { AccountRecord } from '../core/account.js';
import { findCandidates } from './match.js';
import type { CandidateQuery, Directory } from './port.js';

/** A directory over records held in memory: `veil replay` scripts and embedded uses. */
export function createStaticDirectory(records: readonly AccountRecord[]): Directory {
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    async get(id: string) {
      return byId.get(id);
    },
    async findCandidates(q: CandidateQuery) {
      return findCandidates(byId.values(), q);
    },
  };
}
