/** Every key Veil writes lives under one prefix, so instances of several deployments can share a server. */
export const DEFAULT_REDIS_PREFIX = 'veil:';

export interface RedisKeys {
  state(id: string): string;
  stateIndex: string;
  dedup(key: string): string;
  events: string;
}

export function redisKeys(prefix: string = DEFAULT_REDIS_PREFIX): RedisKeys {
  return {
    state: (id) => `${prefix}state:${id}`,
    stateIndex: `${prefix}state-index`,
    dedup: (key) => `${prefix}dedup:${key}`,
    events: `${prefix}events`,
  };
}
