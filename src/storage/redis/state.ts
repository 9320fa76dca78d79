import type { Redis } from 'ioredis';
import type { StateBackend, StateBlob, StateListEntry } from '../ports.js';
import type { RedisKeys } from './keys.js';

// The etag check and both writes run as one script, so no other client can slip in between them.
// ARGV[1] = '1' when a row must not exist yet, else the expected etag in ARGV[2].
const CAS = `
local current = redis.call('HGET', KEYS[1], 'etag')
if ARGV[1] == '1' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[1], 'version', ARGV[3], 'etag', ARGV[4], 'updatedAtMs', ARGV[5], 'blob', ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[7])
return 1
`;

const DELETE = `
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[1])
`;

type Scripts = {
  veilStateCas(...args: (string | number)[]): Promise<number>;
  veilStateDelete(...args: string[]): Promise<number>;
};

/**
 * Each conversation is a hash (version, etag, updatedAtMs, blob); a sorted set scored by updatedAtMs is the
 * index `list` reads, kept in step with the hashes by the scripts.
 */
export function createRedisStateBackend(client: Redis, keys: RedisKeys): StateBackend {
  if (!('veilStateCas' in client)) {
    client.defineCommand('veilStateCas', { numberOfKeys: 2, lua: CAS });
    client.defineCommand('veilStateDelete', { numberOfKeys: 2, lua: DELETE });
  }
  const scripts = client as unknown as Scripts;

  return {
    async read(id) {
      const [version, etag, updatedAtMs, blob] = await client.hmget(
        keys.state(id),
        'version',
        'etag',
        'updatedAtMs',
        'blob',
      );
      if (version == null || etag == null || updatedAtMs == null || blob == null) return undefined;
      return { version: Number(version), etag, updatedAtMs: Number(updatedAtMs), blob };
    },
    async compareAndSet(id, expectedEtag, n: StateBlob) {
      const ok = await scripts.veilStateCas(
        keys.state(id),
        keys.stateIndex,
        expectedEtag === null ? '1' : '0',
        expectedEtag ?? '',
        n.version,
        n.etag,
        n.updatedAtMs,
        n.blob,
        id,
      );
      return ok === 1;
    },
    async list({ updatedSinceMs, limit }) {
      // Equal scores come back in member (id) order, matching the SQL adapters' ORDER BY updated_at, id.
      const flat = await client.zrangebyscore(
        keys.stateIndex,
        updatedSinceMs ?? '-inf',
        '+inf',
        'WITHSCORES',
        'LIMIT',
        0,
        limit ?? -1,
      );
      const ids: { id: string; updatedAtMs: number }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2)
        ids.push({ id: flat[i]!, updatedAtMs: Number(flat[i + 1]) });
      if (ids.length === 0) return [];
      const pipeline = client.pipeline();
      for (const { id } of ids) pipeline.hget(keys.state(id), 'version');
      const versions = (await pipeline.exec()) ?? [];
      const out: StateListEntry[] = [];
      ids.forEach(({ id, updatedAtMs }, i) => {
        const [error, version] = versions[i] ?? [];
        // Deleted between the two reads: leave it out rather than report a conversation that is gone.
        if (error || version == null) return;
        out.push({ id, version: Number(version), updatedAt: new Date(updatedAtMs).toISOString() });
      });
      return out;
    },
    async delete(id) {
      return (await scripts.veilStateDelete(keys.state(id), keys.stateIndex, id)) > 0;
    },
  };
}
