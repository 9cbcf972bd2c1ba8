/**
 * Settings of rooms Confer creates on demand. Janus only applies them at
 * creation, so every client sends the same ones.
 */
export function roomCreationRequest(
  room: string | number,
  access: { pin?: string | undefined; secret?: string | undefined } = {},
  /** The name people typed: on a server with numeric ids, the room's number alone would not say it. */
  name = String(room),
  /** A room with a waiting room: Janus admits only these tokens (its creator's), and a moderator adds each person's. */
  allowed?: readonly string[],
): Record<string, unknown> {
  return {
    request: 'create',
    room,
    /** Whoever creates the room sets its pin (needed to join) and secret (needed to moderate). */
    ...(access.pin ? { pin: access.pin } : {}),
    ...(access.secret ? { secret: access.secret } : {}),
    description: name,
    permanent: false,
    /** Up to 16 senders; a meeting larger than that is a webinar, which is another product. */
    publishers: 16,
    /** Announce attendees who join without publishing, so the roster is complete. */
    notify_joining: true,
    /** Active speaker: Janus sends `talking` after 50 packets (1 s) averaging above -40 dBov. */
    audiolevel_event: true,
    audio_active_packets: 50,
    audio_level_average: 40,
    /** Ask publishers for a keyframe every 10 s so late subscribers and layer switches recover. */
    fir_freq: 10,
    /** Only the room's secret starts or stops recording (`enable_recording`); a publisher cannot record itself. */
    lock_record: true,
    ...(allowed ? { allowed } : {}),
  };
}
