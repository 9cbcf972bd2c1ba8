import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatNumber, shownLanguage } from '../../i18n/i18n.js';
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

/** A measurement in the language shown, or a dash while there is none. */
function useMeasure() {
  const { i18n } = useTranslation();
  const language = shownLanguage(i18n);
  return (value: number | undefined, digits = 0, unit = '') => (value === undefined ? '–' : `${formatNumber(value, language, { minimumFractionDigits: digits, maximumFractionDigits: digits })}${unit}`);
}

function StreamStats({ name, stats }: { readonly name: string; readonly stats: FeedStats }) {
  const { t } = useTranslation();
  const measure = useMeasure();
  const layer = stats.layer === null ? undefined : LAYER_NAMES[stats.layer];
  return (
    <div className="stream-stats" data-testid="stream-stats" data-name={name}>
      <h3>
        {name} <span className={`quality-text quality-${stats.quality}`}>{t(`stats.quality.${stats.quality}`)}</span>
      </h3>
      <dl>
        <dt>{t('stats.path')}</dt>
        <dd data-testid="candidate-type">{stats.candidateType ?? '–'}</dd>
        <dt>{t('stats.rtt')}</dt>
        <dd>{measure(stats.rttMs, 0, ' ms')}</dd>
        <dt>{t('stats.loss')}</dt>
        <dd>{measure(stats.lossFraction === undefined ? undefined : stats.lossFraction * 100, 1, ' %')}</dd>
        <dt>{t('stats.jitter')}</dt>
        <dd>{measure(stats.jitterMs, 0, ' ms')}</dd>
        <dt>{t('stats.bitrate')}</dt>
        <dd>{measure(stats.bitrateBps === undefined ? undefined : stats.bitrateBps / 1000, 0, ' kbit/s')}</dd>
        <dt>{t('stats.available')}</dt>
        <dd>{measure(stats.availableBitrateBps === undefined ? undefined : stats.availableBitrateBps / 1000, 0, ' kbit/s')}</dd>
        <dt>{t('stats.video')}</dt>
        <dd>{stats.frameWidth ? t('stats.videoValue', { width: stats.frameWidth, height: stats.frameHeight ?? 0, fps: measure(stats.framesPerSecond) }) : '–'}</dd>
        <dt>{t('stats.layer')}</dt>
        <dd data-testid="layer">{layer === undefined ? '–' : t(`stats.layers.${layer}`)}</dd>
      </dl>
      <Sparkline values={stats.bitrateHistory} label={t('stats.bitrateGraph', { name })} />
      <Sparkline values={stats.rttHistory} label={t('stats.rttGraph', { name })} />
    </div>
  );
}

export function StatsPanel({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
  const stats = useStore(store, (state) => state.stats);
  const roster = useStore(store, (state) => state.roster);
  const restarts = useStore(store, (state) => state.iceRestarts);
  return (
    <aside className="stats-panel" aria-label={t('stats.region')} data-testid="stats-panel">
      <header>
        <h2>{t('stats.title')}</h2>
        <button type="button" onClick={() => void engine.restartIce()} title={t('stats.reconnectTitle')}>
          {t('stats.reconnect')}
        </button>
        <span data-testid="ice-restarts" data-count={restarts}>
          {t('stats.iceRestarts', { count: restarts })}
        </span>
      </header>
      {Object.entries(stats).map(([feedId, feedStats]) => {
        const participant = roster[feedId];
        const name = feedId === SELF_STATS ? t('stats.you') : participant ? (participant.screenOf ? t('stats.screenOf', { name: participant.displayName }) : participant.displayName) : feedId;
        return <StreamStats key={feedId} name={name} stats={feedStats} />;
      })}
    </aside>
  );
}
