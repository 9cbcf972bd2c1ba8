import { describe, expect, test } from 'vitest';
import { SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import type { CallReport } from '../../../shared/desktop/call-report.js';
import { NO_CALL } from '../call/call-reactions.js';
import { linkDuringCall, type LeaveCallQuestion } from './link-during-call.js';

const inCall: CallReport = { inCall: true, reconnecting: false, room: 'standup', audioMuted: false, screenSharing: false };
const retro = { room: 'retro', server: null };
const english = SHELL_MESSAGES.en.linkDuringCall;

describe('a deep link during a call', () => {
  test('to another room asks first, and goes on marked as agreed only when the user agrees', async () => {
    const asked: LeaveCallQuestion[] = [];
    expect(await linkDuringCall(retro, inCall, async (question) => (asked.push(question), true), english)).toEqual({ ...retro, leaveCall: true });
    expect(asked.map((question) => question.message)).toEqual(['Leave the call in standup and join retro?']);
    expect(await linkDuringCall(retro, { ...inCall, reconnecting: true }, async () => false, english)).toBeNull();
  });

  test('outside a call, or to the room we are in, nothing is asked', async () => {
    const never = async () => {
      throw new Error('asked');
    };
    expect(await linkDuringCall(retro, NO_CALL, never, english)).toEqual({ ...retro, leaveCall: false });
    expect(await linkDuringCall({ room: 'standup', server: null }, inCall, never, english)).toEqual({ room: 'standup', server: null, leaveCall: false });
  });
});
