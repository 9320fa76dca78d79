import { describe, expect, it } from 'vitest';
import { findKeepSpans } from '../../src/detection/keep.js';
import { masked } from './recognizers/helpers.js';

const spans = (text: string): string[] =>
  findKeepSpans({ text, lower: text.toLowerCase() }).map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);

describe('keep spans', () => {
  it.each([
    ['what is the status of W764243438?', 'ORDER:W764243438'],
    ['order 23496339 has not shipped', 'ORDER:23496339'],
    ['order #12345678 please', 'ORDER:#12345678'],
    ['order ord-819756 has not shipped', 'ORDER:ord-819756'],
    ['also what is the status of #375-8217982-4093361?', 'ORDER:#375-8217982-4093361'],
    ['112-4456789-1234567 never came', 'ORDER:112-4456789-1234567'],
    ['Bestellung 4711-0815 fehlt', 'ORDER:4711-0815'],
    ['mi pedido 98765432 no llegó', 'ORDER:98765432'],
    ['package 1ZI9XLZGJLXATITCC0 is stuck', 'TRACKING:1ZI9XLZGJLXATITCC0'],
    ['package 9400 8164 2367 9265 1315 12 is stuck', 'TRACKING:9400 8164 2367 9265 1315 12'],
    ['package TBA629321919083 is stuck', 'TRACKING:TBA629321919083'],
    ['fedex tracking 123456789012 says delivered', 'TRACKING:123456789012'],
    ['Sendungsnummer 00340434161234567890', 'TRACKING:00340434161234567890'],
    ['any update on case 41764761?', 'CASE:41764761'],
    ['any update on ticket #138435?', 'CASE:138435'],
    ['any update on RMA-5346471?', 'CASE:RMA-5346471'],
    ['please open a return for B0G3OTM8S5', 'SKU:B0G3OTM8S5'],
    ['sku 12345-AB is out of stock', 'SKU:12345-ab'],
    ['I paid $502.09 for it', 'PRICE:$502.09'],
    ['I paid €341,37', 'PRICE:€341,37'],
    ['refund the £168', 'PRICE:£168'],
    ['refund the 560 dollars', 'PRICE:560 dollars'],
    ['it was EUR 20', 'PRICE:EUR 20'],
    ['costs 1.299,00 €', 'PRICE:1.299,00 €'],
    ['deliver between 1pm and 6:30 PM', 'TIME:1pm'],
    ['deliver at 6:00 am', 'TIME:6:00 am'],
    ['um 14:30 Uhr bitte', 'TIME:14:30 Uhr'],
  ])('%s keeps %s', (text, span) => {
    expect(spans(text).map((s) => s.toLowerCase())).toContain(span.toLowerCase());
  });

  it.each([
    ['my passport is PN3885748', 'PN3885748'],
    ['license no. X1856540', 'X1856540'],
    ['bank transfer from NO9386011117947', 'NO9386011117947'],
    ['order #4111111111111111 on my visa', '4111111111111111'],
    ['my phone for the order is 555-123-4567', '555-123-4567'],
    // a USPS-shaped run that starts inside a longer digit run is two cards back to back, not tracking
    ['4000 0000 9200 0001 4000 0010 0000 0000', '9200 0001 4000'],
    // German compounds and "driver's lic" are PII cues: the id after them is not an order number
    ['Reisepassnummer AB5325995', 'AB5325995'],
    ["driver's lic X3502288", 'X3502288'],
  ])('%s does not keep %s', (text, value) => {
    expect(spans(text).some((s) => s.toLowerCase().includes(value.toLowerCase()))).toBe(false);
  });

  it('the engine leaves kept values readable and still masks PII next to them', () => {
    expect(
      masked('order 23496339 has not shipped, package 956086551856 is stuck, call me on 415 555 0134'),
    ).toEqual(['PHONE:415 555 0134']);
    expect(masked('I paid $2198.60 at 6:00 am for lego set 75192, case 43882300')).toEqual([]);
    expect(masked('refund the 211 dollars to card 3518-1019-3558-2499')).toEqual([
      'CREDIT_CARD:3518-1019-3558-2499',
    ]);
  });

  it('still keeps a USPS number after a word', () => {
    expect(spans('package 9400 8164 2367 9265 1315 12 is stuck')).toContain(
      'TRACKING:9400 8164 2367 9265 1315 12',
    );
  });

  it('is empty for text without digits', () => {
    expect(spans('thank you so much, the order arrived')).toEqual([]);
  });
});
