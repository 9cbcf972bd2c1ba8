/** What push-to-talk asks of the microphone. */
export type PushToTalkAction = 'unmute' | 'mute' | null;

/**
 * Push-to-talk while the call's window has focus: holding the key while
 * muted unmutes, releasing it (or the window losing focus) mutes again. A
 * key typed into a field is text, never push-to-talk; holding it while
 * already unmuted changes nothing, and releasing it then leaves us unmuted.
 */
export class PushToTalk {
  private held = false;

  constructor(private readonly code: () => string | null) {}

  down(event: { readonly code: string; readonly repeat: boolean; readonly typing: boolean; readonly muted: boolean }): PushToTalkAction {
    if (event.code !== this.code() || event.repeat || event.typing || this.held || !event.muted) return null;
    this.held = true;
    return 'unmute';
  }

  up(code: string): PushToTalkAction {
    if (!this.held || code !== this.code()) return null;
    this.held = false;
    return 'mute';
  }

  blur(): PushToTalkAction {
    if (!this.held) return null;
    this.held = false;
    return 'mute';
  }

  /** The key is held down and has unmuted us. */
  get active(): boolean {
    return this.held;
  }
}
