import type * as Y from 'yjs';
import type { BoardModel } from '../board/board-doc.js';

/**
 * Who may draw on a share. The presenter's copy of the annotation document
 * is the authority: it is the copy that feeds the presenter's real screen
 * (the overlay) and whose state every viewer converges on. While
 * annotation is denied, the presenter's client reverts every change that
 * reaches it from a peer: a new mark is deleted, a changed or deleted mark
 * is put back. The reverts are ordinary Yjs updates, so they sync to every
 * viewer, and a client that ignores the rule only ever draws on its own copy
 * until the revert arrives. The policy itself lives in the document's meta
 * map, and only the presenter's own writes to it stand.
 */
export const ALLOWED_KEY = 'annotationsAllowed';

/** Origin of the presenter's reverts: not a user's edit, so never in anyone's undo history. */
export const GATE_ORIGIN = 'confer-annotation-gate';

export function annotationsAllowed(model: BoardModel): boolean {
  // A document the presenter has not stamped yet is open: annotating is on by default.
  return model.meta.get(ALLOWED_KEY) !== false;
}

export function setAnnotationsAllowed(model: BoardModel, allowed: boolean): void {
  model.doc.transact(() => model.meta.set(ALLOWED_KEY, allowed), model.origin);
}

type KeyChanges = Y.YMapEvent<unknown>['changes']['keys'];

function revert(map: Y.Map<unknown>, keys: KeyChanges, only?: (key: string) => boolean): void {
  keys.forEach((change, key) => {
    if (only && !only(key)) return;
    if (change.action === 'add') map.delete(key);
    else map.set(key, change.oldValue);
  });
}

/**
 * Runs on the presenter's client for the life of the share. Returns the
 * function that stops it.
 */
export function enforceAnnotationPolicy(model: BoardModel): () => void {
  const isRemote = (transaction: Y.Transaction): boolean => !transaction.local;
  const onItems = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void => {
    if (!isRemote(transaction) || annotationsAllowed(model)) return;
    // Yjs runs a transaction made inside an observer right after the current one.
    model.doc.transact(() => revert(model.items, event.changes.keys), GATE_ORIGIN);
  };
  const onMeta = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void => {
    if (!isRemote(transaction)) return;
    model.doc.transact(() => revert(model.meta, event.changes.keys, (key) => key === ALLOWED_KEY), GATE_ORIGIN);
  };
  model.items.observe(onItems);
  model.meta.observe(onMeta);
  return () => {
    model.items.unobserve(onItems);
    model.meta.unobserve(onMeta);
  };
}
