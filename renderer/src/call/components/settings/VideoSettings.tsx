import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../../call-engine.js';
import type { CallStore } from '../../call-store.js';
import { DeviceSelect } from '../DeviceSelects.js';
import { VideoTrack } from '../MediaElements.js';

/** Camera with a live preview, and whether our own view is mirrored. */
export function VideoSettings({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const localVideo = useStore(store, (state) => state.localVideo);
  const mirrored = useStore(store, (state) => state.mirrorPreview);
  return (
    <>
      <DeviceSelect store={store} engine={engine} kind="camera" />
      <div className="settings-preview" role="img" aria-label={t('settings.preview')}>
        {localVideo ? <VideoTrack track={localVideo} mirrored={mirrored} testId="settings-preview" /> : <p>{t('settings.cameraOffPreview')}</p>}
      </div>
      <label className="settings-check">
        <input type="checkbox" checked={mirrored} data-testid="mirror-preview" onChange={(event) => store.setState({ mirrorPreview: event.target.checked })} aria-describedby="settings-mirror-hint" />
        {t('settings.mirror')}
      </label>
      <p className="settings-hint" id="settings-mirror-hint">
        {t('settings.mirrorHint')}
      </p>
    </>
  );
}
