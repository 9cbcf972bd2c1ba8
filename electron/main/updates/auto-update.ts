import type { AppUpdater } from 'electron-updater';

/** Overrides the feed baked in at build time (for a staging feed, or a self-hosted mirror). */
export const UPDATE_FEED_ENV = 'CONFER_UPDATE_URL';
/** Often enough to pick up a fix the same day, rarely enough to be invisible on the feed server. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type UpdatePlan =
  | { readonly kind: 'disabled'; readonly reason: string }
  | { readonly kind: 'enabled'; readonly feedOverride: string | null };

/**
 * Whether and where to look for updates. Only a packaged app updates
 * itself (a development checkout updates through git), only over https,
 * and only when a feed exists: baked in by electron-builder's `publish`
 * (app-update.yml) or named by CONFER_UPDATE_URL.
 */
export function planUpdates(options: {
  readonly isPackaged: boolean;
  readonly automatic: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly hasBakedFeed: boolean;
}): UpdatePlan {
  if (!options.isPackaged) return { kind: 'disabled', reason: 'not a packaged build' };
  if (!options.automatic) return { kind: 'disabled', reason: 'turned off in settings (updates.automatic)' };
  const override = options.env[UPDATE_FEED_ENV]?.trim();
  if (override) {
    let url: URL;
    try {
      url = new URL(override);
    } catch {
      return { kind: 'disabled', reason: `${UPDATE_FEED_ENV} is not a URL` };
    }
    if (url.protocol !== 'https:') return { kind: 'disabled', reason: `${UPDATE_FEED_ENV} must be an https:// URL` };
    return { kind: 'enabled', feedOverride: url.toString() };
  }
  if (!options.hasBakedFeed) return { kind: 'disabled', reason: 'this build has no update feed' };
  return { kind: 'enabled', feedOverride: null };
}

/**
 * Starts checking a generic feed: downloads in the background, installs on
 * quit, and lets electron-updater show the "update ready" notification.
 * Returns a function that stops the periodic checks.
 */
export function startUpdates(
  updater: Pick<AppUpdater, 'setFeedURL' | 'checkForUpdatesAndNotify' | 'autoDownload' | 'autoInstallOnAppQuit'>,
  plan: Extract<UpdatePlan, { kind: 'enabled' }>,
  log: (message: string) => void,
): () => void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  if (plan.feedOverride) updater.setFeedURL({ provider: 'generic', url: plan.feedOverride });
  const check = () => {
    updater.checkForUpdatesAndNotify().catch((error: unknown) => log(`update check failed: ${String(error)}`));
  };
  check();
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
