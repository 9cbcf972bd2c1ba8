import { describe, expect, test } from 'vitest';
import { initialSpeakerState, nextSpeaker, type LevelReading, type SpeakerState } from './level-speaker.js';

const STEP_MS = 400;
/** A level in dBov as the mean squared level over one step. */
const power = (dbov: number) => 10 ** (dbov / 10);

/**
 * Plays a script of levels per feed, one column per 400 ms step, through
 * the detector: cumulative counters grow as WebRTC stats grow them. Returns
 * the speaker after each step.
 */
function play(levels: Readonly<Record<string, readonly (number | null)[]>>, start: SpeakerState = initialSpeakerState): { speakers: (string | null)[]; state: SpeakerState } {
  const totals = new Map<string, { totalEnergy: number; totalDuration: number }>();
  const steps = Math.max(...Object.values(levels).map((column) => column.length));
  let state = start;
  const speakers: (string | null)[] = [];
  for (let step = 0; step < steps; step += 1) {
    const readings: LevelReading[] = [];
    for (const [feedId, column] of Object.entries(levels)) {
      const dbov = column[step];
      if (dbov === undefined) continue;
      const total = totals.get(feedId) ?? { totalEnergy: 0, totalDuration: 0 };
      const seconds = STEP_MS / 1000;
      const next = { totalEnergy: total.totalEnergy + (dbov === null ? 0 : power(dbov) * seconds), totalDuration: total.totalDuration + seconds };
      totals.set(feedId, next);
      readings.push({ feedId, ...next });
    }
    state = nextSpeaker(state, readings, step * STEP_MS);
    speakers.push(state.speaker);
  }
  return { speakers, state };
}

const quiet = (steps: number) => Array<number | null>(steps).fill(null);
const voice = (steps: number, dbov = -13) => Array<number>(steps).fill(dbov);

describe('active speaker from audio levels', () => {
  test('nobody is the speaker until someone has talked for 800 ms', () => {
    const { speakers } = play({ bob: [...quiet(2), ...voice(4)], carol: quiet(6) });
    // The first reading only sets the counters; talking starts at step 2 and counts from there.
    expect(speakers).toEqual([null, null, null, null, 'bob', 'bob']);
  });

  test('a level under -40 dBov is not talking, however long it lasts', () => {
    expect(play({ bob: voice(20, -45) }).state.speaker).toBeNull();
  });

  test('a short burst (a cough, a beep) does not take the stage', () => {
    expect(play({ bob: [null, -10, null, null, -10, null, null] }).state.speaker).toBeNull();
  });

  test('the speaker keeps the floor through a pause shorter than 1.6 s, and through someone talking over', () => {
    const { speakers } = play({
      bob: [null, ...voice(4), ...quiet(3), ...voice(2), ...quiet(2)],
      carol: [null, ...quiet(5), ...voice(6, -5)],
    });
    expect(speakers.slice(4)).toEqual(Array(8).fill('bob'));
  });

  test('the turn passes to whoever talks once the speaker has been quiet for 1.6 s', () => {
    const { speakers } = play({ bob: [null, ...voice(4), ...quiet(8)], carol: [null, ...quiet(4), ...voice(8)] });
    expect(speakers.at(4)).toBe('bob');
    expect(speakers.at(-1)).toBe('carol');
  });

  test('of two people starting at once, the louder one takes the stage', () => {
    expect(play({ bob: [null, ...voice(4, -30)], carol: [null, ...voice(4, -12)] }).state.speaker).toBe('carol');
  });

  test('with everyone silent the last speaker stays; a feed that left is forgotten', () => {
    const { state } = play({ bob: [null, ...voice(4), ...quiet(10)] });
    expect(state.speaker).toBe('bob');
    expect(nextSpeaker(state, [], 10_000).feeds.size).toBe(0);
  });

  test('counters that go backwards (a new stream under the same feed) start over instead of reading as a burst', () => {
    const { state } = play({ bob: [null, ...quiet(3)] });
    const restarted = nextSpeaker(state, [{ feedId: 'bob', totalEnergy: 0.001, totalDuration: 0.1 }], 2000);
    expect(restarted.feeds.get('bob')?.dbov).toBe(Number.NEGATIVE_INFINITY);
  });
});
