import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import { annotationsAllowed, enforceAnnotationPolicy, setAnnotationsAllowed } from '../../../shared/annotations/annotation-policy.js';
import { BoardModel, newItemId } from '../../../shared/board/board-doc.js';
import type { BoardItem, ReadItem } from '../../../shared/board/schema.js';
import type { DocumentTransport } from '../sync/document-transport.js';
import { openDocumentSync } from '../sync/document-sync.js';
import type { SyncUser } from '../sync/sync-user.js';
import { publishAnnotator, readAnnotators, type Annotator } from './annotation-awareness.js';

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
 * like the board (through sync/), with this user's undo history and
 * awareness. The presenter's session enforces the allow/deny policy on its
 * copy (see annotation-policy.ts).
 */
export function openAnnotationSession(options: { roomName: string; role: AnnotationRole; transport: DocumentTransport; user: SyncUser }) {
  const { role } = options;
  const doc = new Y.Doc();
  const model = new BoardModel(doc);
  const sync = openDocumentSync({ transport: options.transport, room: options.roomName, doc, user: options.user, label: 'Annotations' });
  const awareness = sync.awareness;
  const stopPolicy = role === 'presenter' ? enforceAnnotationPolicy(model) : () => undefined;
  const undo = model.createUndoManager();
  const publisher = publishAnnotator(awareness);
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
    cursor: (point: { x: number; y: number } | null): void => publisher.cursor(point),
    laser(point: { x: number; y: number }): void {
      if (mayDraw()) publisher.laser(point);
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
    /** Resolves once the transport has let go of the room, which y-webrtc does asynchronously: only then may it be joined again. */
    destroy(): Promise<void> {
      publisher.destroy();
      stopPolicy();
      awareness.off('change', readAwareness);
      doc.off('afterTransaction', readDocument);
      undo.destroy();
      const leaving = sync.destroy();
      doc.destroy();
      return leaving;
    },
  };
}

export type AnnotationSession = ReturnType<typeof openAnnotationSession>;
