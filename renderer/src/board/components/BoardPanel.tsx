import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { SCHEMA_VERSION } from '../../../../shared/board/schema.js';
import { BoardController } from '../board-controller.js';
import type { BoardSession } from '../board-session.js';
import { createBoardViewStore, type BoardViewStore } from '../board-view-store.js';
import { attachBoardAwareness } from '../board-awareness.js';
import { Scene } from '../scene.js';
import { BoardToolbar, type MountedBoard } from './BoardToolbar.js';
import { RemoteCursors } from './RemoteCursors.js';
import { TextDraft } from './TextDraft.js';
import '../board.css';

interface BoardPanelProps {
  readonly session: BoardSession;
  /** Shown as a button when the board is open on its own. */
  readonly onClose?: () => void;
}

/** The whiteboard: toolbar, canvas, cursors and people. */
export function BoardPanel({ session, onClose }: BoardPanelProps) {
  const { i18n } = useTranslation();
  const [view] = useState<BoardViewStore>(createBoardViewStore);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [mounted, setMounted] = useState<MountedBoard | null>(null);
  const [restored, setRestored] = useState(false);
  const standalone = onClose !== undefined;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const scene = new Scene(session.model);
    const awareness = attachBoardAwareness(session.awareness, view);
    // On its own the board has the keyboard; beside a call it takes it on a click (see BoardKeyboard).
    const controller = new BoardController(canvas, session, scene, view, awareness, { ownsKeyboard: standalone });
    setMounted({ controller, scene });
    void session.storage.restored.then(() => {
      setRestored(true);
      const version = session.model.schemaVersion();
      if (version !== null && version > SCHEMA_VERSION) {
        view.setState({ notice: i18n.t('board.newerVersion') });
      }
    });
    return () => {
      controller.destroy();
      awareness.destroy();
      scene.destroy();
      setMounted(null);
    };
    // The i18next instance stays the same when the language changes, so the board is not rebuilt for it.
  }, [session, view, standalone, i18n]);

  return (
    <section className="board" data-testid="board" data-board-id={session.boardId} data-restored={restored}>
      <BoardToolbar session={session} view={view} mounted={mounted} {...(onClose ? { onClose } : {})} />
      <div className="board-stage">
        <BoardCanvas view={view} canvasRef={canvasRef} />
        <RemoteCursors view={view} />
        {mounted && <TextDraft view={view} onCommit={(text, at) => mounted.controller.commitText(text, at)} />}
      </div>
    </section>
  );
}

function BoardCanvas({ view, canvasRef }: { view: BoardViewStore; canvasRef: React.RefObject<HTMLCanvasElement | null> }) {
  const { t } = useTranslation();
  const tool = useStore(view, (state) => state.tool);
  const itemCount = useStore(view, (state) => state.itemCount);
  const zoom = useStore(view, (state) => state.camera.zoom);
  return (
    <canvas
      ref={canvasRef}
      className={`board-canvas tool-${tool}`}
      data-testid="board-canvas"
      data-item-count={itemCount}
      data-zoom={zoom.toFixed(2)}
      tabIndex={0}
      aria-label={t('board.region')}
    />
  );
}
