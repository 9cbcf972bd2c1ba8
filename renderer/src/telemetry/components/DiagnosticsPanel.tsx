import { Stethoscope, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import type { CallStore } from '../../call/call-store.js';
import type { Language } from '../../../../shared/desktop/call-preferences.js';
import { formatDateTime, formatNumber, shownLanguage } from '../../i18n/i18n.js';
import { buildDiagnosticsBundle, diagnosticsFileName } from '../diagnostics-bundle.js';
import { callSummary, samplesByStream, sparklinePoints, type SeriesMetric } from '../diagnostics-series.js';
import type { TelemetryStore } from '../telemetry-store.js';
import { IconButton } from '../../ui/icon-button.js';
import { toggleDiagnostics, type DiagnosticsView } from '../diagnostics-view.js';
import '../telemetry.css';

interface DiagnosticsPanelProps {
  readonly telemetry: TelemetryStore;
  readonly calls: CallStore;
  readonly config: RuntimeConfig;
  readonly host: 'electron' | 'web';
  readonly view: DiagnosticsView;
}

const GRAPH_WIDTH = 160;
const GRAPH_HEIGHT = 32;
/** Two minutes of samples at one every two seconds. */
const GRAPH_SAMPLES = 60;
const milliseconds = (value: number, language: Language) => formatNumber(value, language, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
/** Each graphed metric: its catalogue key and its value the language's way. */
const METRICS: ReadonlyArray<readonly [SeriesMetric, 'rtt' | 'loss' | 'jitter' | 'bitrate', (value: number, language: Language) => string]> = [
  ['rttMs', 'rtt', milliseconds],
  ['lossFraction', 'loss', (value, language) => formatNumber(value, language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })],
  ['jitterMs', 'jitter', milliseconds],
  ['bitrateBps', 'bitrate', (value, language) => formatNumber(value / 1000, language, { style: 'unit', unit: 'kilobit-per-second', maximumFractionDigits: 0 })],
];

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The button that opens the panel: placed in the page's header by the app, so it never sits over a control. */
export function DiagnosticsToggle({ view }: { readonly view: DiagnosticsView }) {
  const open = useStore(view, (state) => state.open);
  const { t } = useTranslation();
  return <IconButton label={t('diagnostics.title')} shortcut="Ctrl+Shift+D" icon={Stethoscope} aria-pressed={open} className="diagnostics-toggle" onClick={() => toggleDiagnostics(view)} />;
}

/**
 * Live graphs of the call's telemetry, its recent events, and the export for bug reports. Ctrl+Shift+D toggles it.
 * Closed, it renders nothing: the open panel alone subscribes to the events, so a closed panel costs nothing per sample.
 */
export function DiagnosticsPanel(props: DiagnosticsPanelProps) {
  const open = useStore(props.view, (state) => state.open);
  const { view } = props;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'd') {
        event.preventDefault();
        toggleDiagnostics(view);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view]);

  return open ? <OpenDiagnostics {...props} onClose={() => view.setState({ open: false })} /> : null;
}

function OpenDiagnostics({ telemetry, calls, config, host, onClose }: DiagnosticsPanelProps & { readonly onClose: () => void }) {
  const events = useStore(telemetry, (state) => state.events);
  const room = useStore(calls, (state) => state.room);
  const streams = useMemo(() => samplesByStream(events, GRAPH_SAMPLES), [events]);
  const summary = useMemo(() => callSummary(events), [events]);
  const { t, i18n } = useTranslation();
  const language = shownLanguage(i18n);

  const exportBundle = () => {
    const now = new Date();
    const bundle = buildDiagnosticsBundle({ host, userAgent: navigator.userAgent, room, config, events: telemetry.getState().events, now });
    download(diagnosticsFileName(now), JSON.stringify(bundle, null, 2));
  };

  return (
    <aside className="diagnostics" aria-label={t('diagnostics.title')} data-testid="diagnostics-panel">
      <header>
        <h2>{t('diagnostics.title')}</h2>
        <button type="button" onClick={exportBundle} data-testid="diagnostics-export">
          {t('diagnostics.export')}
        </button>
        <IconButton label={t('diagnostics.close')} icon={X} className="diagnostics-close" onClick={onClose} />
      </header>
      <dl className="diagnostics-summary">
        <dt>{t('diagnostics.joinTime')}</dt>
        <dd data-testid="diagnostics-join-time">{summary.joinMs === null ? '–' : milliseconds(summary.joinMs, language)}</dd>
        <dt>{t('diagnostics.path')}</dt>
        <dd>{summary.candidateType ?? '–'}</dd>
        <dt>{t('diagnostics.reconnects')}</dt>
        <dd>{formatNumber(summary.reconnects, language)}</dd>
        <dt>{t('diagnostics.layerSwitches')}</dt>
        <dd>{formatNumber(summary.layerSwitches, language)}</dd>
      </dl>
      {[...streams].map(([stream, samples]) => (
        <section key={stream} className="diagnostics-stream" data-testid="diagnostics-stream" data-stream={stream}>
          <h3>{stream === 'self' ? t('diagnostics.uplink') : t('diagnostics.stream', { stream })}</h3>
          {METRICS.map(([metric, key, format]) => {
            const latest = samples.at(-1)?.[metric];
            const label = t(`diagnostics.metrics.${key}`);
            return (
              <div key={metric} className="diagnostics-metric">
                <span>{label}</span>
                <svg width={GRAPH_WIDTH} height={GRAPH_HEIGHT} role="img" aria-label={t('diagnostics.overTime', { metric: label })}>
                  <polyline points={sparklinePoints(samples, metric, GRAPH_WIDTH, GRAPH_HEIGHT)} />
                </svg>
                <span>{latest === undefined ? '–' : format(latest, language)}</span>
              </div>
            );
          })}
        </section>
      ))}
      <ol className="diagnostics-events" data-testid="diagnostics-events">
        {events
          .filter((event) => event.type !== 'quality-sample')
          .slice(-20)
          .reverse()
          .map((event, index) => (
            <li key={`${event.at}-${index}`} data-type={event.type}>
              {formatDateTime(new Date(event.at), language, { timeStyle: 'medium' })} {event.type}
              {'durationMs' in event && event.durationMs !== undefined ? ` ${milliseconds(event.durationMs, language)}` : ''}
              {'candidateType' in event && event.candidateType ? ` (${event.candidateType})` : ''}
            </li>
          ))}
      </ol>
    </aside>
  );
}
