import { describe, expect, it } from 'vitest';
import { VeilError } from '../../../src/core/errors.js';
import { parseActivity } from '../../../src/transport/botframework/activity.js';
import { FIXTURES, loadFixture } from './helpers.js';

const base = () => loadFixture('message-text') as Record<string, unknown>;

function rejection(body: unknown): VeilError {
  try {
    parseActivity(body);
  } catch (err) {
    if (err instanceof VeilError) return err;
    throw err;
  }
  throw new Error('expected parseActivity to throw');
}

describe('parseActivity', () => {
  it.each(FIXTURES)('accepts the %s fixture', (name) => {
    const body = loadFixture(name);
    expect(parseActivity(body)).toEqual(body);
  });

  it('passes unknown channel fields through, at every level', () => {
    const body = {
      ...base(),
      localTimezone: 'Europe/Berlin',
      from: { id: 'u1', name: 'x', extra: { a: 1 } },
    };
    const a = parseActivity(body);
    expect(a.localTimezone).toBe('Europe/Berlin');
    expect(a.from).toEqual({ id: 'u1', name: 'x', extra: { a: 1 } });
    expect(a['x-custom-channel-field']).toEqual({ note: 'callback on 555-010-9999' });
  });

  it('accepts explicit nulls for optional fields', () => {
    const a = parseActivity({ ...base(), speak: null, attachments: null, entities: null, replyToId: null });
    expect(a.speak).toBeNull();
  });

  it.each([
    ['conversation.id', (b: Record<string, unknown>) => ({ ...b, conversation: { name: 'x' } })],
    ['conversation', (b: Record<string, unknown>) => ({ ...b, conversation: undefined })],
    ['from.id', (b: Record<string, unknown>) => ({ ...b, from: { id: 5550109999 } })],
    ['type', (b: Record<string, unknown>) => ({ ...b, type: '' })],
    ['serviceUrl', (b: Record<string, unknown>) => ({ ...b, serviceUrl: 'ftp://files.example.com/' })],
    ['serviceUrl', (b: Record<string, unknown>) => ({ ...b, serviceUrl: 'not a url' })],
    ['text', (b: Record<string, unknown>) => ({ ...b, text: { nested: true } })],
    [
      'attachments[1].contentType',
      (b: Record<string, unknown>) => ({
        ...b,
        attachments: [{ contentType: 'text/plain' }, { content: 'x' }],
      }),
    ],
    ['suggestedActions.actions', (b: Record<string, unknown>) => ({ ...b, suggestedActions: { to: [] } })],
    ['entities[0].type', (b: Record<string, unknown>) => ({ ...b, entities: [{ text: 'x' }] })],
  ])('rejects an invalid %s with a 400 naming the field', (field, edit) => {
    const err = rejection(edit(base()));
    expect(err.status).toBe(400);
    expect(err.code).toBe('bad_request');
    expect(err.field).toBe(field);
    expect(err.message).toContain(field);
    expect(err.hint).toBeTruthy();
  });

  it.each([null, [], 'hello', 42])('rejects a body that is not an object (%j)', (body) => {
    const err = rejection(body);
    expect(err.status).toBe(400);
    expect(err.field).toBe('body');
  });

  it('never echoes the submitted value in the error', () => {
    const err = rejection({ ...base(), from: { id: 5550109999 } });
    expect(JSON.stringify(err.toJSON())).not.toContain('5550109999');
    const err2 = rejection({ ...base(), serviceUrl: 'jane.doe@example.com' });
    expect(JSON.stringify(err2.toJSON())).not.toContain('jane.doe');
  });
});
