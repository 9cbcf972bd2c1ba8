import type { PublisherStream } from './janus/videoroom-messages.js';

/**
 * Janus relays each publisher's stream descriptions to everyone in the room
 * and re-announces them when a `configure` changes them, so they carry the
 * mute state: other participants learn it without a side channel.
 */
export const StreamDescription = {
  microphone: 'mic',
  microphoneMuted: 'mic-muted',
  camera: 'camera',
  cameraOff: 'camera-off',
  screen: 'screen',
  /** The computer's sound shared with a screen. */
  screenSound: 'screen-sound',
} as const;

/**
 * A screen share publishes as a second feed with an id of its own (a
 * number when the room takes numbers), so its owner is named in the
 * description of its video stream, which Janus relays with it.
 */
const SCREEN_PREFIX = `${StreamDescription.screen}:`;

export function screenDescription(ownerId: string): string {
  return `${SCREEN_PREFIX}${ownerId}`;
}

/** A screen feed's descriptions: its video names the owner, its sound (when shared) says what it is. */
export function screenDescriptions(audioMid: string | null, videoMid: string | null, ownerId: string) {
  const descriptions: Array<{ mid: string; description: string }> = [];
  if (audioMid) descriptions.push({ mid: audioMid, description: StreamDescription.screenSound });
  if (videoMid) descriptions.push({ mid: videoMid, description: screenDescription(ownerId) });
  return descriptions;
}

/** The owner a publisher's streams name, for a screen-share feed; null for a camera feed. */
export function screenOwnerOf(streams: readonly PublisherStream[]): string | null {
  const video = streams.find((stream) => stream.type === 'video' && stream.description?.startsWith(SCREEN_PREFIX));
  const owner = video?.description?.slice(SCREEN_PREFIX.length);
  return owner ? owner : null;
}

export interface FeedMediaState {
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
  /** The publisher's audio mid, which moderation addresses. */
  readonly audioMid: string | null;
}

/** Reads mute state from a publisher's stream list: a missing or disabled stream counts as muted. */
export function feedMediaState(streams: readonly PublisherStream[]): FeedMediaState {
  const audio = streams.find((stream) => stream.type === 'audio' && !stream.disabled);
  const video = streams.find((stream) => stream.type === 'video' && !stream.disabled);
  return {
    audioMuted: !audio || audio.moderated === true || audio.description === StreamDescription.microphoneMuted,
    videoMuted: !video || video.description === StreamDescription.cameraOff,
    audioMid: audio?.mid ?? null,
  };
}

export function cameraDescriptions(audioMid: string | null, videoMid: string | null, audioMuted: boolean, videoMuted: boolean) {
  const descriptions: Array<{ mid: string; description: string }> = [];
  if (audioMid) descriptions.push({ mid: audioMid, description: audioMuted ? StreamDescription.microphoneMuted : StreamDescription.microphone });
  if (videoMid) descriptions.push({ mid: videoMid, description: videoMuted ? StreamDescription.cameraOff : StreamDescription.camera });
  return descriptions;
}
