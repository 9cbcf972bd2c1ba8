/** How often the last frame of a share is copied aside: a share's end is only noticed after its video is gone. */
const CAPTURE_INTERVAL_MS = 500;

/** Sides of the thumbnail a frame is shrunk to before deciding whether it holds anything. */
const PROBE_SIZE = 8;

/**
 * True when the frame is one flat colour, as a stopped or not yet started
 * track draws it: such a frame must not replace a real one.
 */
function isFlat(canvas: HTMLCanvasElement, probe: CanvasRenderingContext2D): boolean {
  probe.drawImage(canvas, 0, 0, PROBE_SIZE, PROBE_SIZE);
  const data = probe.getImageData(0, 0, PROBE_SIZE, PROBE_SIZE).data;
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
  // Captures go into the spare canvas, which becomes the frame when it holds content: two canvases
  // for the whole share, rather than a new full-size one twice a second.
  let spare: HTMLCanvasElement | null = null;
  let probe: CanvasRenderingContext2D | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const capture = (): void => {
    // HAVE_CURRENT_DATA: a frame is decoded and drawable.
    if (!video || video.readyState < 2 || video.videoWidth === 0 || video.videoHeight === 0) return;
    const canvas = (spare ??= document.createElement('canvas'));
    // Setting a size clears the canvas, so only when it changes.
    if (canvas.width !== video.videoWidth) canvas.width = video.videoWidth;
    if (canvas.height !== video.videoHeight) canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    if (frame) {
      if (!probe) {
        const probeCanvas = document.createElement('canvas');
        probeCanvas.width = PROBE_SIZE;
        probeCanvas.height = PROBE_SIZE;
        probe = probeCanvas.getContext('2d', { willReadFrequently: true });
      }
      // The share's end can leave a black frame in the element: keep the last one with content.
      if (probe && isFlat(canvas, probe)) return;
    }
    spare = frame;
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
    /** The latest frame, taken now if the video is still there. Read it at once: a later capture may reuse its canvas. */
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
