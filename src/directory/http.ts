import { z } from 'zod';
import { errors } from '../core/errors.js';
import type { AccountRecord } from '../core/account.js';
import { findCandidates, isEmptyQuery } from './match.js';
import { cardLast4, normalizeEmail, phoneDigits } from './normalize.js';
import { type CandidateQuery, type Directory, DirectoryError } from './port.js';
import { AccountRecordSchema, describeIssues, toAccountRecord } from './schema.js';

export interface HttpDirectoryOptions {
  /**
   * Search URL; query parameters whose value is a placeholder are filled from the query, repeated for
   * several values and left out when there is none: `https://crm.example/accounts?email={email}&phone={phone}`.
   * Placeholders: {email} {phone} {name} {cardLast4}.
   */
  searchUrl: string;
  /** Account URL with an {id} placeholder: `https://crm.example/accounts/{id}`. */
  accountUrl: string;
  /** Per request, including reading the body. Default 3000 ms. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

const PLACEHOLDERS = ['email', 'phone', 'name', 'cardLast4'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

const SearchResponse = z.union([z.array(z.unknown()), z.object({ accounts: z.array(z.unknown()) })]);

function checkUrl(variable: string, url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.replaceAll('{id}', 'x'));
  } catch {
    throw errors.config(variable, 'is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw errors.config(variable, 'must be http(s)');
  return parsed;
}

/** The CRM over HTTP. Responses are validated and re-matched locally, so a lax CRM search cannot widen results. */
export function createHttpDirectory(opts: HttpDirectoryOptions): Directory {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const search = checkUrl('DIRECTORY_URL', opts.searchUrl);
  const slot = new RegExp(`^\\{(${PLACEHOLDERS.join('|')})\\}$`);
  const slots = [...search.searchParams.entries()].filter(([, v]) => slot.test(v));
  if (slots.length === 0) {
    throw errors.config(
      'DIRECTORY_URL',
      `needs at least one query placeholder: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
    );
  }
  checkUrl('DIRECTORY_ACCOUNT_URL', opts.accountUrl);
  if (!opts.accountUrl.includes('{id}'))
    throw errors.config('DIRECTORY_ACCOUNT_URL', 'needs an {id} placeholder');

  const values = (q: CandidateQuery): Record<Placeholder, string[]> => ({
    email: [...new Set((q.emails ?? []).map(normalizeEmail))],
    phone: [...new Set((q.phones ?? []).map(phoneDigits))],
    name: [...new Set((q.names ?? []).map((n) => n.trim()))],
    cardLast4: [...new Set((q.cardLast4 ?? []).map(cardLast4))],
  });

  async function request(url: URL): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json', ...opts.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.status === 404) {
        await res.body?.cancel();
        return { status: 404, body: undefined };
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new DirectoryError(
          res.status >= 500 || res.status === 429 ? 'unavailable' : 'rejected',
          `directory answered HTTP ${res.status}`,
          { hint: res.status === 401 || res.status === 403 ? 'check the directory credentials' : undefined },
        );
      }
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) };
      } catch (cause) {
        throw new DirectoryError('invalid-response', 'directory answered with malformed JSON', { cause });
      }
    } catch (error) {
      if (error instanceof DirectoryError) throw error;
      if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
        throw new DirectoryError('timeout', `directory did not answer within ${timeoutMs} ms`, {
          cause: error,
        });
      }
      throw new DirectoryError('unavailable', 'directory request failed', { cause: error });
    }
  }

  function parseRecord(raw: unknown, prefix: string): AccountRecord {
    const parsed = AccountRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const { message, field } = describeIssues(prefix, parsed.error);
      throw new DirectoryError('invalid-response', message, { field });
    }
    return toAccountRecord(parsed.data);
  }

  return {
    async get(id) {
      const url = new URL(opts.accountUrl.replaceAll('{id}', encodeURIComponent(id)));
      const { status, body } = await request(url);
      if (status === 404) return undefined;
      const raw =
        body && typeof body === 'object' && 'account' in body ? (body as { account: unknown }).account : body;
      const record = parseRecord(raw, 'directory account response: ');
      // Answering with another account than asked for would put the wrong person's data behind a verification.
      if (record.id !== id)
        throw new DirectoryError('invalid-response', 'directory answered with a different account id');
      return record;
    },

    async findCandidates(query) {
      if (isEmptyQuery(query)) return [];
      const v = values(query);
      const url = new URL(search);
      for (const [key] of slots) url.searchParams.delete(key);
      let filled = false;
      for (const [key, placeholder] of slots) {
        for (const value of v[placeholder.slice(1, -1) as Placeholder]) {
          url.searchParams.append(key, value);
          filled = true;
        }
      }
      // Nothing this CRM can search by: asking with no criteria could return every account.
      if (!filled) return [];
      const { status, body } = await request(url);
      if (status === 404) return [];
      const shape = SearchResponse.safeParse(body);
      if (!shape.success) {
        throw new DirectoryError(
          'invalid-response',
          'directory search response is neither a list nor { accounts: [...] }',
        );
      }
      const list = Array.isArray(shape.data) ? shape.data : shape.data.accounts;
      const records = list.map((r, i) => parseRecord(r, `directory search response [${i}] `));
      return findCandidates(records, query);
    },
  };
}
