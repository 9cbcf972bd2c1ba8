import { useEffect } from 'react';
import type { ShortcutAction } from '../../../../shared/desktop/call-preferences.js';
import type { CallEngine } from '../call-engine.js';
import type { CallState, CallStore } from '../call-store.js';
import { nextLayout, toggleWhiteboard } from '../layout/stage-plan.js';
import { PushToTalk } from '../settings/push-to-talk.js';
import { actionForKey } from '../settings/shortcut-keys.js';

/** A key typed into a field, or inside an open dialog (the settings), is not meant for the call. */
function typing(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable], dialog') !== null;
}

function run(action: ShortcutAction, state: CallState, engine: CallEngine, toggleStats: () => void): void {
  switch (action) {
    case 'microphone':
      return void engine.setAudioMuted(!state.audioMuted);
    case 'camera':
      return void engine.setVideoMuted(!state.videoMuted);
    case 'screen':
      return void (state.screenSharing ? engine.stopScreenShare() : engine.startScreenShare());
    case 'layout':
      return engine.setLayout(nextLayout(state.layout));
    case 'whiteboard':
      return engine.setLayout(toggleWhiteboard(state.layout));
    case 'hand':
      return engine.setHandRaised(!state.handRaised);
    case 'statistics':
      return toggleStats();
  }
}

/**
 * The call's keys: the single-key shortcuts (as remapped in the settings,
 * ignored while typing in a field), and push-to-talk, which holds the
 * microphone open while its key is down.
 */
export function useCallKeys(store: CallStore, engine: CallEngine, toggleStats: () => void): void {
  useEffect(() => {
    const talk = new PushToTalk(() => (store.getState().pushToTalk.enabled ? store.getState().pushToTalk.code : null));
    const mute = (action: 'mute' | 'unmute' | null) => {
      if (action) void engine.setAudioMuted(action === 'mute');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // A key the board (or anything else) already handled is not a call shortcut.
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const state = store.getState();
      const talking = talk.down({ code: event.code, repeat: event.repeat, typing: false, muted: state.audioMuted });
      if (talking || (talk.active && event.code === state.pushToTalk.code)) {
        mute(talking);
        event.preventDefault();
        return;
      }
      const action = state.singleKeyShortcuts ? actionForKey(state.shortcutKeys, event.key) : null;
      if (!action) return;
      run(action, state, engine, toggleStats);
      event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      const action = talk.up(event.code);
      // Released over a focused button, Space would also press it.
      if (action) event.preventDefault();
      mute(action);
    };
    const onBlur = () => mute(talk.blur());
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [store, engine, toggleStats]);
}
