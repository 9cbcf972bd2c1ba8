import { useContext, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallStore } from '../../call-store.js';
import { parseServerInput } from '../../settings/server-overrides.js';
import { ConfiguredServersContext } from '../../settings/settings-context.js';

type Outcome = { readonly tone: 'error' | 'ok'; readonly text: string } | null;

/**
 * The user's own Janus and signaling servers. What is typed is checked
 * with the configuration's own schema; a refused value leaves the saved
 * one as it was, and says what an address must look like.
 */
export function ServerSettings({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const configured = useContext(ConfiguredServersContext);
  const servers = useStore(store, (state) => state.servers);
  const [janus, setJanus] = useState(servers.janusUrl ?? '');
  const [signaling, setSignaling] = useState(servers.signalingUrls?.join(', ') ?? '');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    // React carries events up through the portal: the lobby's own form must not take this submit as a join.
    event.stopPropagation();
    const input = parseServerInput(janus, signaling);
    if (!input.ok) {
      setOutcome({ tone: 'error', text: t(input.problem === 'janus-url' ? 'settings.janusUrlInvalid' : 'settings.signalingUrlsInvalid') });
      return;
    }
    store.setState({ servers: input.servers });
    setOutcome({ tone: 'ok', text: t('settings.serversSaved') });
  };
  return (
    <form className="settings-form" onSubmit={save} noValidate>
      <label>
        {t('settings.janusUrl')}
        <input value={janus} onChange={(event) => setJanus(event.target.value)} placeholder={configured.janusUrl} spellCheck={false} data-testid="janus-url" aria-invalid={outcome?.tone === 'error'} aria-describedby="settings-servers-hint settings-servers-outcome" />
      </label>
      <label>
        {t('settings.signalingUrls')}
        <input value={signaling} onChange={(event) => setSignaling(event.target.value)} placeholder={configured.signalingUrls.join(', ')} spellCheck={false} data-testid="signaling-urls" aria-describedby="settings-servers-hint settings-servers-outcome" />
      </label>
      <p className="settings-hint" id="settings-servers-hint">
        {t('settings.serversHint', { configured: configured.janusUrl })}
      </p>
      <p id="settings-servers-outcome" className={outcome?.tone === 'error' ? 'settings-error' : 'settings-ok'} role={outcome?.tone === 'error' ? 'alert' : 'status'} data-testid="servers-outcome">
        {outcome?.text}
      </p>
      <div className="settings-row">
        <button type="submit" data-testid="save-servers">
          {t('settings.saveServers')}
        </button>
      </div>
    </form>
  );
}
