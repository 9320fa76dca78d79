import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { VeilError } from '../core/errors.js';
import { createStaticDirectory } from '../directory/static.js';
import { createChannelTokenVerifier } from '../identity/channel-token.js';
import { createLogger } from '../logging.js';
import { createOutboxNotifier, latestCode } from '../notify/outbox.js';
import type { ConversationDoc } from '../pipeline/conversation.js';
import type { PolicyProvider } from '../pipeline/policies.js';
import { createVeil } from '../pipeline/veil.js';
import { openMemoryStores } from '../storage/memory/index.js';
import { createChannelAuth } from '../transport/botframework/auth.js';
import type { ConversationRef } from '../transport/botframework/conversation-ref.js';
import type { Reply, ReplySender } from '../transport/botframework/reply.js';
import type { Scenario } from './scenario.js';

/** One turn's result, as `veil replay --json` prints it. */
export interface TurnResult {
  file: string;
  turn: number;
  from: 'customer' | 'agent';
  text: string;
  /** What the agent saw of a customer message (masked), or Veil's note for a consumed code / step-up. */
  agentView?: string | undefined;
  decision?: 'deliver' | 'block' | undefined;
  rule?: string | undefined;
  reason?: string | undefined;
  /** What the customer received (agent turns that were delivered). */
  received?: string | undefined;
  level: string;
  expect?: 'deliver' | 'block' | undefined;
  expectRule?: string | undefined;
  ok?: boolean | undefined;
}

const AGENT = { name: 'replay-agent', role: 'agent' as const };

/** An in-process channel: replies are kept for the script instead of posted to a Connector. */
function capturingReplies(): ReplySender & { last: string | undefined } {
  const sender = {
    last: undefined as string | undefined,
    async send(_ref: ConversationRef, reply: Reply) {
      sender.last = reply.text;
      return { id: `replay-${randomBytes(4).toString('hex')}` };
    },
  };
  return sender;
}

/**
 * Plays one script through the same pipeline the server runs: masking, claims, the guard, step-up with
 * codes delivered to an outbox (so `{{otp}}` is the code actually sent), and signed channel identity.
 */
export async function replayScenario(
  scenario: Scenario,
  file: string,
  policies: PolicyProvider,
): Promise<TurnResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'veil-replay-'));
  const outbox = join(dir, 'outbox.jsonl');
  const jwtSecret = randomBytes(32).toString('hex');
  const secret = randomBytes(32).toString('hex');
  const stores = await openMemoryStores<ConversationDoc>({ secret });
  const replies = capturingReplies();
  const log = createLogger({ level: 'silent' });
  const veil = createVeil({
    stores,
    policies,
    directory: createStaticDirectory(scenario.directory),
    notifier: createOutboxNotifier({ path: outbox }),
    channelAuth: createChannelAuth({ appId: '', appPassword: '', log }),
    replies,
    channelTokens: createChannelTokenVerifier({ secret: jwtSecret }),
    log,
    secret,
  });
  const identityToken = scenario.channelUser
    ? await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(scenario.channelUser.accountId)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(jwtSecret))
    : undefined;

  const results: TurnResult[] = [];
  let conversationId: string | undefined;
  let seq = 0;
  const level = async () =>
    conversationId ? ((await veil.conversation(conversationId)) as { level: string }).level : 'none';
  try {
    for (const [i, turn] of scenario.turns.entries()) {
      if ('customer' in turn) {
        let text = turn.customer;
        if (text.includes('{{otp}}')) {
          const code = conversationId ? await latestCode(outbox, { conversationId }) : undefined;
          text = text.replaceAll('{{otp}}', code ?? '000000');
        }
        seq++;
        const r = await veil.customerActivity(
          {
            type: 'message',
            id: `replay-${seq}`,
            timestamp: new Date().toISOString(),
            channelId: scenario.channelId ?? 'webchat',
            serviceUrl: 'http://127.0.0.1:9/replay',
            from: { id: 'replay-customer', name: 'Customer' },
            recipient: { id: 'veil', name: 'Support' },
            conversation: { id: `replay-${file}` },
            text,
            ...(identityToken ? { channelData: { veil: { identityToken } } } : {}),
          },
          undefined,
        );
        conversationId = r.conversationId;
        results.push({
          file,
          turn: i + 1,
          from: 'customer',
          text: turn.customer,
          agentView: r.consumedCode ? '(verification code consumed by Veil)' : r.agentView,
          level: await level(),
        });
        continue;
      }
      if (!conversationId) throw new Error(`${file}: turn ${i + 1}: an agent turn before any customer turn`);
      replies.last = undefined;
      let result: TurnResult;
      if (turn.agent.trim() === '/verify') {
        const r = await veil.startVerification(conversationId, AGENT);
        result = {
          file,
          turn: i + 1,
          from: 'agent',
          text: turn.agent,
          agentView: r.message,
          decision: 'deliver',
          level: await level(),
        };
      } else {
        try {
          const r = await veil.agentMessage(conversationId, AGENT, turn.agent);
          result =
            r.decision === 'block'
              ? {
                  file,
                  turn: i + 1,
                  from: 'agent',
                  text: turn.agent,
                  decision: 'block',
                  rule: r.rule,
                  reason: r.reason,
                  level: await level(),
                }
              : {
                  file,
                  turn: i + 1,
                  from: 'agent',
                  text: turn.agent,
                  decision: 'deliver',
                  received: replies.last,
                  level: await level(),
                };
        } catch (e) {
          if (!(e instanceof VeilError)) throw e;
          result = {
            file,
            turn: i + 1,
            from: 'agent',
            text: turn.agent,
            decision: 'block',
            rule: e.code,
            reason: e.message,
            level: await level(),
          };
        }
      }
      if (turn.expect) {
        result.expect = turn.expect;
        result.ok = result.decision === turn.expect && (!turn.rule || turn.rule === result.rule);
        if (turn.rule) result.expectRule = turn.rule;
      }
      results.push(result);
    }
  } finally {
    await veil.close();
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
