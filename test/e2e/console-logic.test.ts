import { describe, expect, it } from 'vitest';
import { insertablePlaceholders, segments } from '../../console/src/placeholders.js';
import { SseParser } from '../../console/src/sse.js';

describe('placeholder segments', () => {
  it('turns every masking form into a typed chip and keeps the text around it', () => {
    const s = segments(
      'hi [PERSON_1], mail [EMAIL_12]; ssn [REDACTED SSN], id [PASSPORT#a1b2c3d4e5], card ****4242.',
    );
    expect(s).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'placeholder', token: '[PERSON_1]', label: 'PERSON 1', insertable: true },
      { kind: 'text', text: ', mail ' },
      { kind: 'placeholder', token: '[EMAIL_12]', label: 'EMAIL 12', insertable: true },
      { kind: 'text', text: '; ssn ' },
      { kind: 'placeholder', token: '[REDACTED SSN]', label: 'SSN redacted', insertable: false },
      { kind: 'text', text: ', id ' },
      { kind: 'placeholder', token: '[PASSPORT#a1b2c3d4e5]', label: 'PASSPORT #a1b2', insertable: false },
      { kind: 'text', text: ', card ' },
      { kind: 'placeholder', token: '****4242', label: 'masked, ends 4242', insertable: false },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads multi-word labels and leaves look-alikes alone', () => {
    expect(segments('[BANK_ACCOUNT_2]')[0]).toMatchObject({ label: 'BANK ACCOUNT 2', insertable: true });
    expect(segments('[email_1] [EMAIL] [EMAIL_] a**b')).toEqual([
      { kind: 'text', text: '[email_1] [EMAIL] [EMAIL_] a**b' },
    ]);
  });

  it('offers each customer placeholder once, in first-seen order', () => {
    expect(
      insertablePlaceholders(['[EMAIL_1] and [PERSON_1]', 'again [EMAIL_1], [REDACTED SSN], [DOB_1]']),
    ).toEqual([
      { token: '[EMAIL_1]', label: 'EMAIL 1' },
      { token: '[PERSON_1]', label: 'PERSON 1' },
      { token: '[DOB_1]', label: 'DOB 1' },
    ]);
  });
});

describe('the event-stream parser', () => {
  it('parses events split anywhere across chunks, skipping comments', () => {
    const wire =
      ': connected\n\nid: 1\nevent: transcript\ndata: {"a":1}\n\n: ping\n\nid: 2\r\nevent: verification\r\ndata: x\r\ndata: y\r\n\r\n';
    for (let cut = 0; cut < wire.length; cut++) {
      const p = new SseParser();
      const got = [...p.push(wire.slice(0, cut)), ...p.push(wire.slice(cut))];
      expect(got, `cut at ${cut}`).toEqual([
        { event: 'transcript', data: '{"a":1}', id: '1' },
        { event: 'verification', data: 'x\ny', id: '2' },
      ]);
    }
  });

  it('defaults the event name and ignores unknown fields', () => {
    const p = new SseParser();
    expect(p.push('retry: 10\ndata:plain\n\n')).toEqual([{ event: 'message', data: 'plain' }]);
  });
});
