import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const KEY = 'k'.repeat(20);
const base = { VEIL_AGENT_KEYS: `alice:agent:${KEY}` };

describe('loadConfig', () => {
  it('has defaults that need no external service', () => {
    const c = loadConfig({ ...base });
    expect(c.PORT).toBe(3978);
    expect(c.VEIL_DB).toBe('data/veil.sqlite');
    expect(c.VEIL_NOTIFIER).toBe('outbox');
    expect(c.VEIL_BODY_LIMIT).toBe(256 * 1024);
    expect(c.VEIL_REPLY_SENDER).toBe('thread');
    expect(c.localMode).toBe(true);
    expect(c.warnings.join(' ')).toMatch(/LOCAL MODE/);
  });

  it('parses agent keys with roles', () => {
    const c = loadConfig({
      VEIL_AGENT_KEYS: `alice:agent:${KEY}, bob:supervisor:${KEY}b,carol:compliance:${KEY}:c`,
    });
    expect(c.VEIL_AGENT_KEYS).toEqual([
      { name: 'alice', role: 'agent', secret: KEY },
      { name: 'bob', role: 'supervisor', secret: `${KEY}b` },
      { name: 'carol', role: 'compliance', secret: `${KEY}:c` },
    ]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ VEIL_AGENT_KEYS: 'alice:admin:xxxxxxxxxxxxxxxxxxxx' }, 'VEIL_AGENT_KEYS'],
    [{ VEIL_AGENT_KEYS: 'alice:agent' }, 'VEIL_AGENT_KEYS'],
    [{ VEIL_AGENT_KEYS: 'alice:agent:short' }, 'VEIL_AGENT_KEYS'],
    [{ VEIL_NOTIFIER: 'pigeon' }, 'VEIL_NOTIFIER'],
    [{ VEIL_NOTIFIER: 'webhook' }, 'VEIL_WEBHOOK_URL'],
    [{ VEIL_WEBHOOK_URL: 'not a url' }, 'VEIL_WEBHOOK_URL'],
    [{ VEIL_BODY_LIMIT: 'lots' }, 'VEIL_BODY_LIMIT'],
    [{ VEIL_REPLY_SENDER: 'carrier-pigeon' }, 'VEIL_REPLY_SENDER'],
    [{ VEIL_SECRET: 'too-short' }, 'VEIL_SECRET'],
    [{ MICROSOFT_APP_ID: 'abc' }, 'MICROSOFT_APP_PASSWORD'],
    [{ DIRECTORY_FILE: 'a.json', DIRECTORY_URL: 'http://127.0.0.1/x' }, 'DIRECTORY_URL'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig({ ...base, ...env })).toThrowError(new RegExp(`^${variable}:`));
  });

  it('refuses local mode and a missing secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', VEIL_SECRET: 's'.repeat(32) })).toThrow(
      /MICROSOFT_APP_ID/,
    );
    expect(() =>
      loadConfig({ ...base, NODE_ENV: 'production', MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }),
    ).toThrow(/VEIL_SECRET/);
    const ok = loadConfig({
      ...base,
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: 'id',
      MICROSOFT_APP_PASSWORD: 'pw',
      VEIL_SECRET: 's'.repeat(32),
    });
    expect(ok.localMode).toBe(false);
    expect(ok.warnings).toEqual([]);
  });

  it('parses body limits', () => {
    expect(loadConfig({ ...base, VEIL_BODY_LIMIT: '1mb' }).VEIL_BODY_LIMIT).toBe(1024 * 1024);
    expect(loadConfig({ ...base, VEIL_BODY_LIMIT: '300' }).VEIL_BODY_LIMIT).toBe(300);
  });
});
