import type { Activity } from './activity.js';
import { TRANSCRIPT_CONTENT_TYPE } from './mask-activity.js';
import { isPlainObject, maskCard, maskDeep } from './walk.js';

/**
 * The pieces of customer-authored text in an activity, in reading order, so the pipeline can look for
 * claims and identifiers across everything the customer said: message text and summary, card submit data
 * (`value`), attachment names and string/card contents, and the customer's turns of a handoff transcript.
 * Bot-authored turns of a transcript, display names, entities and channelData are not included.
 */
export function extractText(activity: Activity): string[] {
  const out: string[] = [];
  collectActivity(activity, out, 0);
  return out;
}

const MAX_TRANSCRIPT_NESTING = 4;

function collectActivity(activity: Record<string, unknown>, out: string[], nesting: number): void {
  const collect = (s: string): string => {
    if (s.trim() !== '') out.push(s);
    return s;
  };
  if (typeof activity.text === 'string') collect(activity.text);
  if (typeof activity.summary === 'string') collect(activity.summary);
  if (activity.value !== undefined && activity.value !== null) maskDeep(activity.value, collect);
  if (!Array.isArray(activity.attachments)) return;
  for (const attachment of activity.attachments) {
    if (!isPlainObject(attachment)) continue;
    if (typeof attachment.name === 'string') collect(attachment.name);
    const { content } = attachment;
    const contentType =
      typeof attachment.contentType === 'string' ? attachment.contentType.toLowerCase() : '';
    if (typeof content === 'string') collect(content);
    else if (contentType === TRANSCRIPT_CONTENT_TYPE && Array.isArray(content)) {
      if (nesting >= MAX_TRANSCRIPT_NESTING) continue;
      for (const turn of content) {
        if (isPlainObject(turn) && !isBotTurn(turn)) collectActivity(turn, out, nesting + 1);
      }
    } else if (content !== undefined && content !== null) maskCard(content, collect);
  }
}

const isBotTurn = (turn: Record<string, unknown>): boolean =>
  isPlainObject(turn.from) && turn.from.role === 'bot';
