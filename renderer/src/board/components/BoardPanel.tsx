import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useStore } from 'zustand';
import { SCHEMA_VERSION, TOOLS, type Tool } from '../../../../shared/board/schema.js';
import { BoardController, TOOL_KEYS } from '../board-controller.js';
import { download, exportJson, exportPng, exportSvg, readBoardFile } from '../board-export.js';
import type { BoardSession } from '../board-session.js';
import { createBoardViewStore, PALETTE, WIDTHS, type BoardViewStore } from '../board-view-store.js';
import { attachBoardAwareness } from '../board-awareness.js';
import { Scene } from '../scene.js';
import { RemoteCursors } from './RemoteCursors.js';
import { TextDraft } from './TextDraft.js';
import '../board.css';

const TOOL_LABELS: Readonly<Record<Tool, string>> = {
  select: 'Select',
  pen: 'Pen',
  highlighter: 'Highlighter',
  line: 'Line',
  arrow: 'Arrow',
  rectangle: 'Rectangle',
  ellipse: 'Ellipse',
  text: 'Text',
  eraser: 'Eraser',
};

const SYNC_LABEL = { connecting: 'Connecting…', connected: 'Online', disconnected: 'Offline' } as const;

interface BoardPanelProps {
  readonly session: BoardSession;
  /** Shown as a button when the board is open on its own. */
  readonly onClose?: () => void;
}

interface Mounted {
  readonly controller: BoardController;
  readonly scene: Scene;
}

/** The whiteboard: toolbar, canvas, cursors and people. */
export function BoardPanel({ session, onClose }: BoardPanelProps) {
  const [view] = useState<BoardViewStore>(createBoardViewStore);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [mounted, setMounted] = useState<Mounted | null>(null);
  const [restored, setRestored] = useState(false);
  const standalone = onClose !== undefined;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const scene = new Scene(session.model);
    const presence = attachBoardAwareness(session.awareness, view);
    // On its own the board has the keyboard; beside a call it takes it on a click (see BoardController).
    const controller = new BoardController(canvas, session, scene, view, presence, { ownsKeyboard: standalone });
    setMounted({ controller, scene });
    void session.storage.restored.then(() => {
      setRestored(true);
      const version = session.model.schemaVersion();
      if (version !== null && version > SCHEMA_VERSION) {
        view.setState({ notice: 'This board was saved by a newer version of Confer: items this version cannot read are hidden.' });
      }
    });
    return () => {
      controller.destroy();
      presence.destroy();
      scene.destroy();
      setMounted(null);
    };
  }, [session, view, standalone]);

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
      aria-label="Whiteboard"
    />
  );
}

function BoardToolbar({ session, view, mounted, onClose }: { session: BoardSession; view: BoardViewStore; mounted: Mounted | null; onClose?: () => void }) {
  const tool = useStore(view, (state) => state.tool);
  const color = useStore(view, (state) => state.color);
  const width = useStore(view, (state) => state.width);
  const canUndo = useStore(view, (state) => state.canUndo);
  const canRedo = useStore(view, (state) => state.canRedo);
  const peers = useStore(view, (state) => state.peers);
  const following = useStore(view, (state) => state.following);
  const notice = useStore(view, (state) => state.notice);
  const signaling = useStore(session.syncStatus, (state) => state.signaling);
  const peerCount = useStore(session.syncStatus, (state) => state.peerCount);
  const importRef = useRef<HTMLInputElement>(null);

  // Damaged records of the saved copy are dropped when the board opens: say so, since that work is gone.
  useEffect(() => {
    let current = true;
    void session.storage.restored.then(({ droppedRecords }) => {
      if (current && droppedRecords > 0) {
        view.setState({ notice: `This board's saved copy had ${droppedRecords} damaged ${droppedRecords === 1 ? 'record' : 'records'}; they were dropped and everything else was opened.` });
      }
    });
    return () => {
      current = false;
    };
  }, [session, view]);

  // A peer whose data failed the update guard was disconnected; the board itself is intact.
  const refusedPeer = useStore(session.syncStatus, (state) => state.refusedPeer);
  useEffect(() => {
    if (refusedPeer) view.setState({ notice: `Stopped syncing with a participant whose board data was damaged (${refusedPeer}). Your board is unchanged.` });
  }, [refusedPeer, view]);

  const onImport = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !mounted) return;
    try {
      const { items, rejected } = await readBoardFile(file);
      mounted.controller.put(items);
      view.setState({ notice: `Imported ${items.length} items${rejected > 0 ? `, skipped ${rejected} invalid` : ''}.` });
    } catch (error) {
      view.setState({ notice: error instanceof Error ? error.message : String(error) });
    }
  };
  const name = `board-${session.boardId}`;

  return (
    <div className="board-toolbar" role="toolbar" aria-label="Board tools">
      <div className="board-tools">
        {TOOLS.map((candidate) => (
          <button
            key={candidate}
            type="button"
            data-testid={`board-tool-${candidate}`}
            data-active={candidate === tool}
            aria-pressed={candidate === tool}
            title={`${TOOL_LABELS[candidate]} (${TOOL_KEYS[candidate].toUpperCase()})`}
            onClick={() => view.setState({ tool: candidate })}
          >
            {TOOL_LABELS[candidate]}
          </button>
        ))}
      </div>
      <div className="board-colors">
        {PALETTE.map((candidate, index) => (
          <button
            key={candidate}
            type="button"
            className="board-swatch"
            data-testid="board-color"
            data-color={candidate}
            data-active={candidate === color}
            aria-pressed={candidate === color}
            title={`Colour ${index + 1}`}
            style={{ background: candidate }}
            onClick={() => view.setState({ color: candidate })}
          />
        ))}
        <select data-testid="board-width" aria-label="Width" value={width} onChange={(event) => view.setState({ width: Number(event.target.value) })}>
          {WIDTHS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {candidate}px
            </option>
          ))}
        </select>
      </div>
      <div className="board-actions">
        <button type="button" data-testid="board-undo" disabled={!canUndo} title="Undo (Ctrl+Z)" onClick={() => mounted?.controller.undo()}>
          Undo
        </button>
        <button type="button" data-testid="board-redo" disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => mounted?.controller.redo()}>
          Redo
        </button>
        <button type="button" data-testid="board-export-png" onClick={() => mounted && void exportPng(mounted.scene).then((blob) => download(`${name}.png`, blob, 'image/png'))}>
          PNG
        </button>
        <button type="button" data-testid="board-export-svg" onClick={() => mounted && download(`${name}.svg`, exportSvg(mounted.scene), 'image/svg+xml')}>
          SVG
        </button>
        <button type="button" data-testid="board-export-json" onClick={() => mounted && download(`${name}.json`, exportJson(mounted.scene), 'application/json')}>
          JSON
        </button>
        <button type="button" data-testid="board-import" onClick={() => importRef.current?.click()}>
          Import…
        </button>
        <input ref={importRef} type="file" accept="application/json,.json" hidden data-testid="board-import-input" onChange={(event) => void onImport(event)} />
      </div>
      <div className="board-people">
        <span className={`board-sync board-sync-${signaling}`} data-testid="board-sync-status" data-status={signaling} data-peers={peerCount}>
          {SYNC_LABEL[signaling]}
          {peerCount > 0 ? ` · ${peerCount} connected` : ''}
        </span>
        {peers.map((peer) => (
          <button
            key={peer.clientId}
            type="button"
            className="board-peer"
            data-testid="board-peer"
            data-name={peer.name}
            data-following={following === peer.clientId}
            style={{ borderColor: peer.color }}
            title={following === peer.clientId ? `Stop following ${peer.name}` : `Follow ${peer.name}`}
            onClick={() => view.setState({ following: following === peer.clientId ? null : peer.clientId })}
          >
            {following === peer.clientId ? `Following ${peer.name}` : peer.name}
          </button>
        ))}
        {onClose && (
          <button type="button" data-testid="board-close" onClick={onClose}>
            Close board
          </button>
        )}
      </div>
      {notice && (
        <p className="board-notice" role="status" data-testid="board-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
