import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkNotification, type Notification, NotificationError, type Notifier } from './port.js';

export interface OutboxOptions {
  /** VEIL_OUTBOX: JSON Lines file, one notification a line, appended to. */
  path: string;
}

/** Writes notifications to a local file instead of sending them: local runs and tests read codes back from it. */
export function createOutboxNotifier(opts: OutboxOptions): Notifier {
  let tail: Promise<unknown> = Promise.resolve();
  let prepared = false;
  return {
    async notify(input) {
      const n = checkNotification(input);
      const line = `${JSON.stringify(n)}\n`;
      // Chained so lines land in call order even when callers do not await each other.
      const write = tail.then(async () => {
        try {
          if (!prepared) {
            await mkdir(dirname(opts.path), { recursive: true });
            prepared = true;
          }
          // The outbox holds one-time codes and contact details: owner-only, like the database.
          await appendFile(opts.path, line, { mode: 0o600 });
        } catch (cause) {
          throw new NotificationError('write-failed', `cannot append to the outbox ${opts.path}`, {
            notificationId: n.id,
            attempts: 1,
            cause,
          });
        }
      });
      tail = write.catch(() => undefined);
      await write;
    },
  };
}

/** All notifications in an outbox file, oldest first; a missing file is an empty outbox. */
export async function readOutbox(path: string): Promise<Notification[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: Notification[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new NotificationError('invalid', `${path}:${i + 1}: not a JSON line`, { cause });
    }
    try {
      out.push(checkNotification(json as Notification));
    } catch (error) {
      throw new NotificationError('invalid', `${path}:${i + 1}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  return out;
}

/** The most recent one-time code sent for a conversation (and optionally to one account). */
export async function latestCode(
  path: string,
  filter: { conversationId: string; accountId?: string },
): Promise<string | undefined> {
  const all = await readOutbox(path);
  for (let i = all.length - 1; i >= 0; i--) {
    const n = all[i]!;
    if (
      n.kind === 'otp' &&
      n.conversationId === filter.conversationId &&
      (filter.accountId === undefined || n.accountId === filter.accountId)
    ) {
      return n.code;
    }
  }
  return undefined;
}
