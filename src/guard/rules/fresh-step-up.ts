import { atLeast } from '../../core/verification.js';
import type { StepUpAction } from '../../policy/schema.js';
import type { GuardRule } from '../types.js';

/**
 * Account changes an imposter wants (a new address, email or phone, a replacement card, a redirected
 * parcel) need a fresh one-time code even from a verified customer: an agent message that makes or
 * commits to such a change is held unless the conversation was verified within `maxAgeMinutes`.
 */
const ACTION_PATTERNS: Readonly<Record<StepUpAction, RegExp>> = {
  'address-change':
    /\b(?:updat|chang|amend|edit|correct|switch|replac|set)\w*\b[^.!?\n]{0,40}\b(?:address|addr)\b|\baddress\b[^.!?\n]{0,30}\b(?:updated|changed|amended|corrected|replaced)\b/,
  'email-change':
    /\b(?:updat|chang|amend|edit|correct|switch|replac|set)\w*\b[^.!?\n]{0,40}\b(?:e-?mail)\b|\be-?mail\b[^.!?\n]{0,30}\b(?:updated|changed|amended|corrected|replaced)\b/,
  'phone-change':
    /\b(?:updat|chang|amend|edit|correct|switch|replac|set)\w*\b[^.!?\n]{0,40}\b(?:phone|mobile|cell|number on (?:file|the account))\b|\b(?:phone|mobile) (?:number )?(?:has been|was|is now)\b[^.!?\n]{0,20}\b(?:updated|changed|replaced)\b/,
  'payment-change':
    /\b(?:updat|chang|add|remov|replac|switch|set)\w*\b[^.!?\n]{0,40}\b(?:payment method|card on file|billing|bank account|default card)\b/,
  'card-reissue':
    /\b(?:re-?issu\w*|(?:new|replacement) card\b[^.!?\n]{0,25}\b(?:is|was|will be|has been|'s)\s+(?:\w+\s+)?(?:on its way|sent|ordered|mailed|issued|requested|dispatched|processed|arranged|coming|shipped|out)|(?:send|mail|order|issue|request|dispatch|ship|arrange|process|put through)\w*\b[^.!?\n]{0,20}\b(?:new|replacement) card)\b/,
  'shipping-redirect':
    /\b(?:redirect|re-?rout|divert|intercept|forward)\w*\b[^.!?\n]{0,40}\b(?:package|parcel|shipment|order|delivery)\b|\b(?:deliver|ship|send)\w*\b[^.!?\n]{0,25}\b(?:to (?:a |the )?(?:different|new|other) (?:address|location))\b/,
};

/** A sentence that explains the step-up or asks, rather than makes the change. */
const EXPLAINS =
  /\b(?:verif\w*|one-time|code|first|before|once you|after you|can't|cannot|unable|won't be able|would you like|do you want|shall i|should i|if you(?:'d| would)? like)\b|\?$/;

/**
 * A sentence about what the customer needs or can do, or about how things usually go ("you need a
 * replacement card", "the account page lets you change your email", "a replacement card normally
 * arrives in a week"): nobody makes a change in it.
 */
const NO_ACTOR =
  /\b(?:you (?:need|want|wanted|asked for|would like|can|could|may)|you'd like|lets you|let you|allows? you|enables? you|yourself|normally|usually|typically|generally|tends? to|on average)\b/;

const LABEL: Readonly<Record<StepUpAction, string>> = {
  'address-change': 'an address change',
  'email-change': 'an email change',
  'phone-change': 'a phone number change',
  'payment-change': 'a payment change',
  'card-reissue': 'a card reissue',
  'shipping-redirect': 'a shipping redirect',
};

export const freshStepUp: GuardRule = {
  id: 'guard.step-up.fresh',
  check(ctx) {
    const { freshStepUp: setting } = ctx.input.policy.guard;
    if (setting.actions.length === 0) return undefined;
    const action = setting.actions.find((a) =>
      ctx.sentences.some(
        (s) =>
          !s.question &&
          !EXPLAINS.test(s.text.toLowerCase().trim()) &&
          !NO_ACTOR.test(s.text.toLowerCase().replace(/[\u2018\u2019]/g, "'")) &&
          ACTION_PATTERNS[a].test(s.text.toLowerCase()),
      ),
    );
    if (!action) return undefined;
    const { level, verifiedAt, now } = ctx.input;
    const fresh =
      atLeast(level, 'possession') &&
      verifiedAt !== undefined &&
      now !== undefined &&
      now - verifiedAt <= setting.maxAgeMinutes * 60_000;
    if (fresh) return undefined;
    return {
      reason: `This message makes ${LABEL[action]}, which needs a one-time code from the last ${setting.maxAgeMinutes} minutes${atLeast(level, 'possession') ? '; the customer was verified earlier than that' : ''}.`,
      hint: "Don't make the change yet. Say you'll send a code to the contact on file, use /verify, and make the change once the customer has entered it.",
    };
  },
};
