import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import { annotationsAllowed, enforceAnnotationPolicy, setAnnotationsAllowed } from '../../../shared/annotations/annotation-policy.js';
import { BoardModel, newItemId } from '../../../shared/board/board-doc.js';
import type { BoardItem, ReadItem } from '../../../shared/board/schema.js';
import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import { createBoardConnectionStore } from '../board/board-connection.js';
import { connectPeers, type BoardUser } from '../board/board-session.js';
import { publishPresence, readAnnotators, type Annotator, type PresencePublisher } from './annotation-presence.js';

export type AnnotationRole = 'presenter' | 'viewer';

export interface AnnotationState {
  /** Every valid mark, by id. */
  readonly items: ReadonlyMap<string, ReadItem>;
  readonly allowed: boolean;
  readonly annotators: readonly Annotator[];
  readonly canUndo: boolean;
}

/** Share annotations live in their own namespace on the signaling server, one room per share. */
export function annotationRoomName(callRoom: string, screenFeedId: string): string {
  return `confer-annotations:${callRoom}:${screenFeedId}`;
}

/**
 * The annotations of one screen share: a Yjs document per share, synced
 * like the board (y-webrtc over guarded data channels), with this user's
 * undo history and presence. The presenter's session enforces the
 * allow/deny policy on its copy (see annotation-policy.ts).
 */
export function openAnnotationSession(options: { roomName: string; role: AnnotationRole; config: RuntimeConfig; user: BoardUser }) {
  const { role } = options;
  const doc = new Y.Doc();
  const model = new BoardModel(doc);
  const connection = createBoardConnectionStore();
  const sync = connectPeers(options.roomName, doc, options.config, options.user, connection, 'Annotations');
  const awareness = sync.provider.awareness;
  const stopPolicy = role === 'presenter' ? enforceAnnotationPolicy(model) : () => undefined;
  const undo = model.createUndoManager();
  const presence: PresencePublisher = publishPresence(awareness);
  /** Our marks' ids start with this, so that "clear mine" finds them. */
  const authorTag = doc.clientID.toString(36);

  const store = createStore<AnnotationState>()(() => ({
    items: model.readAll(),
    allowed: annotationsAllowed(model),
    annotators: readAnnotators(awareness),
    canUndo: false,
  }));
  const readDocument = (): void =>
    store.setState({ items: model.readAll(), allowed: annotationsAllowed(model), canUndo: undo.undoStack.length > 0 });
  const readAwareness = (): void => store.setState({ annotators: readAnnotators(awareness) });
  doc.on('afterTransaction', readDocument);
  undo.on('stack-item-added', readDocument);
  undo.on('stack-item-popped', readDocument);
  awareness.on('change', readAwareness);

  const mayDraw = (): boolean => role === 'presenter' || annotationsAllowed(model);

  return {
    role,
    doc,
    model,
    store,
    newItemId: (): string => `${authorTag}_${newItemId()}`,
    /** Adds marks; refused locally while the presenter denies annotation (the presenter's copy refuses them anyway). */
    put(items: readonly BoardItem[]): boolean {
      if (!mayDraw()) return false;
      undo.stopCapturing();
      model.put(items);
      return true;
    },
    topZ: (): number => model.topZ(),
    cursor: (point: { x: number; y: number } | null): void => presence.cursor(point),
    laser(point: { x: number; y: number }): void {
      if (mayDraw()) presence.laser(point);
    },
    undo(): void {
      undo.undo();
    },
    clearMine(): void {
      const mine = [...model.items.keys()].filter((id) => id.startsWith(`${authorTag}_`));
      if (mine.length === 0) return;
      undo.stopCapturing();
      model.remove(mine);
    },
    clearAll(): void {
      if (role !== 'presenter') return;
      undo.stopCapturing();
      model.remove([...model.items.keys()]);
    },
    setAllowed(allowed: boolean): void {
      if (role === 'presenter') setAnnotationsAllowed(model, allowed);
    },
    /** Resolves once y-webrtc has let go of the room, which it does asynchronously: only then may it be joined again. */
    destroy(): Promise<void> {
      presence.destroy();
      stopPolicy();
      awareness.off('change', readAwareness);
      doc.off('afterTransaction', readDocument);
      undo.destroy();
      sync.destroy();
      doc.destroy();
      return Promise.resolve(sync.provider.key).then(() => undefined);
    },
  };
}

export type AnnotationSession = ReturnType<typeof openAnnotationSession>;
