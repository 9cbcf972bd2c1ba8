import { Stethoscope, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { RuntimeConfig } from '../../../../shared/config/runtime-config.js';
import type { CallStore } from '../../call/call-store.js';
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
const METRICS: ReadonlyArray<readonly [SeriesMetric, string, (value: number) => string]> = [
  ['rttMs', 'RTT', (value) => `${value.toFixed(0)} ms`],
  ['lossFraction', 'Loss', (value) => `${(value * 100).toFixed(1)} %`],
  ['jitterMs', 'Jitter', (value) => `${value.toFixed(0)} ms`],
  ['bitrateBps', 'Bitrate', (value) => `${(value / 1000).toFixed(0)} kbit/s`],
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
  return <IconButton label="Diagnostics" shortcut="Ctrl+Shift+D" icon={Stethoscope} aria-pressed={open} className="diagnostics-toggle" onClick={() => toggleDiagnostics(view)} />;
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

  const exportBundle = () => {
    const now = new Date();
    const bundle = buildDiagnosticsBundle({ host, userAgent: navigator.userAgent, room, config, events: telemetry.getState().events, now });
    download(diagnosticsFileName(now), JSON.stringify(bundle, null, 2));
  };

  return (
    <aside className="diagnostics" aria-label="Diagnostics" data-testid="diagnostics-panel">
      <header>
        <h2>Diagnostics</h2>
        <button type="button" onClick={exportBundle} data-testid="diagnostics-export">
          Export
        </button>
        <IconButton label="Close diagnostics" icon={X} className="diagnostics-close" onClick={onClose} />
      </header>
      <dl className="diagnostics-summary">
        <dt>Join time</dt>
        <dd data-testid="diagnostics-join-time">{summary.joinMs === null ? '–' : `${summary.joinMs.toFixed(0)} ms`}</dd>
        <dt>Path</dt>
        <dd>{summary.candidateType ?? '–'}</dd>
        <dt>Reconnects</dt>
        <dd>{summary.reconnects}</dd>
        <dt>Layer switches</dt>
        <dd>{summary.layerSwitches}</dd>
      </dl>
      {[...streams].map(([stream, samples]) => (
        <section key={stream} className="diagnostics-stream" data-testid="diagnostics-stream" data-stream={stream}>
          <h3>{stream === 'self' ? 'Uplink' : `Stream ${stream}`}</h3>
          {METRICS.map(([metric, label, format]) => {
            const latest = samples.at(-1)?.[metric];
            return (
              <div key={metric} className="diagnostics-metric">
                <span>{label}</span>
                <svg width={GRAPH_WIDTH} height={GRAPH_HEIGHT} role="img" aria-label={`${label} over time`}>
                  <polyline points={sparklinePoints(samples, metric, GRAPH_WIDTH, GRAPH_HEIGHT)} />
                </svg>
                <span>{latest === undefined ? '–' : format(latest)}</span>
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
              {new Date(event.at).toLocaleTimeString()} {event.type}
              {'durationMs' in event && event.durationMs !== undefined ? ` ${event.durationMs.toFixed(0)} ms` : ''}
              {'candidateType' in event && event.candidateType ? ` (${event.candidateType})` : ''}
            </li>
          ))}
      </ol>
    </aside>
  );
}
