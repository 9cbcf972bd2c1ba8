import { feedMediaState, screenOwnerOf } from './feed-labels.js';
import type { PublisherStream, VideoRoomEvent } from './janus/videoroom-messages.js';

export interface Participant {
  readonly id: string;
  readonly displayName: string;
  /** Publishing media, as opposed to only being in the room. */
  readonly publishing: boolean;
  readonly talking: boolean;
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
  readonly audioMid: string | null;
  /** For a screen-share feed, the participant sharing; null for a person. */
  readonly screenOf: string | null;
}

/** Everyone else in the room, by feed id. The local participant is never in here. */
export type Roster = Readonly<Record<string, Participant>>;

/** Our own feeds: the camera's, and the screen share's while we share (announced before it joins). */
export interface OwnFeeds {
  readonly camera: string;
  readonly screen?: string | null | undefined;
}

function upsert(roster: Roster, id: string, change: Partial<Participant>, own: OwnFeeds): Roster {
  // Our own feeds, camera and screen, are shown from local media.
  if (id === own.camera || id === own.screen || (change.screenOf !== undefined && change.screenOf === own.camera)) return roster;
  const current = roster[id] ?? {
    id,
    displayName: change.displayName ?? `Guest ${id.slice(-4)}`,
    publishing: false,
    talking: false,
    audioMuted: true,
    videoMuted: true,
    audioMid: null,
    screenOf: null,
  };
  return { ...roster, [id]: { ...current, ...change, id } };
}

function remove(roster: Roster, id: string): Roster {
  if (!(id in roster)) return roster;
  const { [id]: _removed, ...rest } = roster;
  return rest;
}

function publishingState(streams: readonly PublisherStream[]): Partial<Participant> {
  const { audioMuted, videoMuted, audioMid } = feedMediaState(streams);
  return { publishing: true, audioMuted, videoMuted, audioMid, screenOf: screenOwnerOf(streams) };
}

function withDisplay(display: string | undefined): Partial<Participant> {
  return display === undefined ? {} : { displayName: display };
}

/**
 * Folds one VideoRoom event into the roster. Janus is the source of truth:
 * `joined` and `joining` announce attendees, `publishers` announce media,
 * `unpublished` ends media, `leaving` and `kicked` end presence.
 */
export function applyVideoRoomEvent(roster: Roster, event: VideoRoomEvent, own: OwnFeeds): Roster {
  switch (event.videoroom) {
    case 'joined': {
      let next: Roster = {};
      for (const attendee of event.attendees) next = upsert(next, attendee.id, withDisplay(attendee.display), own);
      for (const publisher of event.publishers) {
        next = upsert(next, publisher.id, { ...withDisplay(publisher.display), ...publishingState(publisher.streams), talking: publisher.talking ?? false }, own);
      }
      return next;
    }
    case 'event': {
      let next = roster;
      if (event.joining) next = upsert(next, event.joining.id, withDisplay(event.joining.display), own);
      for (const publisher of event.publishers ?? []) {
        next = upsert(next, publisher.id, { ...withDisplay(publisher.display), ...publishingState(publisher.streams) }, own);
      }
      if (event.unpublished !== undefined && event.unpublished !== 'ok' && next[event.unpublished]) {
        next = upsert(next, event.unpublished, { publishing: false, talking: false, audioMuted: true, videoMuted: true }, own);
      }
      if (event.leaving !== undefined && event.leaving !== 'ok') next = remove(next, event.leaving);
      if (event.kicked !== undefined) next = remove(next, event.kicked);
      return next;
    }
    case 'talking':
    case 'stopped-talking':
      return roster[event.id] ? upsert(roster, event.id, { talking: event.videoroom === 'talking' }, own) : roster;
    default:
      return roster;
  }
}

/** The screen-share feeds among the others: they keep flowing when camera video pauses. */
export function screenFeedsOf(roster: Roster): ReadonlySet<string> {
  return new Set(Object.values(roster).flatMap((participant) => (participant.screenOf === null ? [] : [participant.id])));
}

/** The feeds the subscription wants: everyone who publishes. */
export function publishingFeeds(roster: Roster): string[] {
  return Object.values(roster).flatMap((participant) => (participant.publishing ? [participant.id] : []));
}

/**
 * A feed whose sound may make it the active speaker: a person's, never a
 * screen share's (a video playing on a shared screen would otherwise hold
 * the floor).
 */
export function canSpeak(roster: Roster, feedId: string): boolean {
  return (roster[feedId]?.screenOf ?? null) === null;
}

/** One entry of the VideoRoom `listparticipants` answer. */
export interface ListedParticipant {
  readonly id: string;
  readonly display?: string | undefined;
  readonly publisher: boolean;
}

/**
 * Brings the roster back in line with Janus after events may have been
 * missed (a claimed session hears nothing while its socket was down):
 * departed people go, newcomers come in, known entries keep their state.
 */
export function reconcileRoster(roster: Roster, listed: readonly ListedParticipant[], own: OwnFeeds): Roster {
  let next: Roster = {};
  for (const entry of listed) {
    const known = roster[entry.id];
    next = known
      ? upsert(next, entry.id, { ...known, ...withDisplay(entry.display), publishing: entry.publisher }, own)
      : upsert(next, entry.id, { ...withDisplay(entry.display), publishing: entry.publisher, audioMuted: false, videoMuted: false }, own);
  }
  return next;
}
