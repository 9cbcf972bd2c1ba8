import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinUrl, launchParticipant, uniqueRoom, type Participant } from './harness/browser.js';
import { callPhase, describeCallPage } from './harness/call-page.js';
import { closeSettings, openSettings } from './harness/settings-page.js';
import { useTestStack } from './harness/test-stack.js';

/**
 * What the room's messages do for the people in it, on the real stack: a
 * guest muted by the moderator is told and muted on its own side, and chat
 * written while Janus is down reaches the other side once the call is
 * back. Two browsers for the whole file: launching them is the slow part.
 */
const testStack = useTestStack('call-messages');

describe('room messages between a host and a guest', () => {
  const room = uniqueRoom('messages');
  const people: Participant[] = [];
  const chatOf = (person: Participant) =>
    person.page.getByTestId('chat-message').evaluateAll((items) => items.map((item) => ({ from: item.getAttribute('data-from'), delivery: item.getAttribute('data-delivery'), text: item.textContent })));

  beforeAll(async () => {
    people.push(...(await Promise.all([launchParticipant('Host'), launchParticipant('Guest')])));
  });
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });

  test('the guest the moderator mutes is told, and its own microphone shows muted', async () => {
    const [host, guest] = people as [Participant, Participant];
    const lobby = new URL(testStack().webUrl);
    lobby.search = new URLSearchParams({ room, name: 'Host' }).toString();
    await host.page.goto(lobby.toString());
    await host.page.getByLabel(/Moderator secret/).fill('s3cret-for-tests');
    await host.page.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => callPhase(host.page), { timeout: 20_000 }).toBe('in-call');
    await guest.page.goto(joinUrl(testStack().webUrl, room, 'Guest'));
    await expect.poll(() => guest.page.getByTestId('participant').allTextContents(), { timeout: 30_000 }).toEqual(['Host']);
    expect(await guest.page.getByTestId('toggle-mic').getAttribute('aria-pressed')).toBe('false');

    await host.page.locator('[data-testid="tile"][data-name="Guest"]').getByRole('button', { name: 'Mute' }).click();
    // Janus's moderation event reaches the guest: a notice in an alert region, and its own mute follows.
    await expect.poll(() => guest.page.getByTestId('moderator-muted').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 }).toMatch(/moderator muted your microphone/i);
    expect(await guest.page.getByTestId('room-notices').getAttribute('role')).toBe('alert');
    await expect.poll(() => guest.page.getByTestId('toggle-mic').getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    // The guest's own mute went out in its stream descriptions: the host's participant list shows it too.
    await expect.poll(() => host.page.getByTestId('participant').getAttribute('data-audio-muted'), { timeout: 20_000 }).toBe('true');
  }, 90_000);

  test('chat written while Janus is down shows as waiting, then reaches the other side once the call is back', async () => {
    const [host, guest] = people as [Participant, Participant];
    const { stack } = testStack();
    await stack.services.janus.kill();
    try {
      for (const person of people) await expect.poll(() => callPhase(person.page), { timeout: 20_000 }).toBe('reconnecting');
      await guest.page.getByTestId('chat-input').fill('written during the outage');
      await guest.page.getByTestId('chat-input').press('Enter');
      expect(await chatOf(guest)).toMatchObject([{ from: 'Guest', delivery: 'queued' }]);
    } finally {
      await stack.services.janus.start();
    }
    const arrived = async () => (await chatOf(host)).filter((entry) => entry.from === 'Guest' && entry.text?.includes('written during the outage'));
    try {
      await expect.poll(arrived, { timeout: 45_000, interval: 500 }).toHaveLength(1);
    } catch (error) {
      console.warn(await describeCallPage(host.page), await describeCallPage(guest.page));
      throw error;
    }
    await expect.poll(async () => (await chatOf(guest))[0]?.delivery, { timeout: 20_000 }).toBe('sent');
    // The host heard it through the live region too, once, though the guest repeats it while others resubscribe.
    await expect.poll(() => host.page.getByTestId('announcements').textContent(), { timeout: 20_000 }).toContain('Guest says: written during the outage');
    expect(await arrived()).toHaveLength(1);
  }, 120_000);

  test('single-key shortcuts turned off do nothing, and stay off after a reload', async () => {
    const guest = people[1] as Participant;
    await expect.poll(() => callPhase(guest.page), { timeout: 30_000 }).toBe('in-call');
    await openSettings(guest.page, 'keyboard');
    await guest.page.getByTestId('single-key-shortcuts').uncheck();
    await closeSettings(guest.page);
    await guest.page.getByTestId('room-name').click();
    const camera = () => guest.page.getByTestId('toggle-camera').getAttribute('aria-pressed');
    const before = await camera();
    // Had the key worked, the button's toggle would take the camera back to where it was.
    await guest.page.keyboard.press('v');
    await guest.page.getByTestId('toggle-camera').click();
    await expect.poll(camera, { timeout: 10_000 }).not.toBe(before);
    await guest.page.getByTestId('toggle-camera').click();
    await expect.poll(camera, { timeout: 10_000 }).toBe(before);
    await guest.page.reload();
    await expect.poll(() => callPhase(guest.page), { timeout: 30_000 }).toBe('in-call');
    await openSettings(guest.page, 'keyboard');
    await expect.poll(() => guest.page.getByTestId('single-key-shortcuts').isChecked(), { timeout: 10_000 }).toBe(false);
    // Back on, the key works again.
    await guest.page.getByTestId('single-key-shortcuts').check();
    await closeSettings(guest.page);
    await guest.page.getByTestId('room-name').click();
    const fresh = await camera();
    await guest.page.keyboard.press('v');
    await expect.poll(camera, { timeout: 10_000 }).not.toBe(fresh);
  }, 90_000);
});
