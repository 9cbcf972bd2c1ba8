import { useStore } from 'zustand';
import { App } from '../app/App.js';
import type { LaunchParams } from '../app/launch-params.js';
import type { Meeting } from '../app/meeting.js';
import type { LinkPrefillStore } from './desktop-shell.js';
import { LeaveCallPrompt } from './LeaveCallPrompt.js';

/**
 * The app, with the lobby opened on a deep link's room when the link could
 * not join by itself (no name known yet). Remounting is safe: a prefill is
 * only set outside a call. A link during a call asks first, over the app.
 */
export function LinkPrefilledApp(props: { readonly meeting: Meeting; readonly launch: LaunchParams; readonly prefill: LinkPrefillStore }) {
  const prefill = useStore(props.prefill, (state) => state.prefill);
  const launch = prefill ? { ...props.launch, room: prefill.room, ...(prefill.invite ? { pin: prefill.invite } : {}), autoJoin: false } : props.launch;
  return (
    <>
      <App key={prefill?.room ?? ''} meeting={props.meeting} launch={launch} />
      <LeaveCallPrompt prefill={props.prefill} />
    </>
  );
}
