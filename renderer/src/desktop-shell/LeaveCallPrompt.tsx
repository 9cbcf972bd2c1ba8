import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { LinkPrefillStore } from './desktop-shell.js';

/**
 * Asks whether to leave the call for a meeting link that arrived during
 * it, when the desktop app did not ask already. A native <dialog>: modal,
 * focus inside it, Escape stays in the call.
 */
export function LeaveCallPrompt({ prefill }: { readonly prefill: LinkPrefillStore }) {
  const pending = useStore(prefill, (state) => state.pending);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (pending && element && !element.open) element.showModal?.();
    if (!pending && element?.open) element.close();
  }, [pending]);
  if (!pending) return null;
  return (
    <dialog ref={dialog} className="leave-call-prompt" aria-labelledby="leave-call-title" data-testid="leave-call-prompt" onCancel={() => pending.answer(false)}>
      <h2 id="leave-call-title">
        Leave the call in {pending.from} and join {pending.room}?
      </h2>
      <p>You opened a meeting link while you are in a call. Staying keeps you in the call and ignores the link.</p>
      <button type="button" onClick={() => pending.answer(true)}>
        Leave and join
      </button>{' '}
      <button type="button" className="secondary" autoFocus onClick={() => pending.answer(false)}>
        Stay in the call
      </button>
    </dialog>
  );
}
