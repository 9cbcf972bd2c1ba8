import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { DEFAULT_SHORTCUT_KEYS, SHORTCUT_ACTIONS, type ShortcutAction } from '../../../../../shared/desktop/call-preferences.js';
import type { CallStore } from '../../call-store.js';
import { pushToTalkConflict, remapShortcut } from '../../settings/shortcut-keys.js';

type Feedback = { readonly tone: 'error' | 'ok'; readonly text: string } | null;

/** The shortcut table: each action's key, changed by typing a new one into its field; a taken key is refused and nothing changes. */
function ShortcutTable({ store, say }: { readonly store: CallStore; readonly say: (feedback: Feedback) => void }) {
  const { t } = useTranslation();
  const keys = useStore(store, (state) => state.shortcutKeys);
  const actionName = (action: ShortcutAction | 'pushToTalk') => t(`settings.actions.${action}`);
  const remap = (action: ShortcutAction, typed: string) => {
    if (typed === '') return;
    const state = store.getState();
    const result = remapShortcut(state.shortcutKeys, action, typed.slice(-1), state.pushToTalk.enabled ? state.pushToTalk.code : null);
    if (result.ok) {
      store.setState({ shortcutKeys: result.keys });
      say({ tone: 'ok', text: t('settings.keySaved', { action: actionName(action), key: result.keys[action].toUpperCase() }) });
    } else if (result.problem === 'taken') say({ tone: 'error', text: t('settings.keyTaken', { key: typed.slice(-1).toUpperCase(), action: actionName(result.by) }) });
    else say({ tone: 'error', text: t('settings.keyInvalid') });
  };
  return (
    <table className="settings-shortcuts">
      <caption className="visually-hidden">{t('settings.shortcutsTable')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('settings.action')}</th>
          <th scope="col">{t('settings.key')}</th>
        </tr>
      </thead>
      <tbody>
        {SHORTCUT_ACTIONS.map((action) => (
          <tr key={action}>
            <th scope="row">{actionName(action)}</th>
            <td>
              <input className="settings-key" value={keys[action].toUpperCase()} aria-label={t('settings.changeKeyFor', { action: actionName(action) })} data-testid={`shortcut-key-${action}`} onFocus={(event) => event.target.select()} onChange={(event) => remap(action, event.target.value.replace(keys[action].toUpperCase(), ''))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Push-to-talk: on or off, and its key, taken from the next key pressed on the button. */
function PushToTalkSetting({ store, say }: { readonly store: CallStore; readonly say: (feedback: Feedback) => void }) {
  const { t } = useTranslation();
  const pushToTalk = useStore(store, (state) => state.pushToTalk);
  const [capturing, setCapturing] = useState(false);
  const capture = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!capturing) return;
    // Escape and Tab leave the button as they always do; no other key is typed into the page while capturing.
    if (event.key === 'Tab') return setCapturing(false);
    event.preventDefault();
    event.stopPropagation();
    setCapturing(false);
    if (event.key === 'Escape') return;
    const conflict = pushToTalkConflict(store.getState().shortcutKeys, event.code);
    if (conflict) return say({ tone: 'error', text: t('settings.pushToTalkTaken', { key: event.code, action: t(`settings.actions.${conflict}`), old: pushToTalk.code }) });
    store.setState({ pushToTalk: { ...pushToTalk, code: event.code } });
    say(null);
  };
  return (
    <>
      <label className="settings-check">
        <input type="checkbox" checked={pushToTalk.enabled} data-testid="push-to-talk" aria-describedby="settings-ptt-hint" onChange={(event) => store.setState({ pushToTalk: { ...pushToTalk, enabled: event.target.checked } })} />
        {t('settings.pushToTalk')}
      </label>
      <p className="settings-hint" id="settings-ptt-hint">
        {t('settings.pushToTalkHint')}
      </p>
      <div className="settings-row">
        <span data-testid="push-to-talk-key">{t('settings.pushToTalkKey', { key: pushToTalk.code })}</span>
        <button type="button" className="secondary" aria-pressed={capturing} onClick={() => setCapturing(!capturing)} onKeyDown={capture} onBlur={() => setCapturing(false)} data-testid="change-push-to-talk">
          {capturing ? t('settings.pressKey') : t('settings.change')}
        </button>
      </div>
    </>
  );
}

/** Single keys on or off, their keys, and push-to-talk; a refused change says why in an alert, the rest in a status. */
export function KeyboardSettings({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const enabled = useStore(store, (state) => state.singleKeyShortcuts);
  const [feedback, say] = useState<Feedback>(null);
  return (
    <>
      <label className="settings-check">
        <input
          type="checkbox"
          data-testid="single-key-shortcuts"
          checked={enabled}
          aria-describedby="settings-single-hint"
          // The user's own preference, not call state the engine derives: written here, saved by the shell connection.
          onChange={(event) => store.setState({ singleKeyShortcuts: event.target.checked })}
        />
        {t('settings.singleKeys')}
      </label>
      <p className="settings-hint" id="settings-single-hint">
        {t('settings.singleKeysHint')}
      </p>
      <ShortcutTable store={store} say={say} />
      <p className={feedback?.tone === 'error' ? 'settings-error' : 'settings-ok'} role={feedback?.tone === 'error' ? 'alert' : 'status'} data-testid="keyboard-feedback">
        {feedback?.text}
      </p>
      <button type="button" className="secondary" onClick={() => store.setState({ shortcutKeys: DEFAULT_SHORTCUT_KEYS })}>
        {t('settings.resetKeys')}
      </button>
      <PushToTalkSetting store={store} say={say} />
    </>
  );
}
