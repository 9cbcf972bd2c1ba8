import type { ShellBridge } from '../../../shared/bridge.js';
import { CaptureSourceSchema, type CaptureChoice, type CaptureSource } from '../../../shared/desktop/capture.js';

type PickerBridge = Pick<ShellBridge, 'onCaptureRequested' | 'onCaptureEnded' | 'listCaptureSources' | 'answerCapture'>;

/** Where the preview writes the picker's answer, for whoever looks at it (the end-to-end test reads it). */
export const PREVIEW_ANSWER_ATTRIBUTE = 'data-picker-answer';

const SAMPLES: readonly { readonly id: string; readonly kind: CaptureSource['kind']; readonly name: string; readonly colour: string }[] = [
  { id: 'screen:1:0', kind: 'screen', name: 'Entire screen 1', colour: '#2f6fb5' },
  { id: 'screen:2:0', kind: 'screen', name: 'Entire screen 2', colour: '#6a4fb3' },
  { id: 'window:101:0', kind: 'window', name: 'Terminal', colour: '#1e2a2f' },
  { id: 'window:102:0', kind: 'window', name: 'Text editor — notes.md', colour: '#f4f1e8' },
  { id: 'window:103:0', kind: 'window', name: 'Browser — Confer documentation', colour: '#e9eef6' },
  { id: 'window:104:0', kind: 'window', name: 'Spreadsheet — budget.ods', colour: '#e3f1e4' },
];

/** A PNG like the thumbnails Electron sends: a backdrop with a window or two drawn on it. */
function drawPng(width: number, height: number, colour: string, panes: number): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  for (let pane = 0; pane < panes; pane += 1) {
    context.fillStyle = pane % 2 === 0 ? 'rgb(255 255 255 / 80%)' : 'rgb(20 20 20 / 55%)';
    context.fillRect(width * (0.08 + pane * 0.3), height * (0.12 + pane * 0.1), width * 0.5, height * 0.55);
  }
  return canvas.toDataURL('image/png');
}

/** The sample screens and windows, checked with the schema real sources cross IPC with. */
function sampleSources(): CaptureSource[] {
  return SAMPLES.map((sample, index) =>
    CaptureSourceSchema.parse({
      id: sample.id,
      kind: sample.kind,
      name: sample.name,
      thumbnail: drawPng(320, 180, sample.colour, sample.kind === 'screen' ? 2 : 1),
      appIcon: sample.kind === 'window' ? drawPng(16, 16, SAMPLES[(index + 1) % SAMPLES.length]?.colour ?? '#888', 0) : null,
      displayId: sample.kind === 'screen' ? String(index + 1) : '',
    }),
  );
}

/**
 * A stand-in for the desktop shell's capture channels, so the in-app
 * picker (which only Electron opens) can be looked at and audited in the
 * web build: one request, with computer sound on offer, answered into an
 * attribute of the page.
 */
export function createPreviewPickerBridge(): PickerBridge {
  const sources = sampleSources();
  return {
    onCaptureRequested(listener) {
      let open = true;
      queueMicrotask(() => open && listener({ requestId: 'capture-1', audioRequested: true, loopbackAudioSupported: true }));
      return () => {
        open = false;
      };
    },
    onCaptureEnded: () => () => undefined,
    listCaptureSources: async () => sources,
    async answerCapture(_requestId: string, choice: CaptureChoice | null) {
      document.documentElement.setAttribute(PREVIEW_ANSWER_ATTRIBUTE, JSON.stringify(choice));
    },
  };
}
