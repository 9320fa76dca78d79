import { type Child, h } from './dom.js';
import { segments } from './placeholders.js';

/** Masked text with each placeholder as a chip naming its type. Built from text nodes only. */
export function maskedText(text: string): Child[] {
  return segments(text).map((s) =>
    s.kind === 'text'
      ? s.text
      : h(
          'span',
          { class: 'chip', title: `Masked by Veil: ${s.token}`, 'data-token': s.token },
          h('span', { class: 'visually-hidden' }, 'masked '),
          s.label,
        ),
  );
}
