import { US_STATES } from './us-states.js';
import { own } from '../core/lookup.js';

/**
 * Region codes as they end an address -> the names an agent would say instead ("an Ontario address"
 * discloses as much as "ON M1N 3J5"). Codes clash across countries (WA), so a code may have two names.
 */
const OTHER_REGIONS: Readonly<Record<string, readonly string[]>> = {
  AB: ['alberta'],
  BC: ['british columbia'],
  MB: ['manitoba'],
  NB: ['new brunswick'],
  NL: ['newfoundland', 'labrador'],
  NS: ['nova scotia'],
  NT: ['northwest territories', 'northern territory'],
  NU: ['nunavut'],
  ON: ['ontario'],
  PE: ['prince edward island'],
  QC: ['quebec'],
  SK: ['saskatchewan'],
  YT: ['yukon'],
  NSW: ['new south wales'],
  VIC: ['victoria'],
  QLD: ['queensland'],
  SA: ['south australia'],
  TAS: ['tasmania'],
  ACT: ['australian capital territory', 'canberra'],
  WA: ['western australia'],
};

export function regionNames(code: string): string[] {
  const us = own(US_STATES, code);
  return [...(us ? [us] : []), ...(own(OTHER_REGIONS, code) ?? [])];
}

/** Region codes written in an address's place segments ("Fitzroy VIC 3065" -> VIC). */
export function regionCodesIn(address: string): string[] {
  const segments = address.split(/[,\n;]+/);
  const streetIdx = Math.max(
    0,
    segments.findIndex((s) => /\d/.test(s)),
  );
  const out = new Set<string>();
  segments.forEach((seg, i) => {
    if (i === streetIdx && segments.length > 1) return;
    for (const tok of seg.split(/\s+/)) {
      const t = tok.replace(/[.]/g, '');
      if (/^[A-Z]{2,3}$/.test(t) && regionNames(t).length > 0) out.add(t);
    }
  });
  return [...out];
}

/** Countries as written in addresses -> how an agent may name them as an adjective. */
export const DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  canada: ['canadian'],
  australia: ['australian', 'aussie'],
  ireland: ['irish'],
  germany: ['german'],
  deutschland: ['german'],
  france: ['french'],
  spain: ['spanish'],
  espana: ['spanish'],
  portugal: ['portuguese'],
  italy: ['italian'],
  italia: ['italian'],
  mexico: ['mexican'],
  netherlands: ['dutch'],
  sweden: ['swedish'],
  norway: ['norwegian'],
  denmark: ['danish'],
  scotland: ['scottish'],
  wales: ['welsh'],
  england: ['english'],
  uk: ['british'],
  zealand: ['kiwi'],
  japan: ['japanese'],
  india: ['indian'],
  brazil: ['brazilian'],
  brasil: ['brazilian'],
};
