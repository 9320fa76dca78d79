/**
 * Classifies a run of digit groups as a phone number by its shape alone (no context): international
 * prefix, North American grouping, national trunk prefix (0…) or a bare run. Returns a base score, or
 * 0 when the shape is not a phone (dates, SSNs, dotted quads, card-length runs).
 */
export interface PhoneShape {
  groups: readonly string[];
  seps: readonly string[];
  plus: boolean;
  paren: boolean;
}

const NANP_AREA = /^[2-9]\d\d$/;

export function phoneShapeScore(s: PhoneShape): number {
  const { groups, seps, plus, paren } = s;
  const all = groups.join('');
  const d = all.length;
  const lens = groups.map((g) => g.length);
  const shape = lens.join('-');
  const onlyDots = seps.length > 0 && seps.every((x) => x.trim() === '.');
  const slash = seps.some((x) => x.includes('/'));

  if (plus || all.startsWith('00')) {
    const n = plus ? d : d - 2;
    if (n < 8 || n > 15) return 0;
    if (all[plus ? 0 : 2] === '0') return 0;
    if (plus && all[0] === '1') return n === 11 ? 0.9 : 0;
    return groups.length > 1 || n >= 10 ? 0.9 : 0.6;
  }
  if (d < 7 || d > 13) return 0;
  // 4.3.2.1 style runs are addresses or versions, 12.03.1988 is a date, 123-45-6789 is an SSN.
  if (onlyDots && groups.length === 4 && lens.every((l) => l <= 3)) return 0;
  if (shape === '3-2-4') return 0;
  if (
    d === 8 &&
    (shape === '2-2-4' || shape === '4-2-2' || shape === '1-1-4' || shape === '1-2-4' || shape === '2-1-4')
  )
    return 0;
  // "030/1234567" or "030 / 8877 6655": one slash after a trunk-prefixed area code is German style; more
  // slashes are a date.
  const areaSlash =
    all[0] === '0' && seps.filter((x) => x.includes('/')).length === 1 && seps[0]!.includes('/');
  if (slash && groups.length > 2 && !areaSlash) return 0;

  if (groups.length === 1) {
    if (d === 10) return NANP_AREA.test(all.slice(0, 3)) ? 0.4 : 0.3;
    if (d === 11 && (all[0] === '1' || all[0] === '0')) return 0.38;
    return d >= 7 && d <= 12 ? 0.2 : 0;
  }
  const nanp =
    (d === 10 && (shape === '3-3-4' || (paren && shape === '3-7'))) ||
    (d === 11 && all[0] === '1' && shape === '1-3-3-4');
  if (nanp) {
    const area = d === 11 ? all.slice(1, 4) : all.slice(0, 3);
    return NANP_AREA.test(area) ? 0.8 : 0.65;
  }
  if (d === 7 && shape === '3-4') return 0.3;
  if (all[0] === '0' && all[1] !== '0' && d >= 9 && d <= 12 && lens[0]! >= 2 && lens[0]! <= 6) return 0.7;
  if (d >= 9 && d <= 12 && lens.every((l) => l >= 2)) {
    // Spanish/Portuguese mobiles and landlines: 9 digits in 3-3-3 or 3-2-2-2.
    if (d === 9 && /^[6-9]/.test(all) && (shape === '3-3-3' || shape === '3-2-2-2')) return 0.55;
    return 0.45;
  }
  return 0;
}
