import { z } from 'zod';

/** Electron accelerator syntax, loosely: modifiers and one key joined by "+". */
const AcceleratorSchema = z
  .string()
  .max(64)
  .regex(/^([A-Za-z0-9]+\+)*[A-Za-z0-9=,\-.;/`[\]\\']+$/, 'an Electron accelerator such as CommandOrControl+Shift+M');

const BoundsSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100),
  height: z.number().int().min(100),
});

export const WindowStateSchema = z.strictObject({
  bounds: BoundsSchema,
  /** The display the window was on, so it reopens there when that display is still attached. */
  displayId: z.number().int().nullable(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/**
 * The user's preferences, in `settings.json` in the user-data folder. Every
 * key has a default, so an older file upgrades by filling what is missing.
 * (Servers live in `config.json`, which administrators manage.)
 */
export const PreferencesSchema = z.object({
  shortcuts: z
    .object({
      /** Toggles the microphone from anywhere. */
      toggleMute: AcceleratorSchema.nullable().default('CommandOrControl+Shift+M'),
      /**
       * Earlier versions' own push to talk, which the main process ran: only
       * read, to carry it over to the call window's (`call.pushToTalk`).
       */
      pushToTalk: z.object({ enabled: z.boolean(), key: z.string().max(32) }).optional(),
      /** The call window's single-key shortcuts (M, V, S, L, H, I); false turns them off. */
      singleKeys: z.boolean().default(true),
    })
    .prefault({}),
  miniWindow: z
    .object({
      /** Shows a small always-on-top call window while the main window is hidden or minimised during a call. */
      enabled: z.boolean().default(true),
      bounds: BoundsSchema.nullable().default(null),
    })
    .prefault({}),
  presence: z
    .object({
      idleMinutes: z.number().int().min(1).max(240).default(5),
      status: z.enum(['available', 'do-not-disturb']).default('available'),
    })
    .prefault({}),
  window: WindowStateSchema.nullable().default(null),
  closeToTrayNoticeShown: z.boolean().default(false),
  /** The call window's settings screen; checked part by part when read (`call-preference-store.ts`), so a bad part resets alone. */
  call: z.unknown().optional(),
  updates: z
    .object({
      /** Checks the update feed at start and every few hours when the app was installed from a package. */
      automatic: z.boolean().default(true),
    })
    .prefault({}),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
