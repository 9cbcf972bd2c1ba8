import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';

/** A moderator's notice of who waits to be let in, each with Admit and Deny; the first few by name. */
const SHOWN = 3;

export function WaitingNotice({ store, engine }: { readonly store: CallStore; readonly engine: Pick<CallEngine, 'moderation'> }) {
  const { t } = useTranslation();
  const waiting = useStore(store, (state) => state.waitingPeople);
  if (waiting.length === 0) return null;
  return (
    <ul className="notice notice-warn waiting-notice" aria-label={t('waiting.label')} data-testid="waiting-notice">
      {waiting.slice(0, SHOWN).map((person) => (
        <li key={person.id} data-testid="waiting-person" data-name={person.display}>
          {t('waiting.person', { name: person.display })}{' '}
          <button type="button" aria-label={t('waiting.admitName', { name: person.display })} data-testid="waiting-admit" onClick={() => void engine.moderation.admit(person.id)}>
            {t('waiting.admit')}
          </button>{' '}
          <button type="button" className="secondary" aria-label={t('waiting.denyName', { name: person.display })} data-testid="waiting-deny" onClick={() => void engine.moderation.deny(person.id)}>
            {t('waiting.deny')}
          </button>
        </li>
      ))}
      {waiting.length > SHOWN && <li>{t('waiting.more', { count: waiting.length - SHOWN })}</li>}
    </ul>
  );
}

/** In the lobby while we wait to be let in: what is happening, and the way out. */
export function WaitingForAdmission({ store, engine, room }: { readonly store: CallStore; readonly engine: Pick<CallEngine, 'leave'>; readonly room: string }) {
  const { t } = useTranslation();
  const waiting = useStore(store, (state) => state.waitingForAdmission);
  if (!waiting) return null;
  return (
    <div className="lobby-waiting" role="status" data-testid="waiting-for-admission">
      <p>{t('lobby.waitingForAdmission', { room })}</p>
      <button type="button" className="secondary" onClick={() => void engine.leave()}>
        {t('lobby.leaveWaitingRoom')}
      </button>
    </div>
  );
}

/** The lobby's choice of a waiting room for a room this join creates, offered once a moderator secret is typed. */
export function WaitingRoomChoice({ chosen, onChange }: { readonly chosen: boolean; readonly onChange: (chosen: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <label className="lobby-check">
      <input name="waitingRoom" type="checkbox" checked={chosen} onChange={(event) => onChange(event.target.checked)} />
      {t('lobby.waitingRoom')}
    </label>
  );
}
