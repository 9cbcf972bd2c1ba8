import { Settings, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../ui/icon-button.js';
import type { CallEngine } from '../../call-engine.js';
import type { CallStore } from '../../call-store.js';
import { AudioSettings } from './AudioSettings.js';
import { KeyboardSettings } from './KeyboardSettings.js';
import { LanguageSettings } from './LanguageSettings.js';
import { ServerSettings } from './ServerSettings.js';
import { VideoSettings } from './VideoSettings.js';
import './settings.css';

const SECTIONS = ['audio', 'video', 'keyboard', 'servers', 'language'] as const;
type Section = (typeof SECTIONS)[number];

interface SettingsProps {
  readonly store: CallStore;
  readonly engine: CallEngine;
}

function SectionBody({ section, store, engine }: SettingsProps & { readonly section: Section }): ReactNode {
  if (section === 'audio') return <AudioSettings store={store} engine={engine} />;
  if (section === 'video') return <VideoSettings store={store} engine={engine} />;
  if (section === 'keyboard') return <KeyboardSettings store={store} />;
  if (section === 'servers') return <ServerSettings store={store} />;
  return <LanguageSettings store={store} />;
}

/** Tabs down the side, moved through with the arrow keys as the ARIA tabs pattern has it. */
function SectionTabs({ section, select }: { readonly section: Section; readonly select: (section: Section) => void }) {
  const { t } = useTranslation();
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = SECTIONS[(SECTIONS.indexOf(section) + step + SECTIONS.length) % SECTIONS.length] ?? section;
    select(next);
    document.getElementById(`settings-tab-${next}`)?.focus();
  };
  return (
    <div className="settings-tabs" role="tablist" aria-orientation="vertical" aria-label={t('settings.sections')} onKeyDown={onKey}>
      {SECTIONS.map((name) => (
        <button key={name} type="button" role="tab" id={`settings-tab-${name}`} aria-selected={name === section} aria-controls="settings-panel" tabIndex={name === section ? 0 : -1} data-testid={`settings-tab-${name}`} onClick={() => select(name)}>
          {t(`settings.${name}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * The settings screen, a modal dialog: the browser keeps focus inside it
 * and closes it on Escape; focus then goes back to what opened it.
 */
function SettingsDialog({ store, engine, onClose }: SettingsProps & { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [section, setSection] = useState<Section>('audio');
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => opener?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title" data-testid="settings-dialog" onClose={onClose}>
      <header className="settings-header">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <IconButton label={t('settings.close')} icon={X} testId="close-settings" onClick={() => dialog.current?.close()} />
      </header>
      <div className="settings-body">
        <SectionTabs section={section} select={setSection} />
        <section className="settings-panel" id="settings-panel" role="tabpanel" aria-labelledby={`settings-tab-${section}`} data-testid={`settings-panel-${section}`} tabIndex={0}>
          <SectionBody section={section} store={store} engine={engine} />
        </section>
      </div>
    </dialog>
  );
}

/** The button that opens the settings, in the lobby and in the call's toolbar. */
export function SettingsButton({ store, engine, text }: SettingsProps & { readonly text?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton label={t('controls.settings')} text={text ? t('controls.settings') : undefined} icon={Settings} aria-haspopup="dialog" aria-expanded={open} testId="open-settings" onClick={() => setOpen(true)} />
      {/* In the body, not where the button is: the lobby is a form, and forms do not nest. */}
      {open && createPortal(<SettingsDialog store={store} engine={engine} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
