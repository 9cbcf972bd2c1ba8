import { useContext } from 'react';
import { useStore } from 'zustand';
import { AnnotationContext, type AnnotationContextValue } from '../annotation-context.js';

/** After a share ends: save its last frame with the marks as a PNG, or let it go. */
export function EndedShares() {
  const context = useContext(AnnotationContext);
  return context ? <EndedShareList context={context} /> : null;
}

function EndedShareList({ context }: { readonly context: AnnotationContextValue }) {
  const ended = useStore(context.annotations.store, (state) => state.ended);
  if (ended.length === 0) return null;
  return (
    <aside className="annotation-ended" aria-label="Ended screen shares">
      {ended.map((entry) => (
        <div key={entry.feedId} className="annotation-ended-entry" data-testid="annotation-ended" data-feed-id={entry.feedId}>
          <span>{entry.presenterName} stopped sharing.</span>
          {entry.pngUrl ? (
            <a
              className="annotation-save"
              href={entry.pngUrl}
              download={`${entry.presenterName}-annotated-screen.png`}
              data-testid="annotation-save-png"
              // Saved: the session is over; the link stays valid until the download has started.
              onClick={() => setTimeout(() => context.annotations.dismissEnded(entry.feedId), 1_000)}
            >
              Save annotated frame (PNG)
            </a>
          ) : (
            <span>No frame was received.</span>
          )}
          <button type="button" className="secondary" data-testid="annotation-dismiss" onClick={() => context.annotations.dismissEnded(entry.feedId)}>
            Dismiss
          </button>
        </div>
      ))}
    </aside>
  );
}
