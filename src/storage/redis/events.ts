import type { Redis } from 'ioredis';
import { StorageError } from '../errors.js';
import type { EventBus, EventHandler, VeilEvent } from '../ports.js';
import { jsonCopy, toJson } from '../validate.js';

export interface RedisEventBusOptions {
  /** Told when a subscriber throws or a message on the channel is not a Veil event; never the publisher. */
  onHandlerError?: (error: unknown) => void;
}

export interface RedisEventBus extends EventBus {
  /** The dedicated subscriber connection (for health checks: `status === 'ready'`). */
  readonly subscriber: Redis;
  /** Unsubscribes and closes the subscriber connection. */
  close(): Promise<void>;
}

/**
 * Fans events out to every instance: each publishes on one channel and listens on it through a dedicated
 * connection (a subscribed Redis connection can run no other commands). An instance receives its own events
 * back through Redis, so local and remote subscribers see one order. Pub/sub is at-most-once: events
 * published while a subscriber connection is down are not replayed to it (SSE clients catch up from the
 * transcript by seq).
 */
export async function createRedisEventBus(
  client: Redis,
  channel: string,
  opts: RedisEventBusOptions = {},
): Promise<RedisEventBus> {
  const handlers = new Set<EventHandler>();
  const report = (error: unknown) => {
    try {
      opts.onHandlerError?.(error);
    } catch {
      // An error reporter that fails must not take the bus down either.
    }
  };

  const subscriber = client.duplicate();
  // The main client reports outages (both connections go down together); this listener only keeps ioredis
  // from printing an unhandled error while the subscriber reconnects and resubscribes on its own.
  subscriber.on('error', () => undefined);
  subscriber.on('message', (ch: string, message: string) => {
    if (ch !== channel) return;
    let event: VeilEvent;
    try {
      event = JSON.parse(message) as VeilEvent;
      if (typeof event?.type !== 'string') throw new Error('not a Veil event');
    } catch (error) {
      report(
        new StorageError('malformed', `ignored a message on ${channel} that is not a Veil event`, {
          cause: error,
        }),
      );
      return;
    }
    // Snapshot, so a handler that unsubscribes (or subscribes) while being called does not skip others.
    for (const handler of [...handlers]) {
      try {
        const result = handler(jsonCopy(event));
        if (result instanceof Promise) result.catch(report);
      } catch (error) {
        report(error);
      }
    }
  });
  try {
    if (subscriber.status === 'wait') await subscriber.connect();
    // Subscribed before the bus is handed out, so no event published after creation is missed.
    await subscriber.subscribe(channel);
  } catch (error) {
    subscriber.disconnect();
    throw error;
  }

  let closed = false;
  return {
    subscriber,
    async publish(event) {
      if (typeof event?.type !== 'string' || event.type.length === 0) {
        throw new StorageError('invalid', 'event type must be a non-empty string', { field: 'type' });
      }
      await client.publish(channel, toJson('event', event));
    },
    subscribe(handler) {
      const wrapped: EventHandler = (e) => handler(e);
      handlers.add(wrapped);
      return () => {
        handlers.delete(wrapped);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      handlers.clear();
      try {
        await subscriber.unsubscribe(channel);
        await subscriber.quit();
      } catch {
        subscriber.disconnect();
      }
    },
  };
}
