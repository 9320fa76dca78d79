import { maskedText } from './chips.js';
import { h, replaceChildren } from './dom.js';
import { fullTime, timeWithSeconds } from './format.js';
import type { AuditRecord } from './types.js';

export interface AuditView {
  el: HTMLElement;
  render(records: readonly AuditRecord[] | undefined, error?: string): void;
}

/** The conversation's audit trail (supervisors and compliance): every decision with its rule and policy. */
export function auditView(): AuditView {
  const el = h('div', { class: 'audit-scroll', tabindex: '0', role: 'region', 'aria-label': 'Audit trail' });
  return {
    el,
    render(records, error) {
      if (error) {
        replaceChildren(el, h('p', { class: 'form-error' }, error));
        return;
      }
      if (!records) {
        replaceChildren(el, h('p', { class: 'muted' }, 'Loading audit trail…'));
        return;
      }
      if (records.length === 0) {
        replaceChildren(el, h('p', { class: 'empty' }, 'Nothing audited yet.'));
        return;
      }
      const sorted = [...records].sort((a, b) => a.at.localeCompare(b.at) || (a.id ?? 0) - (b.id ?? 0));
      replaceChildren(
        el,
        h(
          'table',
          { class: 'audit' },
          h('caption', { class: 'visually-hidden' }, 'Audit trail, oldest first'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Time', 'Event and rule', 'By', 'Detail', 'Policy'].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            {},
            sorted.map((r) =>
              h(
                'tr',
                { class: `audit-${r.kind}` },
                h(
                  'td',
                  { class: 'nowrap' },
                  h('time', { datetime: r.at, title: fullTime(r.at) }, timeWithSeconds(r.at)),
                ),
                h(
                  'td',
                  {},
                  h(
                    'div',
                    { class: 'audit-rule' },
                    h('span', { class: `badge kind-${r.kind}` }, r.kind),
                    r.rule && h('code', {}, r.rule),
                  ),
                ),
                h('td', {}, r.actor ?? 'Veil'),
                h('td', { class: 'audit-detail' }, maskedText(r.detail)),
                h(
                  'td',
                  {},
                  r.policyVersion
                    ? h('code', { title: `Policy version ${r.policyVersion}` }, r.policyVersion.slice(0, 7))
                    : '—',
                ),
              ),
            ),
          ),
        ),
      );
    },
  };
}
