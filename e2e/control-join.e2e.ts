import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import type { AuditEntry } from '../deploy/control/audit-log.js';
import { roomCredentials } from '../deploy/control/room-credentials.js';
import { signGrant } from '../deploy/control/signed-grants.js';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { callPhase, decodingNames, joinFromLobby, readTiles } from './harness/call-page.js';
import { janusAdmin } from './harness/janus-api.js';
import { recordJanusMessages, type JanusMessage } from './harness/janus-messages.js';
import { useTestStack } from './harness/test-stack.js';
import { RENDERER_DIRECTORY } from '../scripts/launch-environment.js';
import { serveWebBuild } from '../scripts/web-server.js';
import { useWebVariant } from './harness/web-variant.js';

// The app joins through the real control plane, in front of the stack's real Janus under token_auth (and its coturn),
// with Chromium pages in the private namespace. Janus tokens and TURN credentials live 6 s, so renewal is seen within a test.
const SHORT_TTL_SECONDS = '6';

/**
 * What a page sent Janus: each token its requests (keep-alives included) carried, in order and once each,
 * and the transactions of the requests that carried one.
 */
function recordSentTokens(page: Page): { readonly tokens: string[]; readonly withToken: Set<string> } {
  const sent = { tokens: [] as string[], withToken: new Set<string>() };
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const text = String(payload);
      const token = /"token":"([^"]+)"/.exec(text)?.[1];
      const transaction = /"transaction":"([^"]+)"/.exec(text)?.[1];
      if (!token) return;
      if (transaction) sent.withToken.add(transaction);
      if (sent.tokens.at(-1) !== token) sent.tokens.push(token);
    });
  });
  return sent;
}

/**
 * Janus's refusals (403) of requests that carried a token: the call's own. The recordings' link asks Janus
 * without one, and is refused under token_auth whatever the call does.
 */
const tokenRefusals = (messages: readonly JanusMessage[], withToken: ReadonlySet<string>) =>
  messages.filter((message) => message.janus === 'error' && (message.error as { code?: number } | undefined)?.code === 403 && withToken.has(String(message.transaction)));

describe('joining through the control plane', () => {
  const testStack = useTestStack('control-join', {
    turn: true,
    env: {
      CONFER_STACK_CONTROL: '1',
      CONFER_CONTROL_JANUS_TOKEN_TTL: SHORT_TTL_SECONDS,
      CONFER_CONTROL_TURN_TTL: SHORT_TTL_SECONDS,
      CONFER_CONTROL_SWEEP_SECONDS: '1',
      // Two pages renewing every 4 s stay well inside it.
      CONFER_CONTROL_RATE_PER_MINUTE: '600',
    },
  });
  // All media through coturn, with the ticket's TURN credentials: an ICE restart after they expired needs the renewed ones.
  const relayUrl = useWebVariant(testStack, (config) => ({ ...config, iceTransportPolicy: 'relay' }));
  // The same Janus without the control plane: no token at all, then a token that was swept.
  const withoutControlUrl = useWebVariant(testStack, ({ controlPlaneUrl: _controlPlane, ...config }) => config);
  let sweptToken: string | null = null;
  const people: Participant[] = [];
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.splice(0).map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });
  const launch = async (name: string) => {
    const person = await launchParticipant(name);
    people.push(person);
    return person;
  };
  const lobbyError = (person: Participant) => person.page.getByTestId('lobby-error').textContent({ timeout: 1000 }).catch(() => null);
  const secret = () => testStack().stack.controlConfig!.secret;
  const tokensOnJanus = async (): Promise<string[]> => {
    const { stack } = testStack();
    const reply = await janusAdmin(stack.janusAdminUrl, stack.janusAdminSecret, { janus: 'list_tokens' });
    return ((reply.data as { tokens?: Array<{ token: string }> } | undefined)?.tokens ?? []).map((entry) => entry.token);
  };
  const room = uniqueRoom('ticket');

  test('the stack hands the app its control plane, and a wrong PIN shows the sentence: no call, nothing from Janus, an audit line', async () => {
    const { stack } = testStack();
    expect(stack.runtimeConfig.controlPlaneUrl).toBe(stack.controlPlaneUrl);
    const eve = await launch('Eve');
    const told = recordJanusMessages(eve.page);
    await joinFromLobby(eve.page, relayUrl(), room, 'Eve', { pin: '0000 0000 0000', withoutMedia: true });
    await expect.poll(() => lobbyError(eve), { timeout: 20_000 }).toBe('Wrong PIN: it does not open this room. Check the room name and the PIN, and try again.');
    expect(await callPhase(eve.page)).toBeNull();
    // What the user typed is still there to correct.
    expect(await eve.page.getByLabel(/Room PIN/).inputValue()).toBe('0000 0000 0000');
    expect(await eve.page.getByLabel('Room', { exact: true }).inputValue()).toBe(room);
    // Janus granted the page nothing: no session, no handle (the recording check before joining was refused too).
    expect(told.filter((message) => message.janus === 'success')).toEqual([]);
    const audit = (await readFile(path.join(stack.runDirectory, 'control-audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as AuditEntry);
    expect(audit.filter((entry) => entry.room === room)).toEqual([expect.objectContaining({ action: 'join', decision: 'refused', reason: 'wrong-pin' })]);
  });

  test('with the room’s PIN and an invite link two people meet through the relay; renewed tokens and TURN credentials keep the call going past the first ones', async () => {
    const [ada, bob] = [await launch('Ada'), await launch('Bob')];
    const adaSent = recordSentTokens(ada.page);
    const adaTokens = adaSent.tokens;
    const bobSent = recordSentTokens(bob.page);
    const told = [recordJanusMessages(ada.page), recordJanusMessages(bob.page)];
    await joinFromLobby(ada.page, relayUrl(), room, 'Ada', { pin: roomCredentials(secret(), room).pin });
    const invite = signGrant(secret(), 'invite', room, Math.floor(Date.now() / 1000) + 3600);
    await bob.page.goto(`${joinUrl(relayUrl(), room, 'Bob')}&invite=${invite}`);
    await expect.poll(() => decodingNames(ada.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Ada']);
    await ada.page.getByTestId('toggle-stats').click();
    await expect.poll(async () => [...new Set(await ada.page.getByTestId('candidate-type').allTextContents())], { timeout: 20_000 }).toEqual(['relay']);

    // The first token Ada's requests carried is swept from Janus.
    const first = adaTokens.find((token) => token.startsWith('confer.'));
    expect(first).toBeDefined();
    await expect.poll(async () => (await tokensOnJanus()).includes(first!), { timeout: 30_000, interval: 500 }).toBe(false);
    sweptToken = first!;

    // After the first credentials expired: Ada's mute reaches Bob through Janus on a renewed token, and an ICE restart
    // gathers relay candidates with the renewed TURN credentials (coturn refuses expired ones); both still decode each other.
    await ada.page.getByTestId('toggle-mic').click();
    await expect.poll(async () => (await readTiles(bob.page)).find((tile) => tile.name === 'Ada')?.audioMuted, { timeout: 20_000 }).toBe(true);
    expect(adaTokens.slice(1).filter((token) => token.startsWith('confer.')).length).toBeGreaterThan(0);
    const framesBefore = (await readTiles(bob.page)).find((tile) => tile.name === 'Ada')?.framesDecoded ?? 0;
    await bob.page.getByTestId('toggle-stats').click();
    await bob.page.getByRole('button', { name: 'Reconnect media' }).click();
    await expect.poll(async () => (await readTiles(bob.page)).find((tile) => tile.name === 'Ada')?.framesDecoded ?? 0, { timeout: 30_000, interval: 500 }).toBeGreaterThan(framesBefore + 40);
    await expect.poll(() => decodingNames(ada.page), { timeout: 30_000, interval: 500 }).toEqual(['Bob']);
    expect(await callPhase(ada.page)).toBe('in-call');
    expect(await callPhase(bob.page)).toBe('in-call');
    expect(await bob.page.getByTestId('renewal-failed').count()).toBe(0);
    // Janus refused none of the call's requests: every one carried a token it knew.
    expect(bobSent.withToken.size).toBeGreaterThan(0);
    expect([tokenRefusals(told[0]!, adaSent.withToken), tokenRefusals(told[1]!, bobSent.withToken)]).toEqual([[], []]);
  });

  test('Janus under token_auth refuses a page without a token, and one with the swept token, each with its sentence', async () => {
    expect(sweptToken).not.toBeNull();
    const cleo = await launch('Cleo');
    await cleo.page.goto(joinUrl(withoutControlUrl(), room, 'Cleo'));
    await expect.poll(() => lobbyError(cleo), { timeout: 20_000 }).toBe(
      'The media server only lets in clients with a token or an API secret, and Confer is configured with neither (CONFER_JANUS_TOKEN, CONFER_JANUS_API_SECRET).',
    );
    const { controlPlaneUrl: _controlPlane, ...bare } = testStack().stack.runtimeConfig;
    const withSweptToken = await serveWebBuild(RENDERER_DIRECTORY, { ...bare, janusToken: sweptToken! }, 0);
    try {
      await cleo.page.goto(joinUrl(withSweptToken.url, room, 'Cleo'));
      await expect.poll(() => lobbyError(cleo), { timeout: 20_000 }).toBe(
        'The media server refused Confer’s token: it is not one the server knows (never added, removed or expired). Ask its operator for a valid token.',
      );
      expect(await callPhase(cleo.page)).toBeNull();
    } finally {
      await withSweptToken.close();
    }
  });
});
