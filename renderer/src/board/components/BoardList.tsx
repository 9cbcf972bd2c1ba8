import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { DisplayNameSchema, RoomNameSchema } from '../../../../shared/call/join-request.js';
import { formatDateTime, shownLanguage } from '../../i18n/i18n.js';
import type { BoardLibrary } from '../board-library.js';
import '../board.css';

/** Boards kept on this machine: open one (no call, no network needed) or delete it. */
export function BoardList({ library }: { library: BoardLibrary }) {
  const { t, i18n } = useTranslation();
  const language = shownLanguage(i18n);
  const boards = useStore(library.store, (state) => state.boards);
  const [boardId, setBoardId] = useState('');
  const [name, setName] = useState(() => library.lastBoard()?.name ?? '');
  const [error, setError] = useState<string | null>(null);

  const open = (id: string): void => {
    const room = RoomNameSchema.safeParse(id);
    const person = DisplayNameSchema.safeParse(name);
    if (!room.success) return setError(room.error.issues[0]?.message ?? t('board.list.invalidBoard'));
    if (!person.success) return setError(person.error.issues[0]?.message ?? t('board.list.enterName'));
    setError(null);
    void library.open(room.data, person.data);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    open(boardId);
  };

  return (
    <aside className="board-list" data-testid="board-list" aria-label={t('board.list.title')}>
      <h2>{t('board.list.title')}</h2>
      <form onSubmit={onSubmit} className="board-list-form">
        <label>
          {t('board.list.yourName')}
          <input value={name} onChange={(event) => setName(event.target.value)} data-testid="board-list-name" />
        </label>
        <label>
          {t('board.list.board')}
          <input value={boardId} onChange={(event) => setBoardId(event.target.value)} placeholder={t('board.list.boardPlaceholder')} data-testid="board-list-new" />
        </label>
        <button type="submit">{t('board.list.open')}</button>
      </form>
      {error && (
        <p role="alert" className="board-list-error">
          {error}
        </p>
      )}
      {boards.length === 0 ? (
        <p className="board-list-empty">{t('board.list.empty')}</p>
      ) : (
        <ul>
          {boards.map((board) => (
            <li key={board.id} data-testid="board-list-item" data-board-id={board.id}>
              <span className="board-list-title">{board.id}</span>
              <time dateTime={new Date(board.lastOpened).toISOString()}>{formatDateTime(new Date(board.lastOpened), language)}</time>
              <button type="button" data-testid="board-list-open" onClick={() => open(board.id)}>
                {t('board.list.openOne')}
              </button>
              <button type="button" data-testid="board-list-delete" onClick={() => void library.remove(board.id)}>
                {t('board.list.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
