import { describe, expect, it } from 'vitest';
import { parseActivity } from '../../../src/transport/botframework/activity.js';
import { extractText } from '../../../src/transport/botframework/extract-text.js';
import { loadFixture } from './helpers.js';

const load = (name: Parameters<typeof loadFixture>[0]) => parseActivity(loadFixture(name));

describe('extractText', () => {
  it('returns message text and summary, not speak, names or channelData', () => {
    const pieces = extractText(load('message-text'));
    expect(pieces).toEqual([
      "Hi, I'm Jane Doe, email jane.doe@example.com, phone +1 555 010 9999, card 4111 1111 1111 1111",
      'Jane Doe asking about her card 4111 1111 1111 1111',
    ]);
  });

  it('includes card submit values, numbers as text, not keys', () => {
    const pieces = extractText(load('card-submit'));
    expect(pieces).toEqual([
      'verify',
      'jane.doe@example.com',
      '5550109999',
      '12 Elm Street',
      '12 Elm Street',
      '90210',
    ]);
  });

  it('includes card content, attachment names and plain-text attachments', () => {
    const pieces = extractText(load('rich-cards'));
    expect(pieces).toContain('Call 555-010-9999');
    expect(pieces).toContain('4111 1111 1111 1111');
    expect(pieces).toContain('jane.doe@example.com-notes.txt');
    expect(pieces).toContain('Notes: phone 555-010-9999');
    expect(pieces).not.toContain('imBack');
    const card = extractText(load('adaptive-card'));
    expect(card).toContain('jane.doe@example.com');
    expect(card).toContain('Billing: 12 Elm Street, phone 555-010-9999');
    expect(card).not.toContain('AdaptiveCard');
  });

  it("takes the customer's turns of a handoff transcript, not the bot's", () => {
    const pieces = extractText(load('handoff'));
    expect(pieces).toEqual([
      'billing',
      'jane.doe@example.com',
      'my email is jane.doe@example.com',
      '12 Elm Street',
      'Card 4111 1111 1111 1111',
    ]);
  });

  it('reads messageUpdate text like a message', () => {
    expect(extractText(load('message-update'))).toEqual([
      'edited: actually my email is jane.doe@example.com and card 4111 1111 1111 1111',
    ]);
  });

  it('returns nothing for an activity without customer text', () => {
    expect(extractText(load('conversation-update'))).toEqual([]);
  });
});
