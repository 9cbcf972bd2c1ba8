import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { BoardViewStore } from '../board-view-store.js';

/** The text being typed with the text tool, over the canvas where it will land. Enter places it; Shift+Enter adds a line. */
export function TextDraft({ view, onCommit }: { view: BoardViewStore; onCommit: (text: string, at: { x: number; y: number }) => void }) {
  const draft = useStore(view, (state) => state.textDraft);
  if (!draft) return null;
  // Keyed by position: a new click with the text tool starts a new draft, and the old one commits where it was.
  return <TextDraftInput key={`${draft.x},${draft.y}`} view={view} at={draft} onCommit={onCommit} />;
}

function TextDraftInput({ view, at, onCommit }: { view: BoardViewStore; at: { x: number; y: number }; onCommit: (text: string, at: { x: number; y: number }) => void }) {
  const { t } = useTranslation();
  const camera = useStore(view, (state) => state.camera);
  const color = useStore(view, (state) => state.color);
  const width = useStore(view, (state) => state.width);
  const ref = useRef<HTMLTextAreaElement>(null);
  /** Enter, Escape and blur can all end a draft: only the first counts. */
  const finished = useRef(false);
  const finish = (text: string | null): void => {
    if (finished.current) return;
    finished.current = true;
    if (text === null) view.setState((state) => (state.textDraft === at ? { textDraft: null } : {}));
    else onCommit(text, at);
  };
  useEffect(() => {
    const textarea = ref.current;
    const timer = setTimeout(() => textarea?.focus(), 0);
    return () => {
      clearTimeout(timer);
      // Replaced by a newer draft without losing focus first: keep what was typed.
      if (!finished.current && textarea && textarea.value.trim() !== '') finish(textarea.value);
    };
    // Runs once per draft: the component is keyed by the draft's position.
  }, []);
  const fontSize = Math.max(8, width * 4) * camera.zoom;
  return (
    <textarea
      ref={ref}
      className="board-text-draft"
      data-testid="board-text-input"
      aria-label={t('board.textInput')}
      style={{ left: (at.x - camera.x) * camera.zoom, top: (at.y - camera.y) * camera.zoom, fontSize, color }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          finish(event.currentTarget.value);
        } else if (event.key === 'Escape') {
          finish(null);
        }
      }}
      onBlur={(event) => finish(event.currentTarget.value)}
    />
  );
}
