import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { SELF_STATS, type FeedStats } from '../quality/stats-monitor.js';

const LAYER_NAMES = ['low', 'medium', 'high'] as const;

/** A tiny line graph of recent values, scaled to its own maximum. */
function Sparkline({ values, label }: { readonly values: readonly number[]; readonly label: string }) {
  const width = 120;
  const height = 28;
  const max = Math.max(1, ...values);
  const points = values.map((value, index) => `${(index / Math.max(1, values.length - 1)) * width},${height - (value / max) * (height - 2) - 1}`).join(' ');
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

const fixed = (value: number | undefined, digits = 0, unit = '') => (value === undefined ? '–' : `${value.toFixed(digits)}${unit}`);

function StreamStats({ name, stats }: { readonly name: string; readonly stats: FeedStats }) {
  return (
    <div className="stream-stats" data-testid="stream-stats" data-name={name}>
      <h3>
        {name} <span className={`quality-text quality-${stats.quality}`}>{stats.quality}</span>
      </h3>
      <dl>
        <dt>Path</dt>
        <dd data-testid="candidate-type">{stats.candidateType ?? '–'}</dd>
        <dt>RTT</dt>
        <dd>{fixed(stats.rttMs, 0, ' ms')}</dd>
        <dt>Loss</dt>
        <dd>{fixed(stats.lossFraction === undefined ? undefined : stats.lossFraction * 100, 1, ' %')}</dd>
        <dt>Jitter</dt>
        <dd>{fixed(stats.jitterMs, 0, ' ms')}</dd>
        <dt>Bitrate</dt>
        <dd>{fixed(stats.bitrateBps === undefined ? undefined : stats.bitrateBps / 1000, 0, ' kbit/s')}</dd>
        <dt>Available</dt>
        <dd>{fixed(stats.availableBitrateBps === undefined ? undefined : stats.availableBitrateBps / 1000, 0, ' kbit/s')}</dd>
        <dt>Video</dt>
        <dd>
          {stats.frameWidth ? `${stats.frameWidth}×${stats.frameHeight ?? 0} @ ${fixed(stats.framesPerSecond)} fps` : '–'}
        </dd>
        <dt>Layer</dt>
        <dd data-testid="layer">{stats.layer === null ? '–' : LAYER_NAMES[stats.layer]}</dd>
      </dl>
      <Sparkline values={stats.bitrateHistory} label={`${name} bitrate`} />
      <Sparkline values={stats.rttHistory} label={`${name} round trip`} />
    </div>
  );
}

export function StatsPanel({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const stats = useStore(store, (state) => state.stats);
  const roster = useStore(store, (state) => state.roster);
  const restarts = useStore(store, (state) => state.iceRestarts);
  return (
    <aside className="stats-panel" aria-label="Connection statistics" data-testid="stats-panel">
      <header>
        <h2>Connection</h2>
        <button type="button" onClick={() => void engine.restartIce()} title="Restart ICE on every connection">
          Reconnect media
        </button>
        <span data-testid="ice-restarts" data-count={restarts}>
          ICE restarts: {restarts}
        </span>
      </header>
      {Object.entries(stats).map(([feedId, feedStats]) => {
        const participant = roster[feedId];
        const name = feedId === SELF_STATS ? 'You (sending)' : participant ? `${participant.displayName}${participant.screenOf ? ' (screen)' : ''}` : feedId;
        return <StreamStats key={feedId} name={name} stats={feedStats} />;
      })}
    </aside>
  );
}
