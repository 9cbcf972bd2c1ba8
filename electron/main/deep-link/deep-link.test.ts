import { describe, expect, test } from 'vitest';
import { deepLinkSentence, SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import type { DeepLinkJoin } from '../../../shared/desktop/deep-link.js';
import { createDeepLinkDispatcher, deepLinkFromArgv, parseDeepLink } from './deep-link.js';

/** An invite as deploy/control/cli.ts writes it. */
const INVITE = `v1.1800000000.${'Ab_-'.repeat(10)}xyz`;

const config = { janusUrl: 'wss://meet.example.com/janus', signalingUrls: ['wss://signal.example.com'], iceServers: [] };

describe('deep-link parsing', () => {
  test.each<[string, DeepLinkJoin]>([
    ['confer://join/standup', { room: 'standup', server: null }],
    ['confer://join/standup/', { room: 'standup', server: null }],
    ['CONFER://JOIN/Team-1.a_b', { room: 'Team-1.a_b', server: null }],
    ['confer://join/standup?server=https://meet.example.com', { room: 'standup', server: 'https://meet.example.com' }],
    ['confer://join/standup?server=https%3A%2F%2Fmeet.example.com%2Fpath', { room: 'standup', server: 'https://meet.example.com' }],
    ['confer://join/%73tandup', { room: 'standup', server: null }],
    [`confer://join/standup?invite=${INVITE}`, { room: 'standup', server: null, invite: INVITE }],
  ])('accepts %s', (raw, link) => {
    expect(parseDeepLink(raw)).toEqual({ ok: true, link });
  });

  test.each([
    ['not a URL', 'join standup', /not a valid address/],
    ['another scheme', 'https://join/standup', /Only confer:\/\//],
    ['another action', 'confer://settings/standup', /confer:\/\/join\//],
    ['no room', 'confer://join/', /exactly one room/],
    ['two segments', 'confer://join/a/b', /exactly one room/],
    ['traversal', 'confer://join/..%2F..%2Fetc', /not a valid room name/],
    ['an invalid room', 'confer://join/%3Cscript%3E', /not a valid room name/],
    ['an undecodable room', 'confer://join/%E0%A4%A', /not readable/],
    ['unknown parameters', 'confer://join/standup?name=Eve', /does not know: name/],
    ['a javascript: server', 'confer://join/standup?server=javascript:alert(1)', /http:\/\/ or https:\/\//],
    ['a file: server', 'confer://join/standup?server=file:///etc/passwd', /http:\/\/ or https:\/\//],
    ['credentials in the server', 'confer://join/standup?server=https://u:p@meet.example.com', /http:\/\/ or https:\/\//],
    ['two servers', 'confer://join/standup?server=https://a.example&server=https://b.example', /more than one/],
    ['a damaged invite', 'confer://join/standup?invite=v1.123.short', /invite in the link is damaged/],
    ['two invites', `confer://join/standup?invite=${INVITE}&invite=${INVITE}`, /more than one invite/],
    ['credentials', 'confer://user:pw@join/standup', /never has/],
    ['a fragment', 'confer://join/standup#x', /never has/],
    ['a huge link', `confer://join/${'a'.repeat(3000)}`, /too long/],
  ])('refuses %s with a clear message', (_label, raw, message) => {
    const parsed = parseDeepLink(raw);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && deepLinkSentence(SHELL_MESSAGES.en.badLink, parsed.problem)).toMatch(message);
  });

  test('finds the link among launch arguments', () => {
    expect(deepLinkFromArgv(['/opt/Confer/confer', '--no-sandbox', 'confer://join/standup'])).toBe('confer://join/standup');
    expect(deepLinkFromArgv(['/opt/Confer/confer', '--flag=confer://join/x'])).toBeNull();
  });
});

describe('deep-link dispatcher', () => {
  function setup() {
    const delivered: DeepLinkJoin[] = [];
    const rejected: string[] = [];
    const dispatcher = createDeepLinkDispatcher({ config, deliver: (link) => delivered.push(link), reject: (problem) => rejected.push(deepLinkSentence(SHELL_MESSAGES.en.badLink, problem)) });
    return { dispatcher, delivered, rejected };
  }

  test('a link that arrives before the window is ready waits for it', () => {
    const { dispatcher, delivered } = setup();
    dispatcher.open('confer://join/first');
    dispatcher.open('confer://join/second');
    expect(delivered).toEqual([]);
    dispatcher.windowReady();
    expect(delivered).toEqual([{ room: 'second', server: null }]);
    dispatcher.open('confer://join/third?server=https://meet.example.com');
    expect(delivered).toHaveLength(2);
  });

  test('a bad link is reported and nothing else happens', () => {
    const { dispatcher, delivered, rejected } = setup();
    dispatcher.windowReady();
    dispatcher.open('confer://join/a/b');
    expect(delivered).toEqual([]);
    expect(rejected).toHaveLength(1);
  });

  test('a link for another server is refused by name', () => {
    const { dispatcher, delivered, rejected } = setup();
    dispatcher.windowReady();
    dispatcher.open('confer://join/standup?server=https://evil.example');
    dispatcher.open('confer://join/standup?server=https://signal.example.com');
    expect(rejected).toEqual(['The link is for the server evil.example, but Confer is set up for meet.example.com, signal.example.com.']);
    expect(delivered).toEqual([{ room: 'standup', server: 'https://signal.example.com' }]);
  });
});
