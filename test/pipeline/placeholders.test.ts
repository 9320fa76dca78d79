import { describe, expect, it } from 'vitest';
import { emptyTokenMap } from '../../src/masking/types.js';
import { fillPlaceholders } from '../../src/pipeline/placeholders.js';

const tokens = () => {
  const t = emptyTokenMap();
  t.values['[EMAIL_1]'] = { type: 'EMAIL', value: 'jane@example.com' };
  t.values['[PHONE_1]'] = { type: 'PHONE', value: '(503) 555-0117' };
  t.values['[DOB_1]'] = { type: 'DATE_OF_BIRTH', value: '4 May 1988' };
  return t;
};

describe('fillPlaceholders', () => {
  it.each([
    ["I'll send the label to [EMAIL_1]", "I'll send the label to jane@example.com", ['[EMAIL_1]']],
    [
      'Call [PHONE_1] or mail [EMAIL_1].',
      'Call (503) 555-0117 or mail jane@example.com.',
      ['[PHONE_1]', '[EMAIL_1]'],
    ],
    ['You said [DOB_1]', 'You said 4 May 1988', ['[DOB_1]']],
    ['No placeholders here [not one] [email_1]', 'No placeholders here [not one] [email_1]', []],
  ])('%s', (input, expected, used) => {
    const r = fillPlaceholders(input, tokens());
    expect(r.text).toBe(expected);
    expect(r.used).toEqual(used);
    expect(r.unknown).toEqual([]);
  });

  it('reports placeholders this conversation never issued and leaves them unfilled', () => {
    const r = fillPlaceholders('Is it [EMAIL_2] or [ADDRESS_1]?', tokens());
    expect(r.unknown).toEqual(['[EMAIL_2]', '[ADDRESS_1]']);
    expect(r.text).toBe('Is it [EMAIL_2] or [ADDRESS_1]?');
  });

  it('never fills from another conversation', () => {
    expect(fillPlaceholders('[EMAIL_1]', emptyTokenMap()).unknown).toEqual(['[EMAIL_1]']);
  });
});
