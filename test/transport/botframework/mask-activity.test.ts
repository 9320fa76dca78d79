import { describe, expect, it } from 'vitest';
import { type Activity, parseActivity } from '../../../src/transport/botframework/activity.js';
import { MASKED_ID, maskActivity } from '../../../src/transport/botframework/mask-activity.js';
import { TOO_DEEP } from '../../../src/transport/botframework/walk.js';
import { deepFreeze, FIXTURES, leaks, loadFixture, testMask } from './helpers.js';

const options = { channelDataAllow: ['clientActivityID', 'tenant'] };
const load = (name: (typeof FIXTURES)[number]): Activity => parseActivity(loadFixture(name));
// biome-ignore lint/suspicious/noExplicitAny: tests index into loose JSON
const mask = (a: Activity): any => maskActivity(a, testMask, options);

describe('maskActivity', () => {
  it.each(FIXTURES)('%s: no planted PII survives, the input is untouched', (name) => {
    const activity = deepFreeze(load(name));
    const before = JSON.stringify(activity);
    expect(leaks(activity).length).toBeGreaterThan(0);
    const masked = mask(activity);
    expect(leaks(masked)).toEqual([]);
    expect(JSON.stringify(activity)).toBe(before);
    expect(masked).not.toBe(activity);
  });

  it('masks text, speak, summary, from.name and keeps protocol fields verbatim', () => {
    const a = load('message-text');
    const m = mask(a);
    expect(m.text).toBe("Hi, I'm [PERSON], email [EMAIL], phone [PHONE], card card ****1111");
    expect(m.speak).toBe('<speak>My email is [EMAIL]</speak>');
    expect(m.summary).toBe('[PERSON] asking about her card card ****1111');
    expect(m.from).toEqual({ id: 'dl_user-77', name: '[PERSON]', role: 'user' });
    expect(m.conversation).toEqual({ id: 'conv-abc123', name: 'Chat with [PERSON]', tenantId: 'tenant-1' });
    for (const key of [
      'type',
      'id',
      'timestamp',
      'localTimestamp',
      'channelId',
      'serviceUrl',
      'textFormat',
      'locale',
      'replyToId',
      'callerId',
    ]) {
      expect(m[key], key).toBe((a as Record<string, unknown>)[key]);
    }
  });

  it('masks every string of entities except their type', () => {
    const m = mask(load('message-text'));
    expect(m.entities).toEqual([
      { type: 'ClientCapabilities', requiresBotState: true, supportsListening: true },
      { type: 'mention', text: '<at>[PERSON]</at>', mentioned: { id: '[EMAIL]', name: '[PERSON]' } },
      {
        type: 'https://schema.org/Place',
        address: { type: 'PostalAddress', streetAddress: '[ADDRESS]', telephone: '[PHONE]' },
      },
    ]);
  });

  it('lets only allow-listed channelData fields through, masked', () => {
    const m = mask(load('message-text'));
    expect(m.channelData).toEqual({
      clientActivityID: 'client-42',
      tenant: { id: 'tenant-1', contactEmail: '[EMAIL]' },
    });
    expect(mask(load('card-submit')).channelData).toEqual({});
    const none = maskActivity(load('message-text'), testMask, { channelDataAllow: [] });
    expect(none.channelData).toEqual({});
  });

  it('allows dotted paths down to one leaf of a field', () => {
    const leaf = maskActivity(load('message-text'), testMask, {
      channelDataAllow: ['tenant.id', 'nothing.here'],
    });
    expect(leaf.channelData).toEqual({ tenant: { id: 'tenant-1' } });
  });

  it('drops channelData that is not an object (nothing to allow)', () => {
    const a = { ...load('sms'), channelData: 'raw 555-010-9999' };
    expect(JSON.stringify(maskActivity(a, testMask, options))).not.toContain('channelData');
  });

  it('masks fields it does not know as free-form data', () => {
    const m = mask(load('message-text'));
    expect(m['x-custom-channel-field']).toEqual({ note: 'callback on [PHONE]' });
    expect(mask(load('message-update')).textHighlights).toEqual([{ text: '[EMAIL]', occurrence: 1 }]);
  });

  it('walks Adaptive Cards: displayed strings masked, structure and enums intact', () => {
    const m = mask(load('adaptive-card'));
    const att = m.attachments[0];
    expect(att.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = att.content;
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    const [text, rich, facts, container, input, choice, num, toggle, actionSet] = card.body;
    expect(text).toEqual({
      type: 'TextBlock',
      id: 'greeting',
      text: 'Account for [PERSON]',
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    });
    expect(rich.inlines).toEqual([
      'Contact: [EMAIL]',
      { type: 'TextRun', text: 'Phone [PHONE]', color: 'Accent', italic: true },
    ]);
    expect(facts.facts).toEqual([
      { title: 'Email [EMAIL]', value: '[EMAIL]' },
      { title: 'Card', value: 'card ****1111' },
    ]);
    expect(container.style).toBe('emphasis');
    const [col1, col2] = container.items[0].columns;
    expect(col1).toEqual({
      type: 'Column',
      width: 'auto',
      items: [{ type: 'TextBlock', text: 'Ships to [ADDRESS]' }],
    });
    expect(col2.items[0]).toEqual({
      type: 'Image',
      url: 'https://example.com/avatar.png',
      altText: 'Photo of [PERSON]',
      size: 'Small',
    });
    expect(input).toEqual({
      type: 'Input.Text',
      id: 'email',
      label: 'Your email (was [EMAIL])',
      placeholder: 'e.g. [EMAIL]',
      value: '[EMAIL]',
      isRequired: true,
    });
    expect(choice.id).toBe('phone');
    expect(choice.value).toBe('[PHONE]');
    expect(choice.choices).toEqual([
      { title: 'Mobile [PHONE]', value: '[PHONE]' },
      { title: 'Home [PHONE]', value: '[PHONE]' },
    ]);
    expect(num).toEqual({ type: 'Input.Number', id: 'altPhone', value: '[PHONE]' });
    expect(toggle.title).toBe('Email me at [EMAIL]');
    expect(actionSet.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Profile of [PERSON]',
      url: 'https://example.com/u?email=[EMAIL]',
    });
    const [submit, show] = card.actions;
    expect(submit).toEqual({
      type: 'Action.Submit',
      id: 'submit',
      title: 'Send to [EMAIL]',
      style: 'positive',
      data: {
        action: 'verify',
        card: 'card ****1111',
        msteams: { type: 'messageBack', displayText: "It's [PERSON]", text: 'verify [EMAIL]' },
      },
    });
    expect(show.card.body[0].text).toBe('Billing: [ADDRESS], phone [PHONE]');
  });

  it('masks hero, thumbnail and receipt cards, plain attachments and file names', () => {
    const m = mask(load('rich-cards'));
    const [hero, thumb, receipt, plain, file] = m.attachments;
    expect(hero.content).toEqual({
      title: '[PERSON]',
      subtitle: '[EMAIL]',
      text: 'Call [PHONE]',
      images: [{ url: 'https://example.com/a.png', alt: '[PERSON]' }],
      buttons: [
        {
          type: 'imBack',
          title: 'Call [PHONE]',
          value: 'call [PHONE]',
          text: '[PHONE]',
          displayText: '[PERSON]',
        },
        { type: 'postBack', title: 'Mail', value: { email: '[EMAIL]' } },
      ],
      tap: { type: 'openUrl', value: 'mailto:[EMAIL]' },
    });
    expect(thumb.content.subtitle).toBe('[ADDRESS]');
    expect(thumb.content.buttons[0]).toEqual({ type: 'imBack', title: 'Yes, [EMAIL]', value: 'yes' });
    expect(receipt.content.facts).toEqual([
      { key: 'Paid with', value: 'card ****1111' },
      { key: 'Order', value: 'ORD-1001' },
    ]);
    expect(receipt.content.items[0]).toEqual({
      title: 'Gift for [PERSON]',
      subtitle: 'to [ADDRESS]',
      text: 'note: [PHONE]',
      price: '$19.99',
      quantity: '1',
    });
    expect([receipt.content.tax, receipt.content.total]).toEqual(['$1.60', '$21.59']);
    expect(plain).toEqual({
      contentType: 'text/plain',
      name: '[EMAIL]-notes.txt',
      content: 'Notes: phone [PHONE]',
    });
    expect(file).toEqual({
      contentType: 'application/pdf',
      name: '[PERSON] passport.pdf',
      contentUrl: 'https://files.example.com/[EMAIL]/passport.pdf',
    });
    expect(m.attachmentLayout).toBe('carousel');
  });

  it('masks suggested actions', () => {
    const m = mask(load('rich-cards'));
    expect(m.suggestedActions).toEqual({
      to: ['dl_77'],
      actions: [
        {
          type: 'imBack',
          title: 'Use [PHONE]',
          value: 'use [PHONE]',
          text: '[PHONE]',
          displayText: '[PERSON]',
        },
        {
          type: 'messageBack',
          title: 'Email',
          value: { email: '[EMAIL]', n: '[PHONE]' },
          text: 'email',
          displayText: '[EMAIL]',
        },
      ],
    });
  });

  it('masks card submit data: every string and number, keys included', () => {
    const m = mask(load('card-submit'));
    expect(m.value).toEqual({
      action: 'verify',
      email: '[EMAIL]',
      altPhone: '[PHONE]',
      addresses: ['[ADDRESS]', { line1: '[ADDRESS]', zip: '90210' }],
      '[EMAIL]': true,
      consent: true,
    });
  });

  it('keeps both values when two keys mask to the same placeholder', () => {
    const a = { ...load('card-submit'), value: { 'jane.doe@example.com': 1, 'john@example.com': 2 } };
    expect(maskActivity(a, testMask, options).value).toEqual({ '[EMAIL]': 1, '[EMAIL] (2)': 2 });
  });

  it('masks phone-number ids on SMS-like channels, and the conversation id that is the same number', () => {
    const m = mask(load('sms'));
    expect(m.from).toEqual({ id: '[PHONE]', name: '[PHONE]' });
    expect(m.recipient.id).toBe('[PHONE]');
    expect(m.conversation.id).toBe('[PHONE]');
    expect(m.text).toBe('where is my order ORD-1001');
  });

  it('replaces a contact id the mask missed instead of passing it through', () => {
    const a = load('sms');
    const m = maskActivity(a, (s) => s, options);
    expect(m.from.id).toBe(MASKED_ID);
    expect(m.conversation.id).toBe(MASKED_ID);
  });

  it('masks email/phone-looking ids on any channel, but not opaque ids', () => {
    const a = { ...load('message-text'), from: { id: 'jane.doe@example.com', name: 'x' } };
    expect(maskActivity(a, testMask, options).from.id).toBe('[EMAIL]');
    const teams = mask(load('adaptive-card'));
    expect(teams.from.id).toBe('29:1abcDEF');
    expect(teams.from.aadObjectId).toBe('0000-aad');
    expect(teams.conversation.id).toBe('a:1xyz;messageid=1714567890');
  });

  it('masks members of conversationUpdate and unknown nested references', () => {
    const m = mask(load('conversation-update'));
    expect(m.membersAdded).toEqual([
      { id: 'whatsapp:[PHONE]', name: '[PERSON]' },
      // on a contact-id channel every id the mask leaves alone is withheld, the bot's included: fail closed
      { id: MASKED_ID, name: 'Retail Support' },
    ]);
    expect(m.relatesTo).toEqual({ user: { id: 'whatsapp:[PHONE]', name: '[PERSON]' } });
  });

  it('masks each activity of a handoff transcript, channelData allow-list included', () => {
    const m = mask(load('handoff'));
    expect(m.type).toBe('event');
    expect(m.name).toBe('handoff.initiate');
    expect(m.value).toEqual({ skill: 'billing', customerEmail: '[EMAIL]' });
    const att = m.attachments[0];
    expect(att.contentType).toBe('application/vnd.microsoft.transcript');
    const [t1, t2, t3] = att.content;
    expect(t1.text).toBe('my email is [EMAIL]');
    expect(t1.from).toEqual({ id: 'dl_user-77', name: '[PERSON]', role: 'user' });
    expect(t1.channelData).toEqual({ clientActivityID: 'c1' });
    expect(t2.recipient).toEqual({ id: '[PHONE]', name: '[PERSON]', role: 'user' });
    expect(t2.text).toBe('Thanks [PERSON], is [PHONE] still your number?');
    expect(t3.attachments[0].content).toEqual({
      type: 'AdaptiveCard',
      version: '1.4',
      body: [{ type: 'TextBlock', text: 'Card card ****1111' }],
    });
    expect(t3.value).toEqual({ address: '[ADDRESS]' });
    expect(att.content.map((t: { id: string }) => t.id)).toEqual(['t1', 't2', 't3']);
  });

  it('handles messageUpdate like a message', () => {
    const m = mask(load('message-update'));
    expect(m.type).toBe('messageUpdate');
    expect(m.text).toBe('edited: actually my email is [EMAIL] and card card ****1111');
  });

  it('replaces absurdly deep nesting instead of overflowing the stack', () => {
    let deep: unknown = 'jane.doe@example.com';
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    const m = maskActivity({ ...load('card-submit'), value: deep }, testMask, options);
    const json = JSON.stringify(m);
    expect(json).toContain(TOO_DEEP);
    expect(leaks(m)).toEqual([]);
  });

  it('keeps a __proto__ key as data, never as the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "jane.doe@example.com"}}');
    const m = maskActivity({ ...load('card-submit'), value }, testMask, options);
    const v = m.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: '[EMAIL]' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
