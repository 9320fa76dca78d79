import type {
  AuditRecord,
  ConversationDetail,
  ConversationSummary,
  Role,
  SendResult,
  TranscriptEntry,
} from './types.js';

export const API = '/agent/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface Api {
  readonly key: string;
  conversations(): Promise<ConversationSummary[]>;
  conversation(id: string): Promise<ConversationDetail>;
  transcript(id: string, afterSeq?: number): Promise<TranscriptEntry[]>;
  audit(id: string): Promise<AuditRecord[]>;
  send(id: string, text: string): Promise<SendResult>;
  verify(id: string): Promise<{ message: string; codeState: string }>;
  role(): Promise<Role>;
}

/** The agent API over fetch. A 401 anywhere means the key is gone: `onUnauthorized` signs out. */
export function createApi(key: string, onUnauthorized: () => void): Api {
  async function call<T>(path: string, init: RequestInit = {}, accept: number[] = []): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${API}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${key}`,
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new ApiError(0, 'Veil is not reachable.', 'Check your connection; the console retries.');
    }
    const body = (await res.json().catch(() => undefined)) as
      | (T & { message?: string; hint?: string })
      | undefined;
    if (res.ok || accept.includes(res.status)) return body as T;
    if (res.status === 401) onUnauthorized();
    throw new ApiError(res.status, body?.message ?? `Request failed (${res.status}).`, body?.hint);
  }
  const conv = (id: string) => `/conversations/${encodeURIComponent(id)}`;

  return {
    key,
    conversations: async () =>
      (await call<{ conversations: ConversationSummary[] }>('/conversations')).conversations,
    conversation: (id) => call<ConversationDetail>(conv(id)),
    transcript: async (id, afterSeq) =>
      (
        await call<{ entries: TranscriptEntry[] }>(
          `${conv(id)}/transcript${afterSeq !== undefined ? `?afterSeq=${afterSeq}` : ''}`,
        )
      ).entries,
    audit: async (id) => (await call<{ records: AuditRecord[] }>(`${conv(id)}/audit?limit=500`)).records,
    send: (id, text) =>
      call<SendResult>(`${conv(id)}/messages`, { method: 'POST', body: JSON.stringify({ text }) }, [422]),
    verify: (id) =>
      call<{ message: string; codeState: string }>(`${conv(id)}/verify`, { method: 'POST', body: '{}' }),
    async role() {
      // The API has no "who am I"; the audit route's role check answers it without touching any data.
      try {
        await call(`/conversations/-/audit?limit=1`);
        return 'supervisor';
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return 'agent';
        throw e;
      }
    },
  };
}
