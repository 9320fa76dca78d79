import type { GuardRule } from '../types.js';

/** "password is …" in the languages agents answer in; the copulas follow the secret word. */
const SAYS_SECRET =
  /(?<![\p{L}\p{N}])(?:password|passcode|passwd|pwd|pin|passphrase|senha|contrase(?:n|ñ)a|clave|mot de passe|passwort|kennwort|wachtwoord|l(?:o|ö)senord|adgangskode|passord|parola|has(?:l|ł)o)(?![\p{L}\p{N}])\s*(?:[:=]|(?:is now|now is|is|was|will be|set to|reset to|changed to|é|e|es|est|ist|era|fue|foi|será|sera|wird|är|er|è|jest)(?![\p{L}\p{N}])(?:\s+(?:agora|ahora|maintenant|jetzt|nu|now)(?![\p{L}\p{N}]))?)\s*["'“]?([^\s"'”]+)(?:\s+(\S+))?/giu;
const NOT_A_VALUE_AFTER = /^(?:digits?|characters?|chars|letters?|long|numbers?|or|and)$/i;

/** The customer's latest message asks about a password in any of those languages. */
const ASKS_SECRET =
  /(?<![\p{L}\p{N}])(?:password|passcode|passwd|pwd|pin|passphrase|login details|senha|contrase(?:n|ñ)a|clave|mot de passe|passwort|kennwort|wachtwoord|l(?:o|ö)senord|passord|parola|has(?:l|ł)o)(?![\p{L}\p{N}])/iu;

/**
 * After "what's my password?", a token that reads like one ("Stroopwafel!83", "Summer2024") is the
 * answer, cue or not. Links, emails and references ("IT-44172") are not.
 */
function secretToken(text: string): boolean {
  for (const raw of text.split(/\s+/)) {
    const t = raw.replace(/^["'“(]+|["'”),.;:!?]+$/g, '');
    if (t.length < 6 || /@|:\/\/|^www\./i.test(t) || /^[\p{L}]+-\d+$|^\d+-[\p{L}\d]+$/u.test(t)) continue;
    if (!/\p{L}/u.test(t) || !/\d/.test(t)) continue;
    if (/[^\p{L}\p{N}._/#-]/u.test(t) || (/\p{Ll}/u.test(t) && /\p{Lu}/u.test(t))) return true;
  }
  return false;
}

/** A password, passcode or PIN given to the customer, at any level. Agents send reset links instead. */
export const neverDisclosePassword: GuardRule = {
  id: 'guard.never-disclose.password',
  check(ctx) {
    let found = ctx.input.findings.some((f) => f.type === 'PASSWORD');
    for (const m of ctx.text.matchAll(SAYS_SECRET)) {
      const value = m[1]!.replace(/[.,;!?]+$/, '');
      const looksSecret = /\d|[^\p{L}\p{N}-]|\p{Ll}\p{Lu}/u.test(value) && value.length >= 4;
      if (looksSecret && !NOT_A_VALUE_AFTER.test(m[2] ?? '')) found = true;
    }
    const texts = ctx.input.customerTexts ?? [];
    const asked = texts.length > 0 && ASKS_SECRET.test(texts[texts.length - 1]!);
    if (asked && secretToken(ctx.text)) found = true;
    return found
      ? {
          reason: 'The message contains a password or PIN, which is never sent in chat.',
          hint: 'Remove it. Send a password-reset link to the contact on file instead.',
        }
      : undefined;
  },
};
