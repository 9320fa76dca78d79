import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification, Notifier } from '../../src/notify/port.js';
import type { Harness } from './harness.js';

export interface NotifierHarness extends Harness<Notifier> {
  /** What reached the far side (file, webhook receiver ...), in arrival order. */
  delivered(): Promise<Notification[]>;
}

export const notification = (over: Partial<Notification> = {}): Notification => ({
  id: 'n-1',
  at: '2025-03-01T10:00:00.000Z',
  accountId: 'ACC-1001',
  kind: 'claim-unverified',
  channel: 'email',
  to: 'jane.doe@example.com',
  conversationId: 'conv-1',
  ...over,
});

export function notifierContract(name: string, make: () => Promise<NotifierHarness>): void {
  describe(`Notifier contract: ${name}`, () => {
    let h: NotifierHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.close();
    });

    it('delivers a notification intact, including a one-time code', async () => {
      const otp = notification({
        id: 'n-otp',
        kind: 'otp',
        channel: 'sms',
        to: '+1 503 555 0117',
        code: '482913',
      });
      await h.subject.notify(otp);
      await h.subject.notify(notification({ kind: 'fraud-watch-contact', channel: 'security' }));
      const got = await h.delivered();
      expect(got).toEqual([otp, notification({ kind: 'fraud-watch-contact', channel: 'security' })]);
    });

    it('delivers each of many concurrent notifications exactly once', async () => {
      const ids = Array.from({ length: 12 }, (_, i) => `n-${i}`);
      await Promise.all(ids.map((id) => h.subject.notify(notification({ id }))));
      const got = (await h.delivered()).map((n) => n.id);
      expect([...got].sort()).toEqual([...ids].sort());
    });

    it.each([
      ['a missing contact', { to: '' }, 'to'],
      ['an otp without its code', { kind: 'otp' as const }, 'code'],
      ['a code on a non-otp message', { code: '123456' }, 'code'],
      ['a timestamp that is not ISO', { at: 'Tuesday' }, 'at'],
      ['an unknown channel', { channel: 'pigeon' as 'sms' }, 'channel'],
    ])('rejects %s without delivering anything', async (_label, over, field) => {
      const err = await h.subject.notify(notification(over)).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'NotificationError', reason: 'invalid', field });
      expect((err as Error).message).not.toContain('jane.doe@example.com');
      expect(await h.delivered()).toEqual([]);
    });
  });
}
