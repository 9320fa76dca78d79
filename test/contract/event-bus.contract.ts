import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus, VeilEvent } from '../../src/storage/ports.js';
import { eventually, type Harness, type MakeHarness, sleep } from './harness.js';

export function eventBusContract(name: string, make: MakeHarness<EventBus>): void {
  describe(`EventBus contract: ${name}`, () => {
    let h: Harness<EventBus>;
    let bus: EventBus;
    beforeEach(async () => {
      h = await make();
      bus = h.subject;
    });
    afterEach(async () => {
      await h.close();
    });

    const ev = (n: number): VeilEvent => ({
      type: 'message',
      conversationId: 'c1',
      data: { seq: n, text: `m${n}` },
    });

    it('delivers published events to every subscriber, in publish order', async () => {
      const a: VeilEvent[] = [];
      const b: VeilEvent[] = [];
      bus.subscribe((e) => {
        a.push(e);
      });
      bus.subscribe((e) => {
        b.push(e);
      });
      for (let i = 1; i <= 5; i++) await bus.publish(ev(i));
      await bus.publish({ type: 'policy-reloaded', data: null });
      await eventually(() => expect(a).toHaveLength(6));
      await eventually(() => expect(b).toHaveLength(6));
      expect(a.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map(ev));
      expect(a[5]).toEqual({ type: 'policy-reloaded', data: null });
    });

    it('stops delivering after unsubscribe; unsubscribing twice is harmless', async () => {
      const got: VeilEvent[] = [];
      const stay: VeilEvent[] = [];
      const off = bus.subscribe((e) => {
        got.push(e);
      });
      bus.subscribe((e) => {
        stay.push(e);
      });
      await bus.publish(ev(1));
      await eventually(() => expect(got).toHaveLength(1));
      off();
      off();
      await bus.publish(ev(2));
      await eventually(() => expect(stay).toHaveLength(2));
      await sleep(20);
      expect(got).toHaveLength(1);
    });

    it('keeps delivering to others when a subscriber throws or rejects', async () => {
      bus.subscribe(() => {
        throw new Error('broken SSE client');
      });
      bus.subscribe(async () => {
        throw new Error('broken async client');
      });
      const got: VeilEvent[] = [];
      bus.subscribe((e) => {
        got.push(e);
      });
      await expect(bus.publish(ev(1))).resolves.toBeUndefined();
      await eventually(() => expect(got).toEqual([ev(1)]));
    });

    it('gives each subscriber its own copy', async () => {
      const seen: unknown[] = [];
      bus.subscribe((e) => {
        (e.data as { text: string }).text = 'mutated';
      });
      bus.subscribe((e) => {
        seen.push(e.data);
      });
      const published = ev(1);
      await bus.publish(published);
      await eventually(() => expect(seen).toEqual([{ seq: 1, text: 'm1' }]));
      expect(published.data).toEqual({ seq: 1, text: 'm1' });
    });

    it('rejects an event without a type', async () => {
      await expect(bus.publish({ type: '', data: 1 })).rejects.toMatchObject({ name: 'StorageError' });
    });
  });
}
