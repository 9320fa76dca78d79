import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_KEY,
  type Harness,
  onlyConversationId,
  startHarness,
  SUPERVISOR_KEY,
} from '../integration/harness.js';
import { accessibilityProblems } from './a11y.js';
import { ARTIFACTS, consoleBaseUrl, ensureConsoleBuilt, launchChromium } from './console-server.js';

/** Values from the harness directory that must never reach the agent's page. */
const RAW_PII = [
  'h.vance@example.org',
  'Harriet',
  'Vance',
  'Birchwood',
  '97205',
  '555 0117',
  'tlindqvist@example.com',
  'Lindqvist',
];
const CONV = 'e2e-conv-1';

let h: Harness;
let browser: Browser;
let base: { url: string; close(): Promise<void> };
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureConsoleBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness();
  base = await consoleBaseUrl(h);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await base?.close();
  await h?.close();
});

async function open(viewport = { width: 1280, height: 800 }): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Expected 401/403/422 answers show up as "Failed to load resource"; anything else is a bug or a CSP violation.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    pageErrors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${base.url}/console/`);
  return { ctx, page };
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.getByLabel('Agent key').fill(key);
  await page.getByLabel('Agent key').press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage: false });

async function expectNoRawPii(page: Page): Promise<void> {
  const html = await page.content();
  for (const raw of RAW_PII) expect(html, `raw value ${raw} in the DOM`).not.toContain(raw);
}

/** Evaluates in the page. A string, because this project's type-check has no DOM library. */
const inPage = (page: Page, expression: string): Promise<unknown> => page.evaluate(expression);

async function waitFor(cond: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// One agent's session, step by step: each test continues where the previous one left off.
describe('the agent console in Chromium', () => {
  let agent: Page;
  let conversationId: string;

  it('serves the console with a strict CSP', async () => {
    const res = await fetch(`${base.url}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('signs an agent in with a key kept in sessionStorage, never in the URL', async () => {
    expect((await h.customer(CONV, 'hello, Harriet Vance here, email h.vance@example.org')).status).toBe(200);
    conversationId = await onlyConversationId(h);
    ({ page: agent } = await open());
    await agent.getByRole('heading', { name: 'Veil agent console' }).waitFor();
    await shot(agent, 'signin');

    await agent.getByLabel('Agent key').fill('not-a-real-key-0123456789');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();
    expect(await inPage(agent, 'sessionStorage.length')).toBe(0);

    await signIn(agent, AGENT_KEY);
    expect(agent.url()).toBe(`${base.url}/console/`);
    expect(await inPage(agent, "sessionStorage.getItem('veil.agentKey')")).toBe(AGENT_KEY);
    await agent.locator('.live[data-status="live"]').waitFor();
  });

  it('lists the conversation and shows the masked transcript with typed chips', async () => {
    const row = agent.locator(`.conv[data-id="${conversationId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Waiting for reply');
    await row.click();
    await agent.locator('.msg.from-customer').first().waitFor();
    const email = agent.locator('.transcript .chip[data-token="[EMAIL_1]"]');
    expect(await email.textContent()).toContain('EMAIL 1');
    expect(await agent.locator('.transcript .chip[data-token="[PERSON_1]"]').textContent()).toContain(
      'PERSON 1',
    );

    // A message arriving while the conversation is open shows up live, masked.
    await h.customer(CONV, 'is the address you have still 77 Birchwood Court?');
    await agent.locator('.transcript .chip[data-token="[ADDRESS_1]"]').waitFor();
    await agent.locator('[data-testid=level]').filter({ hasText: 'Knowledge' }).waitFor();
    expect(await agent.locator('.verification').textContent()).toContain('A-2001');
    await expectNoRawPii(agent);
    await shot(agent, 'masked');
  });

  it('keeps a blocked message in the compose box with the rule, reason and hint', async () => {
    const box = agent.getByLabel('Message to customer');
    await box.fill("Yes, that's the one on file.");
    await box.press('Enter');
    const feedback = agent.locator('.compose-feedback.is-blocked');
    await feedback.waitFor();
    const text = (await feedback.textContent()) ?? '';
    expect(text).toContain('Not sent');
    expect(text).toMatch(/guard\.[a-z.-]+/);
    expect(text).toContain('Try instead');
    expect(await box.inputValue()).toBe("Yes, that's the one on file.");
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await agent.locator('.transcript .msg.is-blocked').waitFor();
    expect(await agent.locator('.transcript .msg.is-blocked').textContent()).toContain(
      'Only agents see this',
    );
    expect(h.connector.received).toHaveLength(0);
    await agent.locator(`.conv[data-id="${conversationId}"] .badge.blocked`).waitFor();
    await shot(agent, 'blocked');
  });

  it('sends a verification code; the customer enters it and the level becomes possession', async () => {
    await agent.getByRole('button', { name: 'Send verification code' }).click();
    await agent.locator('[data-testid=code-state]').filter({ hasText: 'Code sent' }).waitFor();
    await waitFor(async () => (await h.latestCode()) !== undefined, 'the code in the outbox');
    const code = (await h.latestCode())!;
    await h.customer(CONV, code);
    await agent.locator('[data-testid=level]').filter({ hasText: 'Possession' }).waitFor();
    await agent.locator('.transcript').getByText('entered the verification code').waitFor();
    await agent.locator(`.conv[data-id="${conversationId}"] .level-possession`).waitFor();
    expect(await agent.getByRole('button', { name: 'Customer verified' }).isDisabled()).toBe(true);
    expect(await agent.content()).not.toContain(code);
    await shot(agent, 'verified');
  });

  it('delivers the next message, with a placeholder inserted from a chip, to the Connector', async () => {
    const box = agent.getByLabel('Message to customer');
    await box.fill("Thanks, you're verified. I'll send the label to ");
    await agent.getByRole('button', { name: /^Insert EMAIL 1/ }).click();
    expect(await box.inputValue()).toBe("Thanks, you're verified. I'll send the label to [EMAIL_1]");
    // Shift+Enter is a new line, not a send.
    await box.press('End');
    await box.press('Shift+Enter');
    await box.type('Have a good day.');
    expect(h.connector.received).toHaveLength(0);
    await box.press('Enter');
    await waitFor(() => h.connector.received.length === 1, 'delivery to the mock Connector');
    const body = h.connector.received[0]!.body as { text: string };
    expect(body.text).toBe(
      "Thanks, you're verified. I'll send the label to h.vance@example.org\nHave a good day.",
    );
    await agent.locator('.transcript .msg.from-agent:not(.is-blocked)').waitFor();
    await waitFor(async () => (await box.inputValue()) === '', 'the compose box to clear');
    expect(await agent.locator('.compose-feedback').textContent()).toBe('');
    await expectNoRawPii(agent);
    await shot(agent, 'delivered');
  });

  it('renders customer markup as text', async () => {
    await h.customer(CONV, '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> hi');
    await agent.locator('.transcript .msg-text').getByText('<img src=x', { exact: false }).waitFor();
    expect(await inPage(agent, 'window.__pwned')).toBeUndefined();
    expect(await agent.locator('.transcript img').count()).toBe(0);
  });

  it('adds a new conversation to the list live, with its account flags', async () => {
    await h.customer('e2e-conv-2', 'Tomas Lindqvist here, tlindqvist@example.com, I need a new card');
    const rows = agent.locator('.conv');
    await waitFor(async () => (await rows.count()) === 2, 'the second conversation');
    const newest = rows.first();
    expect(await newest.getAttribute('data-id')).not.toBe(conversationId);
    await newest.locator('.badge.flag').filter({ hasText: 'fraud-watch' }).waitFor();
    await expectNoRawPii(agent);
  });

  it('shows no audit tab to an agent', async () => {
    expect(await agent.getByRole('tab', { name: 'Audit trail' }).count()).toBe(0);
    expect(await agent.getByRole('tablist').count()).toBe(0);
  });

  it('is keyboard operable and passes the accessibility checks', async () => {
    expect(await accessibilityProblems(agent)).toEqual([]);
    await agent.reload();
    await agent.getByRole('button', { name: 'Sign out' }).waitFor();
    await agent.keyboard.press('Tab');
    expect(await inPage(agent, 'document.activeElement?.textContent')).toBe('Skip to main content');
    let onRow = false;
    for (let i = 0; i < 8 && !onRow; i++) {
      await agent.keyboard.press('Tab');
      onRow = (await inPage(agent, "document.activeElement?.classList.contains('conv') ?? false")) === true;
    }
    expect(onRow).toBe(true);
    // The focus ring is visible.
    expect(await inPage(agent, 'getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await agent.keyboard.press('Enter');
    await agent.locator('.conv[aria-current="true"]').waitFor();
    expect(await inPage(agent, 'document.activeElement?.id')).toBe('conversation-title');
    await agent.locator('.msg.from-customer').first().waitFor();
    expect(await accessibilityProblems(agent)).toEqual([]);
  });

  it('signs out, forgetting the key and the conversation', async () => {
    await agent.getByRole('button', { name: 'Sign out' }).click();
    await agent.getByLabel('Agent key').waitFor();
    expect(await inPage(agent, "sessionStorage.getItem('veil.agentKey')")).toBeNull();
    expect(await agent.locator('.transcript').count()).toBe(0);
  });

  it('shows a supervisor the audit trail tab', async () => {
    const { page, ctx } = await open();
    await signIn(page, SUPERVISOR_KEY);
    await page.locator(`.conv[data-id="${conversationId}"]`).click();
    await page.locator('.msg.from-customer').first().waitFor();
    const tab = page.getByRole('tab', { name: 'Audit trail' });
    await tab.click();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    const table = page.getByRole('tabpanel').locator('table.audit');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('guard.confirmation.claim');
    expect(text).toContain('step-up');
    // Arrow keys move between tabs.
    await tab.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Transcript' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Transcript' }).press('ArrowRight');
    await table.waitFor();
    await expectNoRawPii(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'supervisor-audit');
    await ctx.close();
  });

  it('works in a narrow window', async () => {
    const { page, ctx } = await open({ width: 400, height: 800 });
    await shot(page, 'narrow-signin');
    await signIn(page, AGENT_KEY);
    const row = page.locator(`.conv[data-id="${conversationId}"]`);
    await row.waitFor();
    await shot(page, 'narrow-list');
    await row.click();
    await page.locator('.msg.from-customer').first().waitFor();
    expect(await row.isVisible()).toBe(false);
    expect(await page.getByLabel('Message to customer').isVisible()).toBe(true);
    const overflow = await inPage(page, 'document.documentElement.scrollWidth');
    expect(overflow).toBeLessThanOrEqual(400);
    // Verification details fold away on a narrow window; the level stays visible.
    expect(await page.locator('[data-testid=level]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=code-state]').isVisible()).toBe(false);
    await shot(page, 'narrow-conversation');
    const details = page.getByRole('button', { name: 'Details' });
    await details.click();
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-testid=code-state]').isVisible()).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: '← Conversations' }).click();
    expect(await row.isVisible()).toBe(true);
    // A tablet-sized window shows the list and the conversation side by side again.
    await page.setViewportSize({ width: 1024, height: 768 });
    await row.click();
    expect(await row.isVisible()).toBe(true);
    await page.locator('[data-testid=level]').waitFor();
    await page.getByRole('button', { name: 'Customer verified' }).waitFor();
    await shot(page, 'medium');
    await ctx.close();
  });

  it('has an accessibility check that catches what it should', async () => {
    // A blank page: the console's own CSP (Trusted Types) rightly refuses setContent.
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.setContent(
      '<body style="background:#fff"><p style="color:#999">faint</p><button></button><p>fine</p></body>',
    );
    const problems = await accessibilityProblems(page);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/unnamed control/);
    expect(problems.join('\n')).toMatch(/contrast 2\.\d+ for "faint"/);
    await ctx.close();
  });

  it('raised no page errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
}, 60_000);
