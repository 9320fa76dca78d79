import { API } from './api.js';
import { SseParser } from './sse.js';
import type { ServerEvent } from './types.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface EventsHandlers {
  onEvent(e: ServerEvent): void;
  onStatus(s: LiveStatus): void;
  /** Called after a reconnect: events may have been missed, so views refetch. */
  onResync(): void;
  onUnauthorized(): void;
}

const BACKOFF_MS = [1000, 2000, 5000, 10_000, 15_000];
/** The server pings every 15 s; silence for longer means a dead connection the socket did not notice. */
const SILENCE_MS = 40_000;

/** Follows /agent/v1/events with fetch (EventSource cannot send the Authorization header). */
export function followEvents(key: string, handlers: EventsHandlers): { close(): void } {
  let closed = false;
  let attempt = 0;
  let controller: AbortController | undefined;
  let retry: number | undefined;

  async function run(): Promise<void> {
    controller = new AbortController();
    const ctl = controller;
    let silence: number | undefined;
    const arm = () => {
      window.clearTimeout(silence);
      silence = window.setTimeout(() => ctl.abort(), SILENCE_MS);
    };
    handlers.onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      arm();
      const res = await fetch(`${API}/events`, {
        headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
        cache: 'no-store',
        credentials: 'omit',
        signal: ctl.signal,
      });
      if (res.status === 401) {
        closed = true;
        handlers.onUnauthorized();
        return;
      }
      if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
      if (attempt > 0) handlers.onResync();
      attempt = 0;
      handlers.onStatus('live');
      const parser = new SseParser();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        arm();
        for (const raw of parser.push(value)) {
          if (raw.event !== 'transcript' && raw.event !== 'verification') continue;
          try {
            handlers.onEvent(JSON.parse(raw.data) as ServerEvent);
          } catch {
            // one malformed event must not end the stream
          }
        }
      }
    } catch {
      // network error, abort or server restart: reconnect below
    } finally {
      window.clearTimeout(silence);
    }
    if (closed) return;
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
    attempt++;
    handlers.onStatus('reconnecting');
    retry = window.setTimeout(() => void run(), delay);
  }

  void run();
  return {
    close() {
      closed = true;
      window.clearTimeout(retry);
      controller?.abort();
    },
  };
}
