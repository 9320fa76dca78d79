import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import { createHttpDirectory } from '../../src/directory/http.js';
import { DIRECTORY_FIXTURE, directoryContract } from '../contract/directory.contract.js';
import {
  type LocalServer,
  type RecordedRequest,
  sendJson,
  startLocalServer,
} from '../contract/local-server.js';

/** A deliberately lax CRM: any search returns every account, so matching precision is Veil's own. */
function laxCrm(records: AccountRecord[]) {
  return (req: RecordedRequest, res: ServerResponse) => {
    const m = /^\/accounts\/(.+)$/.exec(req.url.pathname);
    if (m) {
      const r = records.find((x) => x.id === decodeURIComponent(m[1]!));
      return r ? sendJson(res, 200, r) : sendJson(res, 404, { error: 'not found' });
    }
    if (req.url.pathname === '/accounts') return sendJson(res, 200, { accounts: records });
    sendJson(res, 404, {});
  };
}

const servers: LocalServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function serve(handler: Parameters<typeof startLocalServer>[0]) {
  const s = await startLocalServer(handler);
  servers.push(s);
  return s;
}
const directoryAt = (base: string, timeoutMs = 1000) =>
  createHttpDirectory({
    searchUrl: `${base}/accounts?email={email}&phone={phone}&name={name}&card={cardLast4}&v=2`,
    accountUrl: `${base}/accounts/{id}`,
    timeoutMs,
    headers: { authorization: 'Bearer test-token' },
  });

directoryContract('http', async (records) => {
  const s = await startLocalServer(laxCrm(records));
  return { subject: directoryAt(s.url), close: () => s.close() };
});

describe('http directory', () => {
  it('fills the URL templates, repeating or leaving out parameters, and sends the configured headers', async () => {
    const s = await serve(laxCrm(DIRECTORY_FIXTURE));
    const d = directoryAt(s.url);
    await d.findCandidates({
      emails: ['Jane.Doe@Example.com', 'j@example.org'],
      phones: ['+1 (503) 555-0117'],
    });
    await d.get('A/1 x');
    const [search, get] = s.requests;
    expect(search!.url.searchParams.getAll('email')).toEqual(['jane.doe@example.com', 'j@example.org']);
    expect(search!.url.searchParams.getAll('phone')).toEqual(['15035550117']);
    expect(search!.url.searchParams.has('name')).toBe(false);
    expect(search!.url.searchParams.get('v')).toBe('2');
    expect(search!.headers.authorization).toBe('Bearer test-token');
    expect(get!.url.pathname).toBe('/accounts/A%2F1%20x');
  });

  it('does not call the CRM when the query has nothing the template can search by', async () => {
    const s = await serve(laxCrm(DIRECTORY_FIXTURE));
    const d = createHttpDirectory({
      searchUrl: `${s.url}/accounts?email={email}`,
      accountUrl: `${s.url}/accounts/{id}`,
    });
    expect(await d.findCandidates({ names: ['Jane Doe'] })).toEqual([]);
    expect(s.requests).toHaveLength(0);
  });

  it('reports a CRM that does not answer in time as a timeout', async () => {
    const s = await serve(() => {
      // Never responds.
    });
    const d = directoryAt(s.url, 100);
    await expect(d.get('A-1')).rejects.toMatchObject({
      name: 'DirectoryError',
      reason: 'timeout',
      status: 504,
    });
    await expect(d.findCandidates({ emails: ['jane.doe@example.com'] })).rejects.toMatchObject({
      reason: 'timeout',
    });
  });

  it('reports a body that stalls mid-way as a timeout', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"accounts": [');
    });
    await expect(directoryAt(s.url, 150).findCandidates({ emails: ['a@example.com'] })).rejects.toMatchObject(
      {
        reason: 'timeout',
      },
    );
  });

  it('answers undefined for 404 on an account, and nothing for 404 on a search', async () => {
    const s = await serve((_req, res) => sendJson(res, 404, { error: 'no such thing' }));
    const d = directoryAt(s.url);
    expect(await d.get('A-1')).toBeUndefined();
    expect(await d.findCandidates({ emails: ['jane.doe@example.com'] })).toEqual([]);
  });

  it('reports 5xx as unavailable and other 4xx as rejected, without the URL or the query', async () => {
    let status = 500;
    const s = await serve((_req, res) => sendJson(res, status, { error: 'x' }));
    const d = directoryAt(s.url);
    const err = await d.findCandidates({ emails: ['jane.doe@example.com'] }).catch((e: Error) => e);
    expect(err).toMatchObject({ reason: 'unavailable', status: 503, message: 'directory answered HTTP 500' });
    expect((err as Error).message).not.toContain('jane');
    status = 403;
    await expect(d.get('A-1')).rejects.toMatchObject({
      reason: 'rejected',
      hint: expect.stringMatching(/credentials/),
    });
  });

  it('reports a refused connection as unavailable', async () => {
    const s = await serve(() => {});
    const url = s.url;
    await s.close();
    servers.length = 0;
    await expect(directoryAt(url).get('A-1')).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('rejects malformed JSON and responses that fail validation', async () => {
    let body = '{"accounts": [';
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    const d = directoryAt(s.url);
    await expect(d.get('A-1')).rejects.toMatchObject({
      reason: 'invalid-response',
      message: expect.stringMatching(/malformed JSON/),
    });

    body = JSON.stringify({ items: [] });
    await expect(d.findCandidates({ emails: ['a@example.com'] })).rejects.toMatchObject({
      reason: 'invalid-response',
    });

    body = JSON.stringify([{ ...DIRECTORY_FIXTURE[0], cardLast4: ['4242424242424242'] }]);
    const err = await d.findCandidates({ emails: ['jane.doe@example.com'] }).catch((e: Error) => e);
    expect(err).toMatchObject({ reason: 'invalid-response', field: 'cardLast4[0]' });
    expect((err as Error).message).not.toContain('4242424242424242');

    body = JSON.stringify({ ...DIRECTORY_FIXTURE[0], id: 'A-2' });
    await expect(d.get('A-1')).rejects.toMatchObject({
      message: expect.stringMatching(/different account id/),
    });
  });

  it('accepts a bare list, an { account } wrapper and extra CRM fields', async () => {
    const extra = { ...DIRECTORY_FIXTURE[0], crmSegment: 'gold' };
    const s = await serve((req, res) =>
      req.url.pathname === '/accounts' ? sendJson(res, 200, [extra]) : sendJson(res, 200, { account: extra }),
    );
    const d = directoryAt(s.url);
    expect(await d.get('A-1')).toEqual(DIRECTORY_FIXTURE[0]);
    expect(await d.findCandidates({ emails: ['jane.doe@example.com'] })).toEqual([DIRECTORY_FIXTURE[0]]);
  });

  it('refuses bad URL templates at start-up, naming the variable', () => {
    expect(() => createHttpDirectory({ searchUrl: 'not a url', accountUrl: 'http://x/{id}' })).toThrow(
      expect.objectContaining({ field: 'DIRECTORY_URL' }),
    );
    expect(() =>
      createHttpDirectory({ searchUrl: 'http://x/accounts?q=1', accountUrl: 'http://x/{id}' }),
    ).toThrow(/placeholder/);
    expect(() =>
      createHttpDirectory({ searchUrl: 'http://x/a?email={email}', accountUrl: 'http://x/accounts' }),
    ).toThrow(expect.objectContaining({ field: 'DIRECTORY_ACCOUNT_URL' }));
    expect(() =>
      createHttpDirectory({ searchUrl: 'ftp://x/a?email={email}', accountUrl: 'http://x/{id}' }),
    ).toThrow(/http/);
  });
});
