import { describe, expect, test } from 'vitest';
import { NODE_MEDIA_POLICY, NodeMediaWatch } from './node-media-watch.js';

function watch(states: () => readonly RTCIceConnectionState[] | null) {
  let clock = 0;
  const failures: number[] = [];
  const watcher = new NodeMediaWatch(states, () => failures.push(clock), () => clock);
  const runFor = (ms: number) => {
    for (let elapsed = 0; elapsed <= ms; elapsed += 1000) {
      watcher.check();
      clock += 1000;
    }
  };
  return { failures, runFor };
}

describe('a node whose media stays broken', () => {
  test('is reported once media has been failed for the policy’s time, through the ICE restarts', () => {
    const { failures, runFor } = watch(() => ['failed', 'connected']);
    runFor(NODE_MEDIA_POLICY.tellAfterMs - 2000);
    expect(failures).toEqual([]);
    runFor(2000);
    expect(failures).toEqual([NODE_MEDIA_POLICY.tellAfterMs]);
  });

  test('is not reported when a restart heals the media in time', () => {
    let states: RTCIceConnectionState[] = ['failed'];
    const { failures, runFor } = watch(() => states);
    runFor(NODE_MEDIA_POLICY.tellAfterMs - 3000);
    states = ['connected'];
    runFor(1000);
    states = ['failed'];
    runFor(NODE_MEDIA_POLICY.tellAfterMs - 3000);
    expect(failures).toEqual([]);
  });

  test('is not judged while the call reconnects: that time does not count', () => {
    let states: RTCIceConnectionState[] | null = ['disconnected'];
    const { failures, runFor } = watch(() => states);
    runFor(NODE_MEDIA_POLICY.tellAfterMs - 3000);
    states = null;
    runFor(5000);
    states = ['checking'];
    runFor(NODE_MEDIA_POLICY.tellAfterMs - 3000);
    expect(failures).toEqual([]);
  });
});
