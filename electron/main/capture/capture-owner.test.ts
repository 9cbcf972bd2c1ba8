import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { windowEventChannel } from '../../../shared/ipc/event.js';
import { captureOwnerOf, type CaptureContents } from './capture-owner.js';

/** A WebContents double: real listeners, a record of what was sent, and a switch for destroyed. */
function contentsDouble(id = 4) {
  const emitter = new EventEmitter();
  const sent: unknown[][] = [];
  let destroyed = false;
  const contents = {
    id,
    once: (event: string, listener: () => void) => emitter.once(event, listener),
    removeListener: (event: string, listener: () => void) => emitter.removeListener(event, listener),
    isDestroyed: () => destroyed,
    send: (...args: unknown[]) => void sent.push(args),
  } as unknown as CaptureContents;
  return { contents, emitter, sent, destroy: () => void (destroyed = true) };
}
const appTopFrame = { url: 'app://confer/index.html', parent: null };

describe('capture owner', () => {
  test('only the app’s own top frame of a live contents may own a request', () => {
    const { contents } = contentsDouble();
    expect(captureOwnerOf(contents, appTopFrame, () => undefined)?.id).toBe(4);
    expect(captureOwnerOf(undefined, appTopFrame, () => undefined)).toBeNull();
    expect(captureOwnerOf(contents, { url: 'https://evil.example/', parent: null }, () => undefined)).toBeNull();
    expect(captureOwnerOf(contents, { ...appTopFrame, parent: appTopFrame } as never, () => undefined)).toBeNull();
  });

  test.each(['destroyed', 'render-process-gone', 'did-navigate'])('counts %s as the window going away, once', (event) => {
    const { contents, emitter } = contentsDouble();
    const owner = captureOwnerOf(contents, appTopFrame, () => undefined);
    let closed = 0;
    owner?.onClosed(() => closed++);
    emitter.emit(event);
    emitter.emit(event);
    expect(closed).toBe(1);
  });

  test('stops watching once the request is settled', () => {
    const { contents, emitter } = contentsDouble();
    const stop = captureOwnerOf(contents, appTopFrame, () => undefined)?.onClosed(() => undefined);
    stop?.();
    expect(emitter.eventNames()).toEqual([]);
  });

  test('a request brings the call window forward and opens the picker in the asking window', () => {
    const { contents, sent } = contentsDouble();
    const calls: string[] = [];
    const owner = captureOwnerOf(contents, appTopFrame, () => calls.push('forward'));
    owner?.requested({ requestId: 'capture-1', audioRequested: false, loopbackAudioSupported: false });
    owner?.ended({ requestId: 'capture-1', reason: 'answered' });
    expect(calls).toEqual(['forward']);
    expect(sent).toEqual([
      [windowEventChannel('capture:requested'), { requestId: 'capture-1', audioRequested: false, loopbackAudioSupported: false }],
      [windowEventChannel('capture:ended'), { requestId: 'capture-1', reason: 'answered' }],
    ]);
  });
});
