import type { EventBus, EventHandler } from '../ports.js';
import { StorageError } from '../errors.js';
import { jsonCopy } from '../validate.js';

export interface MemoryEventBusOptions {
  /** Told when a subscriber throws; the error is never passed back to the publisher. */
  onHandlerError?: (error: unknown) => void;
}

/** In-process pub/sub for the agent SSE stream; a Redis adapter will fan out across processes. */
export function createMemoryEventBus(opts: MemoryEventBusOptions = {}): EventBus {
  const handlers = new Set<EventHandler>();
  const report = (error: unknown) => {
    try {
      opts.onHandlerError?.(error);
    } catch {
      // An error reporter that fails must not take the publisher down either.
    }
  };
  return {
    async publish(event) {
      if (typeof event?.type !== 'string' || event.type.length === 0) {
        throw new StorageError('invalid', 'event type must be a non-empty string', { field: 'type' });
      }
      const copy = jsonCopy(event);
      // Snapshot, so a handler that unsubscribes (or subscribes) while being called does not skip others.
      for (const handler of [...handlers]) {
        try {
          const result = handler(jsonCopy(copy));
          if (result instanceof Promise) result.catch(report);
        } catch (error) {
          report(error);
        }
      }
    },
    subscribe(handler) {
      // Wrapping makes each subscription distinct even when the same function subscribes twice.
      const wrapped: EventHandler = (e) => handler(e);
      handlers.add(wrapped);
      return () => {
        handlers.delete(wrapped);
      };
    },
  };
}
