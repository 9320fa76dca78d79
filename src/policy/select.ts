import type { PolicyMatch } from './schema.js';

/** What the pipeline knows about a conversation when it picks a policy. */
export interface SelectionHint {
  channelId?: string | undefined;
  recipientId?: string | undefined;
  tenant?: string | undefined;
}

export const DEFAULT_POLICY = 'default';

const CRITERIA = [
  ['channelIds', 'channelId'],
  ['recipientIds', 'recipientId'],
  ['tenants', 'tenant'],
] as const;

/** How many criteria a policy's `match` sets and the hint satisfies; undefined when it does not match. */
export function matchScore(match: PolicyMatch | undefined, hint: SelectionHint): number | undefined {
  if (!match) return undefined;
  let n = 0;
  for (const [list, key] of CRITERIA) {
    const wanted = match[list];
    if (!wanted) continue;
    const have = hint[key];
    if (have === undefined || !wanted.includes(have)) return undefined;
    n++;
  }
  return n > 0 ? n : undefined;
}

/**
 * The policy for a conversation: the one whose `match` fits with the most criteria (ties go to the name
 * first in alphabetical order, so the choice never depends on file-system order), else `default`.
 */
export function selectPolicy<T extends { name: string; match?: PolicyMatch | undefined }>(
  candidates: readonly T[],
  hint: SelectionHint,
): T | undefined {
  let best: { item: T; score: number } | undefined;
  for (const c of candidates) {
    if (c.name === DEFAULT_POLICY) continue;
    const score = matchScore(c.match, hint);
    if (score === undefined) continue;
    if (!best || score > best.score || (score === best.score && c.name < best.item.name))
      best = { item: c, score };
  }
  return best?.item ?? candidates.find((c) => c.name === DEFAULT_POLICY);
}
