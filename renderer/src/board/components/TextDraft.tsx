import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { BoardViewStore } from '../board-view-store.js';

/** The text being typed with the text tool, over the canvas where it will land. Enter places it; Shift+Enter adds a line. */
export function TextDraft({ view, onCommit }: { view: BoardViewStore; onCommit: (text: string) => void }) {
  const draft = useStore(view, (state) => state.textDraft);
  const camera = useStore(view, (state) => state.camera);
  const color = useStore(view, (state) => state.color);
  const width = useStore(view, (state) => state.width);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (draft) setTimeout(() => ref.current?.focus(), 0);
  }, [draft]);
  if (!draft) return null;
  const fontSize = Math.max(8, width * 4) * camera.zoom;
  return (
    <textarea
      ref={ref}
      key={`${draft.x},${draft.y}`}
      className="board-text-draft"
      data-testid="board-text-input"
      aria-label="Text"
      style={{ left: (draft.x - camera.x) * camera.zoom, top: (draft.y - camera.y) * camera.zoom, fontSize, color }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          onCommit(event.currentTarget.value);
        } else if (event.key === 'Escape') {
          view.setState({ textDraft: null });
        }
      }}
      onBlur={(event) => onCommit(event.currentTarget.value)}
    />
  );
}
