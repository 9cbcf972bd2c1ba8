import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { connectJanusRooms } from '../deploy/recording/janus-rooms.js';
import { joinUrl, launchParticipant, type Participant } from './harness/browser.js';
import { callPhase, decodingNames, readTiles } from './harness/call-page.js';
import { janusAdmin, videoRoomDisplays } from './harness/janus-api.js';
import { hiddenControls } from './harness/layout-checks.js';
import { recordJanusMessages, videoRoomData } from './harness/janus-messages.js';
import { useTestStack } from './harness/test-stack.js';
import { useWebVariant } from './harness/web-variant.js';
import { PROJECT_ROOT } from '../scripts/launch-environment.js';

/** Debian's own VideoRoom configuration, used unchanged: numeric ids, rooms 1234 and 5678, no audiolevel_event. */
const STOCK_VIDEOROOM_CONFIG = '/etc/janus/janus.plugin.videoroom.jcfg';

/** Participants of one describe block, closed when it ends (their pages would otherwise retry its stopped stack). */
function useParticipants() {
  const people: Participant[] = [];
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.splice(0).map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });
  return {
    async launch(name: string, options: { voice?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Participant> {
      const person = await launchParticipant(name, options.viewport, { voice: options.voice ?? false });
      people.push(person);
      return person;
    },
    named(name: string): Participant {
      const person = people.find((candidate) => candidate.name === name);
      if (!person) throw new Error(`no participant named ${name}`);
      return person;
    },
  };
}

/** The names of the remote tiles a page shows as speaking. */
async function speakingNames(page: Participant['page']): Promise<string[]> {
  return page.$$eval('[data-testid="tile"][data-speaking="true"]', (tiles) => tiles.map((tile) => tile.getAttribute('data-name') ?? ''));
}

describe("Debian's stock Janus VideoRoom", () => {
  const testStack = useTestStack('any-janus-stock', { env: { CONFER_STACK_JANUS_VIDEOROOM_CONFIG: STOCK_VIDEOROOM_CONFIG } });
  const { launch, named } = useParticipants();

  test('joins the preconfigured room 1234, decodes the others, and finds the speaker from audio levels', async () => {
    const { webUrl, stack } = testStack();
    const [alice, bob, carol] = await Promise.all([launch('Alice'), launch('Bob', { voice: true }), launch('Carol', { voice: true })]);
    const toAlice = recordJanusMessages(alice.page);
    for (const person of [alice, bob, carol]) await person.page.goto(joinUrl(webUrl, '1234', person.name));
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob', 'Carol']);
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice', 'Carol']);
    // Janus itself lists the three in its room 1234: the room it already had, not one Confer made.
    expect(await videoRoomDisplays(stack.runtimeConfig.janusUrl, 1234)).toEqual(['Alice', 'Bob', 'Carol']);
    // Feed ids are the numbers the room takes.
    for (const tile of await readTiles(alice.page)) expect(tile.feedId).toMatch(/^[1-9][0-9]*$/);

    // Both microphones play the same steady voice: Carol goes quiet, Bob is the one talking.
    await alice.page.getByTestId('toggle-mic').click();
    await carol.page.getByTestId('toggle-mic').click();
    await expect.poll(() => speakingNames(alice.page), { timeout: 20_000 }).toEqual(['Bob']);
    // The turn passes: Bob stops, Carol speaks.
    await bob.page.getByTestId('toggle-mic').click();
    await carol.page.getByTestId('toggle-mic').click();
    await expect.poll(() => speakingNames(alice.page), { timeout: 20_000 }).toEqual(['Carol']);
    // Measured in the page: the stock room never sent a talking event.
    expect(toAlice.filter((message) => videoRoomData(message)?.videoroom === 'talking')).toEqual([]);
    await Promise.all([alice, bob, carol].map((person) => person.page.getByRole('button', { name: 'Leave' }).click()));
  });

  test('a room of its own, named by words, is created under a number and joined by both', async () => {
    const { webUrl } = testStack();
    const [alice, bob] = [named('Alice'), named('Bob')];
    for (const person of [alice, bob]) await person.page.goto(joinUrl(webUrl, 'standup', person.name));
    await expect.poll(() => decodingNames(alice.page), { timeout: 45_000, interval: 500 }).toEqual(['Bob']);
    await expect.poll(() => decodingNames(bob.page), { timeout: 45_000, interval: 500 }).toEqual(['Alice']);
    expect(await alice.page.getByTestId('room-name').textContent()).toBe('standup');
    // A screen share has a number of its own for its id: its video's description says whose it is.
    await bob.page.getByTestId('toggle-screen').click();
    await expect.poll(() => decodingNames(alice.page, 'screen-tile'), { timeout: 30_000, interval: 500 }).toEqual(['Bob']);
    expect(await alice.page.getByTestId('participant').allTextContents()).toEqual(['Bob']);
    // Chat rides the data channels with numeric feed ids as senders.
    await alice.page.getByTestId('chat-input').fill('hello in numbers');
    await alice.page.getByTestId('chat-input').press('Enter');
    await expect.poll(() => bob.page.locator('[data-testid="chat-message"][data-from="Alice"]').allTextContents(), { timeout: 20_000 }).toEqual(['Alice hello in numbers']);
    await Promise.all([alice, bob].map((person) => person.page.getByRole('button', { name: 'Leave' }).click()));
  });
});

describe('Janus with token_auth', () => {
  const adminSecret = randomBytes(18).toString('base64url');
  const token = randomBytes(18).toString('base64url');
  const testStack = useTestStack('any-janus-tokens', {
    env: { CONFER_STACK_JANUS_TOKEN_AUTH: '1', CONFER_JANUS_ADMIN_SECRET: adminSecret, CONFER_STACK_JANUS_PORT: '8288', CONFER_STACK_JANUS_ADMIN_PORT: '7288', CONFER_STACK_SIGNALING_PORT: '4544', CONFER_STACK_RTP_PORTS: '21000-21999' },
  });
  const { launch } = useParticipants();
  const withTokenUrl = useWebVariant(testStack, (config) => ({ ...config, janusToken: token }));
  const lobbyError = (person: Participant) => person.page.getByTestId('lobby-error').textContent({ timeout: 1000 }).catch(() => null);

  test('a join without a token is refused with a sentence saying so, and the lobby still fits 1280x800', async () => {
    const dora = await launch('Dora', { viewport: { width: 1280, height: 800 } });
    await dora.page.goto(joinUrl(testStack().webUrl, 'tokens', 'Dora'));
    await expect.poll(() => lobbyError(dora), { timeout: 20_000 }).toBe(
      'The media server only lets in clients with a token or an API secret, and Confer is configured with neither (CONFER_JANUS_TOKEN, CONFER_JANUS_API_SECRET).',
    );
    expect(await hiddenControls(dora.page, 'form.lobby')).toEqual([]);
    await dora.page.screenshot({ path: path.join(PROJECT_ROOT, 'e2e/artifacts/any-janus-lobby-refused.png') });
  });

  test('with a token added through the admin API, two people meet; once it is removed, a join is refused', async () => {
    const { stack } = testStack();
    await janusAdmin(stack.janusAdminUrl, adminSecret, { janus: 'add_token', token, plugins: ['janus.plugin.videoroom'] });
    const [erin, frank] = await Promise.all([launch('Erin'), launch('Frank')]);
    for (const person of [erin, frank]) await person.page.goto(joinUrl(withTokenUrl(), 'tokens', person.name));
    await expect.poll(() => decodingNames(erin.page), { timeout: 45_000, interval: 500 }).toEqual(['Frank']);
    await expect.poll(() => decodingNames(frank.page), { timeout: 45_000, interval: 500 }).toEqual(['Erin']);
    // The stack's recording watcher holds no client token: it sees the room through the admin API all the same.
    const rooms = await connectJanusRooms(stack.janusAdminUrl, adminSecret);
    const names = await Promise.all((await rooms.recordingStates()).map(async (state) => [...(await rooms.displays(state.room)).values()].sort().join(', ')));
    rooms.close();
    expect(names).toContain('Erin, Frank');
    await Promise.all([erin, frank].map((person) => person.page.getByRole('button', { name: 'Leave' }).click()));

    await janusAdmin(stack.janusAdminUrl, adminSecret, { janus: 'remove_token', token });
    await erin.page.goto(joinUrl(withTokenUrl(), 'tokens', 'Erin'));
    await expect.poll(() => lobbyError(erin), { timeout: 20_000 }).toBe(
      'The media server refused Confer’s token: it is not one the server knows (never added, removed or expired). Ask its operator for a valid token.',
    );
  });
});

describe('a Janus that keeps room creation to its admin key', () => {
  // Debian's stock rooms, and an admin_key that no client holds.
  const restricted = path.join(mkdtempSync(path.join(tmpdir(), 'any-janus-')), 'janus.plugin.videoroom.jcfg');
  writeFileSync(restricted, readFileSync(STOCK_VIDEOROOM_CONFIG, 'utf8').replace(/^general: \{/m, `general: {\n\tadmin_key = "${randomBytes(18).toString('base64url')}"`));
  const testStack = useTestStack('any-janus-admin-key', {
    env: { CONFER_STACK_JANUS_VIDEOROOM_CONFIG: restricted, CONFER_STACK_JANUS_PORT: '8388', CONFER_STACK_JANUS_ADMIN_PORT: '7388', CONFER_STACK_SIGNALING_PORT: '4644', CONFER_STACK_RTP_PORTS: '22000-22999' },
  });
  const { launch } = useParticipants();

  test('a room it lacks is refused with a sentence about the admin key; a room it has is joined without creating anything', async () => {
    const { webUrl, stack } = testStack();
    const gina = await launch('Gina', { viewport: { width: 1280, height: 800 } });
    await gina.page.goto(joinUrl(webUrl, 'standup', 'Gina'));
    await expect.poll(() => gina.page.getByTestId('lobby-error').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toBe(
      'The room “standup” does not exist on this media server, and the server does not let clients create rooms: creating one needs the deployment’s admin key, which clients never hold. Ask its operator to create the room.',
    );
    // The longest of the sentences still leaves every lobby control in the window.
    expect(await hiddenControls(gina.page, 'form.lobby')).toEqual([]);
    await gina.page.screenshot({ path: path.join(PROJECT_ROOT, 'e2e/artifacts/any-janus-lobby-creation-refused.png') });
    await gina.page.goto(joinUrl(webUrl, '1234', 'Gina'));
    await expect.poll(() => callPhase(gina.page), { timeout: 20_000 }).toBe('in-call');
    await expect.poll(() => videoRoomDisplays(stack.runtimeConfig.janusUrl, 1234), { timeout: 20_000 }).toEqual(['Gina']);
  });
});

describe('Janus with an apisecret', () => {
  const apiSecret = randomBytes(18).toString('base64url');
  const testStack = useTestStack('any-janus-apisecret', {
    env: { CONFER_STACK_JANUS_API_SECRET: apiSecret, CONFER_STACK_JANUS_PORT: '8488', CONFER_STACK_JANUS_ADMIN_PORT: '7488', CONFER_STACK_SIGNALING_PORT: '4744', CONFER_STACK_RTP_PORTS: '23000-23999' },
  });
  const { launch } = useParticipants();
  const wrongSecretUrl = useWebVariant(testStack, (config) => ({ ...config, janusApiSecret: `${apiSecret}-old` }));

  test('a wrong API secret is refused with its sentence; the stack’s own clients, given the right one, get in', async () => {
    const hana = await launch('Hana');
    await hana.page.goto(joinUrl(wrongSecretUrl(), 'secrets', 'Hana'));
    await expect.poll(() => hana.page.getByTestId('lobby-error').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toBe(
      'The media server refused Confer’s API secret: it is not the server’s apisecret. Ask its operator for the right one.',
    );
    await hana.page.goto(joinUrl(testStack().webUrl, 'secrets', 'Hana'));
    await expect.poll(() => callPhase(hana.page), { timeout: 20_000 }).toBe('in-call');
  });
});
