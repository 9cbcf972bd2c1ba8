import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../../call-engine.js';
import type { CallStore, DeviceNotice } from '../../call-store.js';
import { switchBack } from '../../settings/device-choice.js';

function useDeviceSentence(notice: DeviceNotice | null): string {
  const { t } = useTranslation();
  if (!notice) return '';
  const kind = t(`devices.kind.${notice.kind}`);
  if (!notice.using) return t('devices.noneLeft', { lost: notice.lost || kind, kind });
  if (notice.lost === null) return t('devices.returned', { using: notice.using });
  return notice.lost ? t('devices.fellBack', { lost: notice.lost, using: notice.using }) : t('devices.fellBackUnnamed', { kind, using: notice.using });
}

/** What the device fallback did, read by screen readers as it happens (a polite live region) and shown until the next change. */
export function DeviceNoticeRegion({ store }: { readonly store: CallStore }) {
  const sentence = useDeviceSentence(useStore(store, (state) => state.deviceNotice));
  return (
    <p className={sentence ? 'notice notice-warn' : 'visually-hidden'} role="status" aria-live="polite" data-testid="device-notice">
      {sentence}
    </p>
  );
}

/** A preferred device came back while another is in use: switched back to only if the user says so. */
export function DeviceOfferNotice({ store, engine }: { readonly store: CallStore; readonly engine: Pick<CallEngine, 'selectCamera' | 'selectMicrophone'> }) {
  const { t } = useTranslation();
  const offer = useStore(store, (state) => state.deviceOffer);
  if (!offer) return null;
  return (
    <p className="notice notice-warn" role="status" data-testid="device-offer">
      {t('devices.offer', { device: offer.device.label })}{' '}
      <button type="button" onClick={() => void switchBack(store, engine)}>
        {t('devices.switchBack')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => store.setState({ deviceOffer: null })}>
        {t('devices.notNow')}
      </button>
    </p>
  );
}

/** Why a camera or microphone could not be opened, said at once (an alert) and shown while it lasts. */
export function DeviceProblemNotice({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const problem = useStore(store, (state) => state.deviceProblem);
  if (!problem) return null;
  return (
    <p className="notice notice-error" role="alert" data-testid="device-problem">
      {t(`deviceProblem.${problem.kind}.${problem.reason}`)}
    </p>
  );
}

/** Stored settings that could not be read and were reset: said once, dismissed by the user. */
export function PreferencesResetNotice({ store }: { readonly store: CallStore }) {
  const { t } = useTranslation();
  const reset = useStore(store, (state) => state.preferencesReset);
  if (reset.length === 0) return null;
  const sections = reset.map((section) => t(`settings.sectionNames.${section}`)).join(', ');
  return (
    <p className="notice notice-warn" role="status" data-testid="preferences-reset">
      {t('settings.reset', { sections })}{' '}
      <button type="button" className="secondary" onClick={() => store.setState({ preferencesReset: [] })}>
        {t('settings.dismiss')}
      </button>
    </p>
  );
}
