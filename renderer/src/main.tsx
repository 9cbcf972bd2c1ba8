import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { parseLaunchParams } from './app/launch-params.js';
import { createMeeting } from './app/meeting.js';
import { detectHost } from './host/host-bridge.js';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

async function start(): Promise<void> {
  const host = detectHost(window);
  try {
    const config = await host.getRuntimeConfig();
    const meeting = createMeeting(config);
    root.render(
      <StrictMode>
        <App meeting={meeting} launch={parseLaunchParams(window.location.search)} />
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
