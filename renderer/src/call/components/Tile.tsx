import { Hand, MicOff, Volume2 } from 'lucide-react';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import type { ReactionEntry } from '../chat/room-messages.js';
import type { TileRole } from '../media/simulcast.js';
import { SELF_STATS } from '../quality/stats-monitor.js';
import { AudioTrack, VideoTrack } from './MediaElements.js';
import { REACTION_LOOK } from './reaction-icons.js';


/** What the app lays over a screen share's video, by the share's feed id: the call view knows nothing of what it is. */
export type ShareOverlay = (feedId: string) => ReactNode;

const NO_REACTIONS: readonly ReactionEntry[] = [];

/** A tile's shape before its video says otherwise: what cameras send. */
const DEFAULT_ASPECT = 16 / 9;

/** The tile takes its video's shape (`--aspect`), so the picture fills it with no bars. */
function useTileShape(): [CSSProperties, (aspect: number) => void] {
  const [aspect, setAspect] = useState(DEFAULT_ASPECT);
  return [{ '--aspect': aspect.toFixed(4) } as CSSProperties, setAspect];
}

function MutedBadge({ testId }: { readonly testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="tile-muted" data-testid={testId} role="img" aria-label={t('tile.microphoneOff')} title={t('tile.microphoneOff')}>
      <MicOff aria-hidden="true" size={16} />
    </span>
  );
}

/** A screen share that carries the computer's sound says so on its label. */
function ScreenSoundBadge() {
  const { t } = useTranslation();
  return (
    <span className="tile-screen-sound" data-testid="screen-sound" role="img" aria-label={t('tile.screenSound')} title={t('tile.screenSound')}>
      <Volume2 aria-hidden="true" size={16} />
    </span>
  );
}

/** A raised hand and the reactions currently floating over one participant's tile. */
function TileBadges({ store, feedId }: { readonly store: CallStore; readonly feedId: string | null }) {
  const { t } = useTranslation();
  const hand = useStore(store, (state) => (feedId ? Boolean(state.roomChat.raisedHands[feedId]) : false));
  const reactions = useStore(store, (state) => state.roomChat.reactions);
  const mine = feedId ? reactions.filter((entry) => entry.from === feedId) : NO_REACTIONS;
  return (
    <>
      {hand && (
        <span className="tile-hand" data-testid="hand-raised" role="img" aria-label={t('tile.handRaised')} title={t('tile.handRaised')}>
          <Hand aria-hidden="true" size={20} />
        </span>
      )}
      <span className="tile-reactions">
        {mine.map((entry) => {
          const look = REACTION_LOOK[entry.emoji];
          return (
            <span key={entry.id} className={`tile-reaction ${look.tone}`} data-testid="reaction" data-emoji={entry.emoji} role="img" aria-label={t(`reactions.${look.key}`)}>
              <look.icon aria-hidden="true" size={28} />
            </span>
          );
        })}
      </span>
    </>
  );
}

function QualityIndicator({ store, feedId }: { readonly store: CallStore; readonly feedId: string }) {
  const { t } = useTranslation();
  const quality = useStore(store, (state) => state.stats[feedId]?.quality ?? 'unknown');
  return (
    <span className={`quality quality-${quality}`} role="img" data-testid="quality" data-quality={quality} title={t(`tile.quality.${quality}`)} aria-label={t(`tile.quality.${quality}`)}>
      <i />
      <i />
      <i />
    </span>
  );
}

/**
 * Reports the tile's rendered height and whether it is on screen (in the viewport, in a window that is not
 * hidden or minimised) to the engine, which picks the simulcast layer from them, or pauses a tile nobody sees.
 */
function useLayerReport(engine: CallEngine, feedId: string, role: TileRole) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let inViewport = true;
    const report = () =>
      engine.layers.report(feedId, { role, height: Math.round(element.clientHeight * window.devicePixelRatio), visible: inViewport && document.visibilityState === 'visible' });
    const resized = new ResizeObserver(report);
    resized.observe(element);
    const shown = new IntersectionObserver((entries) => {
      inViewport = entries[entries.length - 1]?.isIntersecting ?? inViewport;
      report();
    });
    shown.observe(element);
    document.addEventListener('visibilitychange', report);
    report();
    return () => {
      resized.disconnect();
      shown.disconnect();
      document.removeEventListener('visibilitychange', report);
      engine.layers.forget(feedId);
    };
  }, [engine, feedId, role]);
  return ref;
}

interface RemoteTileProps {
  readonly store: CallStore;
  readonly engine: CallEngine;
  readonly feedId: string;
  readonly role: TileRole;
  readonly shareOverlay: ShareOverlay;
}

export function RemoteTile({ store, engine, feedId, role, shareOverlay }: RemoteTileProps) {
  const { t } = useTranslation();
  const participant = useStore(store, (state) => state.roster[feedId]);
  const media = useStore(store, (state) => state.remoteMedia[feedId]);
  const speaking = useStore(store, (state) => state.activeSpeakerId === feedId);
  const moderator = useStore(store, (state) => state.moderator);
  const audioOnly = useStore(store, (state) => state.audioOnly);
  const framesDecoded = useStore(store, (state) => state.stats[feedId]?.framesDecoded ?? 0);
  const frameWidth = useStore(store, (state) => state.stats[feedId]?.frameWidth ?? 0);
  const speakerId = useStore(store, (state) => state.speakerId);
  const ref = useLayerReport(engine, feedId, role);
  const [shape, setAspect] = useTileShape();
  if (!participant) return null;
  const isScreen = participant.screenOf !== null;
  // A screen share keeps its video through the audio-only fallback: it is what the meeting is looking at.
  const showVideo = media?.video && (isScreen || (!participant.videoMuted && !audioOnly));
  return (
    <div
      ref={ref}
      className={`tile tile-${role}${speaking ? ' tile-speaking' : ''}`}
      style={shape}
      data-testid={isScreen ? 'screen-tile' : 'tile'}
      data-feed-id={feedId}
      data-name={participant.displayName}
      data-audio-muted={participant.audioMuted}
      data-video-muted={participant.videoMuted}
      data-speaking={speaking}
      data-frames-decoded={framesDecoded}
      data-frame-width={frameWidth}
    >
      {showVideo && media.video ? <VideoTrack track={media.video} testId={isScreen ? 'screen-video' : 'tile-video'} onFirstFrame={() => engine.reportFrameShown(feedId)} onAspect={setAspect} /> : <div className="tile-avatar">{participant.displayName.slice(0, 1).toUpperCase()}</div>}
      {media?.audio && <AudioTrack track={media.audio} sinkId={speakerId} />}
      {isScreen && shareOverlay(feedId)}
      <TileBadges store={store} feedId={feedId} />
      <div className="tile-label">
        <span className="tile-name">{isScreen ? t('tile.screenOf', { name: participant.displayName }) : participant.displayName}</span>
        {!isScreen && participant.audioMuted && <MutedBadge testId="muted-badge" />}
        {isScreen && !participant.audioMuted && <ScreenSoundBadge />}
        <QualityIndicator store={store} feedId={feedId} />
      </div>
      {moderator && !isScreen && (
        <div className="tile-moderation">
          <button type="button" className="secondary" onClick={() => void engine.muteParticipant(feedId)} disabled={participant.audioMuted} aria-label={t('tile.muteName', { name: participant.displayName })}>
            {t('tile.mute')}
          </button>
          <button type="button" className="danger" onClick={() => void engine.removeParticipant(feedId)} aria-label={t('tile.removeName', { name: participant.displayName })}>
            {t('tile.remove')}
          </button>
        </div>
      )}
    </div>
  );
}

export function SelfTile({ store, role }: { readonly store: CallStore; readonly role: TileRole }) {
  const { t } = useTranslation();
  const video = useStore(store, (state) => state.localVideo);
  const name = useStore(store, (state) => state.displayName);
  const audioMuted = useStore(store, (state) => state.audioMuted);
  const speaking = useStore(store, (state) => state.selfId !== null && state.activeSpeakerId === state.selfId);
  const selfId = useStore(store, (state) => state.selfId);
  const mirrored = useStore(store, (state) => state.mirrorPreview);
  const [shape, setAspect] = useTileShape();
  return (
    <div className={`tile tile-${role}${speaking ? ' tile-speaking' : ''}`} style={shape} data-testid="tile-self" data-speaking={speaking}>
      {video ? <VideoTrack track={video} mirrored={mirrored} testId="self-video" onAspect={setAspect} /> : <div className="tile-avatar">{name.slice(0, 1).toUpperCase()}</div>}
      <TileBadges store={store} feedId={selfId} />
      <div className="tile-label">
        <span className="tile-name">{t('call.you', { name })}</span>
        {audioMuted && <MutedBadge />}
        <QualityIndicator store={store} feedId={SELF_STATS} />
      </div>
    </div>
  );
}

export function LocalScreenTile({ store, shareOverlay, role }: { readonly store: CallStore; readonly shareOverlay: ShareOverlay; readonly role: TileRole }) {
  const { t } = useTranslation();
  const screen = useStore(store, (state) => state.localScreen);
  const selfScreenId = useStore(store, (state) => state.selfScreenId);
  const sound = useStore(store, (state) => state.localScreenAudio !== null);
  const [shape, setAspect] = useTileShape();
  if (!screen) return null;
  return (
    <div className={`tile tile-${role}`} style={shape} data-testid="local-screen-tile">
      <VideoTrack track={screen} testId="local-screen-video" onAspect={setAspect} />
      {selfScreenId && shareOverlay(selfScreenId)}
      <div className="tile-label">
        <span className="tile-name">{t('tile.yourScreen')}</span>
        {sound && <ScreenSoundBadge />}
      </div>
    </div>
  );
}
