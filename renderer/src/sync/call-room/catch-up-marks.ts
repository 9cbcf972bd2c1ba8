/** The stages of one catch-up, on the side pulled from (encoded, channel-open, sent) and the side pulling (pull, received, applied). */
export type CatchUpStage = 'pull' | 'encoded' | 'channel-open' | 'sent' | 'received' | 'applied';

export const CATCH_UP_MARK_PREFIX = 'confer:catch-up:';

/** A User Timing mark per stage: seen in the browser's performance panel, and read by the board-sync benchmark. */
export function markCatchUp(stage: CatchUpStage, bytes?: number): void {
  performance.mark(`${CATCH_UP_MARK_PREFIX}${stage}`, bytes === undefined ? undefined : { detail: { bytes } });
}
