/** How often the last frame of a share is copied aside: a share's end is only noticed after its video is gone. */
const CAPTURE_INTERVAL_MS = 500;

/** Sides of the thumbnail a frame is shrunk to before deciding whether it holds anything. */
const PROBE_SIZE = 8;

/**
 * True when the frame is one flat colour, as a stopped or not yet started
 * track draws it: such a frame must not replace a real one.
 */
function isFlat(canvas: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = PROBE_SIZE;
  probe.height = PROBE_SIZE;
  const context = probe.getContext('2d', { willReadFrequently: true });
  if (!context) return false;
  context.drawImage(canvas, 0, 0, PROBE_SIZE, PROBE_SIZE);
  const data = context.getImageData(0, 0, PROBE_SIZE, PROBE_SIZE).data;
  for (let index = 4; index < data.length; index += 4) {
    if (data[index] !== data[0] || data[index + 1] !== data[1] || data[index + 2] !== data[2]) return false;
  }
  return true;
}

/**
 * Keeps a copy of the latest frame of a shared video, so that the frame is
 * still there to be saved after the share ended and its <video> left the page.
 */
export function createFrameKeeper() {
  let video: HTMLVideoElement | null = null;
  let frame: HTMLCanvasElement | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const capture = (): void => {
    // HAVE_CURRENT_DATA: a frame is decoded and drawable.
    if (!video || video.readyState < 2 || video.videoWidth === 0 || video.videoHeight === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    // The share's end can leave a black frame in the element: keep the last one with content.
    if (frame && isFlat(canvas)) return;
    frame = canvas;
  };

  return {
    attach(element: HTMLVideoElement): void {
      video = element;
      capture();
      timer ??= setInterval(capture, CAPTURE_INTERVAL_MS);
    },
    detach(element: HTMLVideoElement): void {
      if (video !== element) return;
      capture();
      video = null;
      if (timer) clearInterval(timer);
      timer = null;
    },
    /** The latest frame, taken now if the video is still there. */
    lastFrame(): HTMLCanvasElement | null {
      capture();
      return frame;
    },
    destroy(): void {
      if (timer) clearInterval(timer);
      timer = null;
      video = null;
    },
  };
}

export type FrameKeeper = ReturnType<typeof createFrameKeeper>;
