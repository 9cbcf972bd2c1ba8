import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CaptureSource } from '../../../shared/desktop/capture.js';
import { moveSelection, sourcesOn, type CapturePicker, type CaptureTab } from './capture-picker.js';
import './capture.css';

/** The grid's column count in capture.css: arrow up/down move by this many tiles. */
const COLUMNS = 3;
const TABS: readonly { readonly tab: CaptureTab; readonly label: 'capture.screens' | 'capture.windows' }[] = [
  { tab: 'screen', label: 'capture.screens' },
  { tab: 'window', label: 'capture.windows' },
];

/** A modal dialog keeps Tab and Shift+Tab among its own controls. */
function keepFocusInside(event: KeyboardEvent): void {
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), input, [tabindex]')].filter(
    (element) => element.tabIndex >= 0,
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** The dialog's keys: Tab stays inside, Escape cancels; in the grid, Enter shares and the arrows, Home and End select. */
function onPickerKey(
  event: KeyboardEvent,
  picker: CapturePicker,
  grid: RefObject<HTMLDivElement | null>,
  shownIds: readonly string[],
  selectedId: string | null,
): void {
  if (event.key === 'Tab') {
    keepFocusInside(event);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    void picker.cancel();
  } else if (event.key === 'Enter' && event.target === grid.current) {
    event.preventDefault();
    void picker.share();
  } else if (event.target === grid.current) {
    const next = moveSelection(shownIds, selectedId, event.key, COLUMNS);
    if (next !== selectedId && next !== null) {
      event.preventDefault();
      picker.select(next);
    }
  }
}

/** Screens and Windows, each with its count; the left and right arrows switch between them. */
function SourceTabs({ picker, tab, sources }: { readonly picker: CapturePicker; readonly tab: CaptureTab; readonly sources: readonly CaptureSource[] }) {
  const { t } = useTranslation();
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    picker.setTab(tab === 'screen' ? 'window' : 'screen');
  };
  return (
    <div className="capture-tabs" role="tablist" aria-label={t('capture.kinds')} onKeyDown={onTabKey}>
      {TABS.map(({ tab: value, label }) => (
        <button
          key={value}
          type="button"
          role="tab"
          id={`capture-tab-${value}`}
          aria-selected={tab === value}
          aria-controls="capture-grid"
          tabIndex={tab === value ? 0 : -1}
          onClick={() => picker.setTab(value)}
        >
          {t(label, { count: sourcesOn(value, sources).length })}
        </button>
      ))}
    </div>
  );
}

/** One tile of the grid: a click selects it, a double click shares it. */
function SourceOption({ picker, source, selected }: { readonly picker: CapturePicker; readonly source: CaptureSource; readonly selected: boolean }) {
  return (
    <div
      id={`capture-source-${source.id}`}
      role="option"
      aria-selected={selected}
      className="capture-source"
      onClick={() => picker.select(source.id)}
      onDoubleClick={() => {
        picker.select(source.id);
        void picker.share();
      }}
    >
      {source.thumbnail ? <img className="capture-thumbnail" src={source.thumbnail} alt="" /> : <div className="capture-thumbnail" />}
      <span className="capture-name">
        {source.appIcon && <img className="capture-icon" src={source.appIcon} alt="" />}
        {source.name}
      </span>
    </div>
  );
}

/**
 * Choose what to share: Screens and Windows tabs of live thumbnails.
 * Keyboard: Tab between tabs, grid and buttons; arrows, Home and End in the
 * grid; Enter shares, Escape cancels.
 */
export function ScreenPicker({ picker }: { readonly picker: CapturePicker }) {
  const { t } = useTranslation();
  const request = useStore(picker.store, (state) => state.request);
  const sources = useStore(picker.store, (state) => state.sources);
  const tab = useStore(picker.store, (state) => state.tab);
  const selectedId = useStore(picker.store, (state) => state.selectedId);
  const shareAudio = useStore(picker.store, (state) => state.shareAudio);
  const error = useStore(picker.store, (state) => state.error);
  const grid = useRef<HTMLDivElement>(null);
  const shown = sourcesOn(tab, sources);

  useEffect(() => {
    if (request) grid.current?.focus();
  }, [request]);

  if (!request) return null;

  const onKeyDown = (event: KeyboardEvent) => onPickerKey(event, picker, grid, shown.map((source) => source.id), selectedId);

  return (
    <div className="capture-backdrop">
      <div className="capture-picker" role="dialog" aria-modal="true" aria-labelledby="capture-title" onKeyDown={onKeyDown}>
        <h2 id="capture-title">{t('capture.title')}</h2>
        <SourceTabs picker={picker} tab={tab} sources={sources} />
        <div
          id="capture-grid"
          ref={grid}
          className="capture-grid"
          role="listbox"
          tabIndex={0}
          aria-labelledby={`capture-tab-${tab}`}
          aria-activedescendant={selectedId ? `capture-source-${selectedId}` : undefined}
        >
          {shown.length === 0 && <p className="capture-empty">{t(sources.length === 0 ? 'capture.looking' : 'capture.nothing')}</p>}
          {shown.map((source) => (
            <SourceOption key={source.id} picker={picker} source={source} selected={source.id === selectedId} />
          ))}
        </div>
        {request.loopbackAudioSupported && request.audioRequested && (
          <label className="capture-audio">
            <input type="checkbox" checked={shareAudio} onChange={(event) => picker.setShareAudio(event.target.checked)} />
            {t('capture.shareSound')}
          </label>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="capture-actions">
          <button type="button" className="capture-cancel" onClick={() => void picker.cancel()}>
            {t('capture.cancel')}
          </button>
          <button type="button" disabled={selectedId === null} onClick={() => void picker.share()}>
            {t('capture.share')}
          </button>
        </div>
      </div>
    </div>
  );
}
