import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AnnotationContext } from './annotations/annotation-context.js';
import { parseLaunchParams } from './app/launch-params.js';
import { createMeeting } from './app/meeting.js';
import { createCapturePicker } from './capture/capture-picker.js';
import { createPreviewPickerBridge } from './capture/picker-preview.js';
import { ScreenPicker } from './capture/ScreenPicker.js';
import { detectBridge } from './bridge/detect-bridge.js';
import { MiniCallView } from './mini/MiniCallView.js';
import { OverlayView } from './overlay/OverlayView.js';
import { connectCallPreferences } from './desktop-shell/call-preferences.js';
import { DEFAULT_CALL_PREFERENCES } from '../../shared/desktop/call-preferences.js';
import { withServerOverrides } from './call/settings/server-overrides.js';
import { ConfiguredServersContext } from './call/settings/settings-context.js';
import { I18nextProvider } from 'react-i18next';
import { followLanguage } from './i18n/follow-language.js';
import { createI18n, resolveLanguage } from './i18n/i18n.js';
import { connectDesktopShell, createLinkPrefillStore } from './desktop-shell/desktop-shell.js';
import { LinkPrefilledApp } from './desktop-shell/LinkPrefilledApp.js';
import { HeaderExtrasContext } from './app/header-extras.js';
import { startBoard } from './app/start-board.js';
import { DiagnosticsPanel, DiagnosticsToggle } from './telemetry/components/DiagnosticsPanel.js';
import { createDiagnosticsView } from './telemetry/diagnostics-view.js';
import { startCallTelemetry } from './telemetry/telemetry.js';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

async function start(): Promise<void> {
  const bridge = detectBridge(window);
  // The presenter overlay and the mini call window load this page too, with ?view=.
  const view = new URLSearchParams(window.location.search).get('view');
  if (bridge.kind === 'electron' && (view === 'overlay' || view === 'mini')) {
    document.documentElement.dataset.view = view;
    root.render(<StrictMode>{view === 'overlay' ? <OverlayView bridge={bridge} /> : <MiniCallView bridge={bridge} />}</StrictMode>);
    return;
  }
  // The desktop app's own screen picker, fed with sample sources, to look at and audit in the web build.
  if (bridge.kind === 'web' && view === 'picker-preview') {
    root.render(
      <StrictMode>
        <I18nextProvider i18n={createI18n(resolveLanguage(null, navigator.languages))}>
          <ScreenPicker picker={createCapturePicker(createPreviewPickerBridge())} />
        </I18nextProvider>
      </StrictMode>,
    );
    return;
  }
  try {
    const [configured, preferences] = await Promise.all([bridge.getRuntimeConfig(), bridge.getCallPreferences().catch(() => ({ preferences: DEFAULT_CALL_PREFERENCES, reset: [] }))]);
    // The user's own servers (settings screen) replace the configured ones from the start.
    const config = withServerOverrides(configured, preferences.preferences.servers);
    const meeting = createMeeting(config, bridge);
    const prefill = createLinkPrefillStore();
    const picker = createCapturePicker(bridge);
    const telemetry = startCallTelemetry(meeting.callStore, config, bridge.kind);
    // The web build has no overlay window: the web bridge hands the overlay's content back for the presenter's preview.
    const OverlayPreview = bridge.kind === 'web' ? ({ className }: { readonly className: string }) => <OverlayView bridge={bridge} className={className} /> : null;
    const diagnostics = createDiagnosticsView();
    connectDesktopShell({ bridge, calls: meeting.callStore, controls: meeting, prefill });
    connectCallPreferences(bridge, meeting.callStore, preferences);
    const launch = parseLaunchParams(window.location.search);
    // The board to show is opened before the first render: its disk read starts now, and the lobby is never drawn on the way to it.
    const board = startBoard(meeting, launch, window.location.search);
    if (board) await meeting.boards.open(board.boardId, board.name);
    const i18n = createI18n(resolveLanguage(preferences.preferences.language, navigator.languages));
    followLanguage(i18n, meeting.callStore, () => navigator.languages);
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <ConfiguredServersContext.Provider value={configured}>
            <AnnotationContext.Provider value={{ annotations: meeting.annotations, OverlayPreview }}>
              <HeaderExtrasContext.Provider value={<DiagnosticsToggle view={diagnostics} />}>
                <LinkPrefilledApp meeting={meeting} launch={launch} prefill={prefill} />
              </HeaderExtrasContext.Provider>
            </AnnotationContext.Provider>
            <ScreenPicker picker={picker} />
            <DiagnosticsPanel telemetry={telemetry.store} calls={meeting.callStore} config={config} host={bridge.kind} view={diagnostics} />
          </ConfiguredServersContext.Provider>
        </I18nextProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <main className="fatal" role="alert">
        <h1>Confer cannot start</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    );
  }
}

void start();
