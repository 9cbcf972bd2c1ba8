/**
 * Platform facts about screen capture, computed from the environment so
 * that they test without Electron.
 */
type Environment = Readonly<Record<string, string | undefined>>;

/** A Wayland session hides other windows from X11-style capture: only PipeWire and the portal's picker work there. */
export function isWaylandSession(env: Environment, platform: NodeJS.Platform): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY));
}

/** Chromium features to enable before `ready` for screen capture on this platform. */
export function captureFeatures(env: Environment, platform: NodeJS.Platform): readonly string[] {
  return isWaylandSession(env, platform) ? ['WebRTCPipeWireCapturer'] : [];
}

/** Electron captures system audio ("loopback") only on Windows. */
export function supportsLoopbackAudio(platform: NodeJS.Platform): boolean {
  return platform === 'win32';
}
