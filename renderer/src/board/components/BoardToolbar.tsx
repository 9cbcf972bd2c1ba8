import { ArrowUpRight, Circle, Eraser, Highlighter, Minus, MousePointer2, Pen, Redo2, Square, Type, Undo2, Upload, type LucideIcon } from 'lucide-react';
import { useEffect, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { TOOLS, type Tool } from '../../../../shared/board/schema.js';
import { IconButton } from '../../ui/icon-button.js';
import type { BoardController } from '../board-controller.js';
import { download, exportJson, exportPng, exportSvg, readBoardFile } from '../board-export.js';
import type { BoardSession } from '../board-session.js';
import { PALETTE, WIDTHS, type BoardViewStore } from '../board-view-store.js';
import type { Scene } from '../scene.js';
import { TOOL_REGISTRY } from '../tools/tool-registry.js';

/** The board once its canvas is mounted: what the toolbar's actions work on. */
export interface MountedBoard {
  readonly controller: BoardController;
  readonly scene: Scene;
}

const TOOL_ICONS: Readonly<Record<Tool, LucideIcon>> = {
  select: MousePointer2,
  pen: Pen,
  highlighter: Highlighter,
  line: Minus,
  arrow: ArrowUpRight,
  rectangle: Square,
  ellipse: Circle,
  text: Type,
  eraser: Eraser,
};

interface ToolbarProps {
  readonly session: BoardSession;
  readonly view: BoardViewStore;
  readonly mounted: MountedBoard | null;
  readonly onClose?: () => void;
}

/** Tools, colours and width, actions, and the people on the board. */
export function BoardToolbar({ session, view, mounted, onClose }: ToolbarProps) {
  const { t } = useTranslation();
  const notice = useStore(view, (state) => state.notice);
  useStorageNotices(session, view);
  return (
    <div className="board-toolbar tooltip-below" role="group" aria-label={t('board.toolbar')}>
      <ToolButtons view={view} />
      <StyleControls view={view} />
      <BoardActions session={session} view={view} mounted={mounted} />
      <BoardPeople session={session} view={view} {...(onClose ? { onClose } : {})} />
      {notice && (
        <p className="board-notice" role="status" data-testid="board-notice">
          {notice}
        </p>
      )}
    </div>
  );
}

/** Says what was lost on opening, and which peer was cut off; the board itself is intact. */
function useStorageNotices(session: BoardSession, view: BoardViewStore): void {
  const { t } = useTranslation();
  // Damaged records of the saved copy are dropped when the board opens: say so, since that work is gone.
  useEffect(() => {
    let current = true;
    void session.storage.restored.then(({ droppedRecords }) => {
      if (current && droppedRecords > 0) {
        view.setState({ notice: t('board.droppedRecords', { count: droppedRecords }) });
      }
    });
    return () => {
      current = false;
    };
  }, [session, view, t]);

  // A peer whose data failed the update guard was disconnected; the board itself is intact.
  const refusedPeer = useStore(session.syncStatus, (state) => state.refusedPeer);
  useEffect(() => {
    if (refusedPeer) view.setState({ notice: t('board.refusedPeer', { peer: refusedPeer }) });
  }, [refusedPeer, view, t]);
}

function ToolButtons({ view }: { view: BoardViewStore }) {
  const { t } = useTranslation();
  const tool = useStore(view, (state) => state.tool);
  return (
    <div className="board-tools" role="group" aria-label={t('board.toolsGroup')}>
      {TOOLS.map((candidate) => (
        <IconButton
          key={candidate}
          label={t(`board.tools.${candidate}`)}
          shortcut={TOOL_REGISTRY[candidate].key.toUpperCase()}
          icon={TOOL_ICONS[candidate]}
          testId={`board-tool-${candidate}`}
          data-active={candidate === tool}
          aria-pressed={candidate === tool}
          onClick={() => view.setState({ tool: candidate })}
        />
      ))}
    </div>
  );
}

function StyleControls({ view }: { view: BoardViewStore }) {
  const { t } = useTranslation();
  const color = useStore(view, (state) => state.color);
  const width = useStore(view, (state) => state.width);
  return (
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
          title={t('board.colour', { number: index + 1 })}
          style={{ background: candidate }}
          onClick={() => view.setState({ color: candidate })}
        />
      ))}
      <select data-testid="board-width" aria-label={t('board.width')} value={width} onChange={(event) => view.setState({ width: Number(event.target.value) })}>
        {WIDTHS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {t('board.widthValue', { width: candidate })}
          </option>
        ))}
      </select>
    </div>
  );
}

function BoardActions({ session, view, mounted }: { session: BoardSession; view: BoardViewStore; mounted: MountedBoard | null }) {
  const { t } = useTranslation();
  const canUndo = useStore(view, (state) => state.canUndo);
  const canRedo = useStore(view, (state) => state.canRedo);
  const importRef = useRef<HTMLInputElement>(null);
  const onImport = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !mounted) return;
    try {
      const { items, rejected } = await readBoardFile(file);
      mounted.controller.importItems(items);
      view.setState({ notice: rejected > 0 ? t('board.importedSkipped', { count: items.length, skipped: rejected }) : t('board.imported', { count: items.length }) });
    } catch (error) {
      view.setState({ notice: error instanceof Error ? error.message : String(error) });
    }
  };
  const name = `board-${session.boardId}`;
  return (
    <div className="board-actions">
      <IconButton label={t('board.undo')} shortcut="Ctrl+Z" icon={Undo2} testId="board-undo" disabled={!canUndo} onClick={() => mounted?.controller.undo()} />
      <IconButton label={t('board.redo')} shortcut="Ctrl+Shift+Z" icon={Redo2} testId="board-redo" disabled={!canRedo} onClick={() => mounted?.controller.redo()} />
      <span className="board-export" role="group" aria-label={t('board.exportGroup')}>
        <button type="button" data-testid="board-export-png" title={t('board.exportAs', { format: 'PNG' })} onClick={() => mounted && void exportPng(mounted.scene).then((blob) => download(`${name}.png`, blob, 'image/png'))}>
          PNG
        </button>
        <button type="button" data-testid="board-export-svg" title={t('board.exportAs', { format: 'SVG' })} onClick={() => mounted && download(`${name}.svg`, exportSvg(mounted.scene), 'image/svg+xml')}>
          SVG
        </button>
        <button type="button" data-testid="board-export-json" title={t('board.exportAs', { format: 'JSON' })} onClick={() => mounted && download(`${name}.json`, exportJson(mounted.scene), 'application/json')}>
          JSON
        </button>
      </span>
      <IconButton label={t('board.importTitle')} icon={Upload} text={t('board.import')} testId="board-import" onClick={() => importRef.current?.click()} />
      <input ref={importRef} type="file" accept="application/json,.json" hidden data-testid="board-import-input" onChange={(event) => void onImport(event)} />
    </div>
  );
}

function BoardPeople({ session, view, onClose }: { session: BoardSession; view: BoardViewStore; onClose?: () => void }) {
  const { t } = useTranslation();
  const peers = useStore(view, (state) => state.peers);
  const following = useStore(view, (state) => state.following);
  const signaling = useStore(session.syncStatus, (state) => state.signaling);
  const peerCount = useStore(session.syncStatus, (state) => state.peerCount);
  return (
    <div className="board-people">
      <span className={`board-sync board-sync-${signaling}`} data-testid="board-sync-status" data-status={signaling} data-peers={peerCount}>
        {peerCount > 0 ? t('board.connected', { status: t(`board.sync.${signaling}`), count: peerCount }) : t(`board.sync.${signaling}`)}
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
          title={t(following === peer.clientId ? 'board.stopFollowing' : 'board.follow', { name: peer.name })}
          onClick={() => view.setState({ following: following === peer.clientId ? null : peer.clientId })}
        >
          {following === peer.clientId ? t('board.following', { name: peer.name }) : peer.name}
        </button>
      ))}
      {onClose && (
        <button type="button" data-testid="board-close" onClick={onClose}>
          {t('board.close')}
        </button>
      )}
    </div>
  );
}
