import { useEffect, useState } from 'react';
import type { ShellBridge } from '../../../shared/bridge.js';
import type { CallReport, MiniWindowCommand } from '../../../shared/desktop/call-report.js';
import './mini.css';

const NO_CALL: CallReport = { inCall: false, reconnecting: false, room: null, audioMuted: false, screenSharing: false };

/** The always-on-top mini call window: the room, and the buttons that matter while the main window is away. */
export function MiniCallView({ bridge }: { readonly bridge: Pick<ShellBridge, 'onCallStatus' | 'sendMiniWindowCommand' | 'announceReady'> }) {
  const [call, setCall] = useState<CallReport>(NO_CALL);
  useEffect(() => {
    const stop = bridge.onCallStatus(setCall);
    void bridge.announceReady();
    return stop;
  }, [bridge]);
  const send = (command: MiniWindowCommand) => () => void bridge.sendMiniWindowCommand(command).catch((error: unknown) => console.warn(error));
  return (
    <main className="mini">
      <button type="button" className="mini-room" onClick={send({ kind: 'show-window' })} title="Show Confer">
        {call.inCall ? call.room : 'Not in a call'}
      </button>
      <div className="mini-actions">
        <button type="button" disabled={!call.inCall} aria-pressed={call.audioMuted} onClick={send({ kind: 'toggle-audio' })}>
          {call.audioMuted ? 'Unmute' : 'Mute'}
        </button>
        {call.screenSharing && (
          <button type="button" onClick={send({ kind: 'stop-screen-share' })}>
            Stop sharing
          </button>
        )}
        <button type="button" className="leave" disabled={!call.inCall} onClick={send({ kind: 'leave-call' })}>
          Leave
        </button>
      </div>
    </main>
  );
}
