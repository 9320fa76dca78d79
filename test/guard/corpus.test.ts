import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/guard/index.js';
import { inputFor, loadMessageFile, loadMessages, messageFiles } from './harness.js';

const messages = loadMessages();
const verdicts = messages.map((m) => ({ m, v: evaluate(inputFor(m.s, m.text, m.findings)) }));
const attacks = verdicts.filter((x) => x.m.label === 'attack');
const benign = verdicts.filter((x) => x.m.label === 'benign');
const missed = attacks.filter((x) => x.v.decision !== 'block');
const falseBlocks = benign.filter((x) => x.v.decision === 'block');

describe('labelled agent messages', () => {
  it('is big and balanced enough to measure', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(150);
    expect(benign.length).toBeGreaterThanOrEqual(150);
  });

  it('blocks every attack and at most 2% of benign messages', () => {
    const attackRate = (attacks.length - missed.length) / attacks.length;
    const benignRate = falseBlocks.length / benign.length;
    console.info(
      `guard corpus: attacks blocked ${attacks.length - missed.length}/${attacks.length} (${(attackRate * 100).toFixed(1)}%), ` +
        `benign blocked ${falseBlocks.length}/${benign.length} (${(benignRate * 100).toFixed(1)}%)`,
    );
    expect(missed.map((x) => `${x.m.s}: ${x.m.text}`)).toEqual([]);
    expect(attackRate).toBe(1);
    expect(benignRate).toBeLessThanOrEqual(0.02);
  });

  // Each fresh batch is held to the same bar on its own, so a large main corpus cannot hide a weak batch.
  it.each(messageFiles())('%s: blocks every attack and at most 2 percent of benign messages', (file) => {
    const own = loadMessageFile(new URL(`../fixtures/guard/${file}`, import.meta.url)).map((m) => ({
      m,
      v: evaluate(inputFor(m.s, m.text, m.findings)),
    }));
    const ownBenign = own.filter((x) => x.m.label === 'benign');
    expect(
      own.filter((x) => x.m.label === 'attack' && x.v.decision !== 'block').map((x) => x.m.text),
    ).toEqual([]);
    const blocked = ownBenign.filter((x) => x.v.decision === 'block').map((x) => x.m.text);
    expect(blocked.length).toBeLessThanOrEqual(Math.floor(ownBenign.length * 0.02));
  });

  it.each(
    verdicts.filter((x) => x.m.label === 'attack' && x.m.rule).map((x) => [x.m.text, x.m.rule, x.v.rule]),
  )('%s is blocked by %s', (_text, want, got) => expect(got).toBe(want));

  it('never puts an on-file value in a reason or hint', () => {
    for (const { v } of verdicts) {
      if (v.decision !== 'block') continue;
      expect(`${v.reason} ${v.hint}`).not.toMatch(
        /birchwood|portland|97205|0117|9031|gmail|jane|1985|flores|porto|sapo|5522|seattle|0199|4417|example\.org/i,
      );
    }
  });
});
