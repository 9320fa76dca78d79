import type { Api } from './api.js';
import { auditView } from './audit-view.js';
import { composeView } from './compose-view.js';
import { announce, h, replaceChildren } from './dom.js';
import { followEvents, type LiveStatus } from './events.js';
import { conversationTitle, listView } from './list-view.js';
import { shortId } from './format.js';
import { insertablePlaceholders } from './placeholders.js';
import { type Tabs, tabs } from './tabs.js';
import { transcriptView } from './transcript-view.js';
import type { ConversationSummary, Role, ServerEvent, VerificationView } from './types.js';
import { verificationPanel } from './verification-view.js';

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

/** Debounces bursts of events (one customer turn publishes several) into one refetch. */
function debounce(fn: () => void, ms: number): () => void {
  let t: number | undefined;
  return () => {
    window.clearTimeout(t);
    t = window.setTimeout(fn, ms);
  };
}

/** The signed-in console: wires the API and the event stream to the views. Returns a teardown. */
export function workspace(root: HTMLElement, api: Api, role: Role, signOut: () => void): () => void {
  const conversations = new Map<string, ConversationSummary>();
  let selected: string | undefined;
  let verification: VerificationView | undefined;
  let loadToken = 0;

  // ---------------------------------------------------------------- views
  const live = h('span', { class: 'live', 'data-status': 'connecting' }, LIVE_TEXT.connecting);
  const signOutButton = h('button', { type: 'button', class: 'btn btn-ghost' }, 'Sign out');
  signOutButton.addEventListener('click', signOut);
  const header = h(
    'header',
    { class: 'topbar' },
    h('span', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Veil'),
    h('span', { class: 'role' }, role === 'supervisor' ? 'Supervisor or compliance' : 'Agent'),
    h('span', { class: 'topbar-spacer' }),
    h('span', { class: 'live-wrap', role: 'status' }, live),
    signOutButton,
  );

  const list = listView((id) => void select(id, true));
  const transcript = transcriptView();
  const audit = auditView();
  const compose = composeView(async (id, text) => {
    const r = await api.send(id, text);
    if (r.decision === 'block') announce('Not sent: Veil blocked this message.');
    return r;
  });
  const verif = verificationPanel(async () => {
    const id = selected;
    if (!id) return;
    try {
      const r = await api.verify(id);
      if (selected === id) verif.setMessage(r.message);
      announce(r.message);
    } catch (e) {
      if (selected === id) verif.setMessage((e as Error).message, 'error');
    }
  });

  const transcriptPanel = h('div', { class: 'panel' }, transcript.el);
  const auditPanel = h('div', { class: 'panel' }, audit.el);
  const refreshAudit = debounce(() => void loadAudit(), 400);
  let tabBar: Tabs | undefined;
  if (role === 'supervisor') {
    tabBar = tabs(
      'Conversation views',
      [
        { id: 'transcript', label: 'Transcript', panel: transcriptPanel },
        { id: 'audit', label: 'Audit trail', panel: auditPanel },
      ],
      (id) => {
        if (id === 'audit') void loadAudit();
      },
    );
  }

  const back = h('button', { type: 'button', class: 'btn btn-ghost back' }, '← Conversations');
  back.addEventListener('click', () => {
    root.dataset.view = 'list';
    list.focusSelected();
  });
  const title = h('h2', { id: 'conversation-title', tabindex: '-1' }, '');
  const subtitle = h('p', { class: 'conv-head-sub' }, '');
  const conversationPane = h(
    'section',
    { class: 'pane conversation', 'aria-labelledby': 'conversation-title' },
    h('div', { class: 'conv-head' }, back, h('div', {}, title, subtitle)),
    verif.el,
    h('div', { class: 'conv-main' }, tabBar?.el, transcriptPanel, tabBar && auditPanel, compose.el),
  );
  const nothing = h(
    'section',
    { class: 'pane nothing-selected' },
    h('p', {}, 'Pick a conversation from the list to read its transcript and reply.'),
  );
  const main = h('main', { id: 'main', class: 'workspace', tabindex: '-1' }, list.el, nothing);
  root.dataset.view = 'list';
  replaceChildren(root, header, main);

  // ---------------------------------------------------------------- data
  const renderList = () => list.render([...conversations.values()], selected);

  async function loadList() {
    try {
      const all = await api.conversations();
      conversations.clear();
      for (const c of all) conversations.set(c.id, c);
      renderList();
    } catch {
      // the live indicator already tells the agent; the next event retries
    }
  }
  const refreshList = debounce(() => void loadList(), 300);

  function renderHead() {
    const c = selected ? conversations.get(selected) : undefined;
    title.textContent = c ? conversationTitle(c) : 'Conversation';
    subtitle.textContent = c
      ? `${c.channelId} · ${shortId(c.id)} · ${c.status === 'waiting' ? 'waiting for reply' : 'active'}`
      : '';
  }

  function updatePlaceholders() {
    compose.setPlaceholders(insertablePlaceholders(transcript.customerTexts()));
  }

  async function select(id: string, focus: boolean) {
    if (id === selected && verification) {
      // Already open (and kept live by events): just bring it into view.
      root.dataset.view = 'conversation';
      if (focus) title.focus();
      return;
    }
    const token = ++loadToken;
    selected = id;
    verification = undefined;
    renderList();
    if (!conversationPane.isConnected) nothing.replaceWith(conversationPane);
    root.dataset.view = 'conversation';
    renderHead();
    verif.render(undefined);
    verif.setMessage('');
    compose.open(id);
    transcript.reset([]);
    compose.setPlaceholders([]);
    tabBar?.select('transcript');
    if (focus) title.focus();
    try {
      const [detail, entries] = await Promise.all([api.conversation(id), api.transcript(id)]);
      if (token !== loadToken) return;
      conversations.set(id, detail);
      verification = detail.verification;
      renderHead();
      renderList();
      verif.render(verification);
      transcript.reset(entries);
      updatePlaceholders();
    } catch (e) {
      if (token === loadToken) verif.setMessage((e as Error).message, 'error');
    }
  }

  async function catchUp(id: string) {
    const token = loadToken;
    const entries = await api.transcript(id, transcript.lastSeq()).catch(() => []);
    if (token !== loadToken || selected !== id) return;
    transcript.add(entries);
    updatePlaceholders();
  }

  async function loadAudit() {
    const id = selected;
    if (!id || tabBar?.selected() !== 'audit') return;
    try {
      const records = await api.audit(id);
      if (selected === id) audit.render(records);
    } catch (e) {
      if (selected === id) audit.render(undefined, (e as Error).message);
    }
  }

  async function refreshSelected() {
    const id = selected;
    if (!id) return;
    const detail = await api.conversation(id).catch(() => undefined);
    if (!detail || selected !== id) return;
    conversations.set(id, detail);
    verification = detail.verification;
    verif.render(verification);
    renderHead();
  }

  function onEvent(e: ServerEvent) {
    if (!e.conversationId) return;
    if (e.conversationId === selected) {
      if (e.type === 'transcript') {
        if (e.data.seq === transcript.lastSeq() + 1) {
          transcript.add([e.data]);
          if (e.data.from === 'customer') updatePlaceholders();
        } else if (e.data.seq > transcript.lastSeq()) {
          void catchUp(e.conversationId);
        }
      } else if (e.type === 'verification') {
        verification = e.data;
        verif.render(verification);
      }
      refreshAudit();
    }
    const known = conversations.get(e.conversationId);
    if (known && e.type === 'verification') {
      conversations.set(e.conversationId, {
        ...known,
        level: e.data.level,
        flags: e.data.flags,
        codeState: e.data.code,
        accountSummary: e.data.summary,
        ...(e.data.accountId ? { accountId: e.data.accountId } : {}),
      });
      renderList();
      if (e.conversationId === selected) renderHead();
    }
    refreshList();
  }

  const events = followEvents(api.key, {
    onEvent,
    onStatus(s) {
      live.dataset.status = s;
      live.textContent = LIVE_TEXT[s];
    },
    onResync() {
      void loadList();
      if (selected) {
        void catchUp(selected);
        void refreshSelected();
      }
    },
    onUnauthorized: signOut,
  });

  renderList();
  void loadList();
  return () => events.close();
}
