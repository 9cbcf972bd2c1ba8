import { describe, expect, test } from 'vitest';
import { initialCallState, type CallState } from '../call/call-store.js';
import { testParticipant } from '../call/test-participants.js';
import { wantedShares } from './call-shares.js';


const call = (change: Partial<CallState>): CallState => ({ ...initialCallState, phase: 'in-call', room: 'standup', displayName: 'Ada', selfId: '11', ...change });

describe('the shares a call wants annotated', () => {
  test('our own screen, as presenter, once the local screen track exists', () => {
    // A stand-in track: only its presence matters here.
    const localScreen = {} as MediaStreamTrack;
    expect([...wantedShares(call({ localScreen, selfScreenId: '12' }))]).toEqual([['12', { role: 'presenter', presenterName: 'Ada' }]]);
    expect(wantedShares(call({ localScreen: null, selfScreenId: null })).size).toBe(0);
    // The screen's feed id is told before it joins; until then there is no share to annotate.
    expect(wantedShares(call({ localScreen, selfScreenId: null })).size).toBe(0);
  });

  test("each remote screen that publishes, as viewer, labelled with its owner's name", () => {
    const roster = {
      '22': testParticipant('22', 'Grace'),
      '22.screen': testParticipant('22.screen', 'Grace (screen)', { screenOf: '22' }),
      '33.screen': testParticipant('33.screen', 'Guest 3333', { screenOf: '33' }),
      '44.screen': testParticipant('44.screen', 'Linus (screen)', { screenOf: '44', publishing: false }),
    };
    expect(Object.fromEntries(wantedShares(call({ roster })))).toEqual({
      '22.screen': { role: 'viewer', presenterName: 'Grace' },
      // An owner not (yet) in the roster: the screen feed's own name.
      '33.screen': { role: 'viewer', presenterName: 'Guest 3333' },
    });
  });
});
