import { describe, expect, it } from 'vitest';
import { openDirectoryFromEnv } from '../../src/directory/config.js';
import { sendJson, startLocalServer } from '../contract/local-server.js';

describe('openDirectoryFromEnv', () => {
  it('opens the JSON file named by DIRECTORY_FILE', async () => {
    const d = await openDirectoryFromEnv({ DIRECTORY_FILE: 'examples/directory.json' });
    expect((await d.get('ACC-1001'))?.name).toBe('Jane Doe');
  });

  it('talks to the CRM at DIRECTORY_URL with the bearer token', async () => {
    const s = await startLocalServer((_req, res) => sendJson(res, 404, {}));
    try {
      const d = await openDirectoryFromEnv({
        DIRECTORY_URL: `${s.url}/accounts?email={email}`,
        DIRECTORY_ACCOUNT_URL: `${s.url}/accounts/{id}`,
        DIRECTORY_TOKEN: 'crm-token',
        DIRECTORY_TIMEOUT_MS: '500',
      });
      expect(await d.get('ACC-1')).toBeUndefined();
      expect(s.requests[0]?.headers.authorization).toBe('Bearer crm-token');
    } finally {
      await s.close();
    }
  });

  it.each([
    [{}, 'DIRECTORY_FILE', /no directory configured/],
    [{ DIRECTORY_FILE: 'a.json', DIRECTORY_URL: 'http://x/?email={email}' }, 'DIRECTORY_FILE', /not both/],
    [{ DIRECTORY_URL: 'http://x/?email={email}' }, 'DIRECTORY_ACCOUNT_URL', /required/],
    [
      {
        DIRECTORY_URL: 'http://x/?email={email}',
        DIRECTORY_ACCOUNT_URL: 'http://x/{id}',
        DIRECTORY_TIMEOUT_MS: '1.5',
      },
      'DIRECTORY_TIMEOUT_MS',
      /whole number/,
    ],
  ])('names the variable that is wrong (%#)', async (env, field, message) => {
    await expect(openDirectoryFromEnv(env)).rejects.toMatchObject({
      field,
      message: expect.stringMatching(message),
    });
  });
});
