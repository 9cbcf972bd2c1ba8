// Splits a stroke's latency from one page to another into its stages:
// pointer-up to the sender's data-channel send, send to the receiver's
// message event, and message event to the stroke counted on the board.
// Both pages run on one machine, so their wall clocks agree. The sends are
// the data-channel counter's (countDataChannelSends must run on the sender).
import type { BrowserContext, Page } from 'playwright-core';
import { readDocumentSendTimes } from '../../e2e/harness/data-channel-sends.js';
import { median } from './bench-result.js';

/** Smaller messages on the call's channel are cursors and control, not strokes. */
const STROKE_MESSAGE_MIN_BYTES = 200;

interface StageTimes {
  readonly receives: number[];
}

/** Runs in the page before any app code: notes when stroke-sized messages arrive from the call. */
function installStageClock(minBytes: number): void {
  const times: StageTimes = { receives: [] };
  (window as unknown as { __stages: StageTimes }).__stages = times;
  const now = (): number => performance.timeOrigin + performance.now();
  const size = (data: unknown): number => (data instanceof ArrayBuffer ? data.byteLength : ArrayBuffer.isView(data) ? data.byteLength : 0);
  // A subscriber's channel carries Janus's label, not the publisher's: anything but the direct catch-up channel.
  const fromCall = (channel: RTCDataChannel): boolean => channel.label !== 'confer-catch-up';
  const addEventListener = RTCDataChannel.prototype.addEventListener;
  RTCDataChannel.prototype.addEventListener = function (this: RTCDataChannel, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    if (type === 'message' && fromCall(this)) {
      addEventListener.call(this, 'message', (event) => {
        if (size((event as MessageEvent).data) >= minBytes) times.receives.push(now());
      });
    }
    return addEventListener.call(this, type, listener, options);
  } as typeof RTCDataChannel.prototype.addEventListener;
}

export async function clockStages(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await context.addInitScript(installStageClock, STROKE_MESSAGE_MIN_BYTES);
}

async function readStages(page: Page): Promise<StageTimes> {
  return page.evaluate(() => (window as unknown as { __stages: StageTimes }).__stages);
}

export async function resetStages(pages: readonly Page[]): Promise<void> {
  await Promise.all(
    pages.map((page) =>
      page.evaluate(() => {
        const times = (window as unknown as { __stages: StageTimes }).__stages;
        times.receives.length = 0;
      }),
    ),
  );
}

export interface LatencyStages {
  readonly upToSend: number;
  readonly sendToReceive: number;
  readonly receiveToCounted: number;
}

/** The first time in `times` at or after `from`. */
function firstFrom(times: readonly number[], from: number): number {
  return times.find((time) => time >= from) ?? Number.NaN;
}

/** Medians of each stage, strokes matched by order: each stage's first event after the previous one. */
export async function latencyStages(sender: Page, receiver: Page, ups: readonly number[], arrivals: readonly number[]): Promise<LatencyStages> {
  const [sends, received] = await Promise.all([readDocumentSendTimes(sender), readStages(receiver)]);
  const upToSend: number[] = [];
  const sendToReceive: number[] = [];
  const receiveToCounted: number[] = [];
  ups.forEach((up, index) => {
    const sendAt = firstFrom(sends, up);
    const receiveAt = firstFrom(received.receives, sendAt);
    const countedAt = arrivals[index] ?? Number.NaN;
    upToSend.push(sendAt - up);
    sendToReceive.push(receiveAt - sendAt);
    receiveToCounted.push(countedAt - receiveAt);
  });
  const finite = (values: number[]): number[] => values.filter(Number.isFinite);
  return { upToSend: median(finite(upToSend)), sendToReceive: median(finite(sendToReceive)), receiveToCounted: median(finite(receiveToCounted)) };
}
