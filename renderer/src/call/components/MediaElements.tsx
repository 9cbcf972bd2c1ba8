import { useEffect, useRef, type RefObject } from 'react';

/** A media element ref that plays `track`, switching source when the track object changes. */
function usePlayedTrack<Element extends HTMLMediaElement>(track: MediaStreamTrack) {
  const ref = useRef<Element>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.srcObject = new MediaStream([track]);
    void element.play().catch(() => undefined);
    return () => {
      element.srcObject = null;
    };
  }, [track]);
  return ref;
}

/**
 * Calls `onFirstFrame` once the element presents the track's first frame
 * (requestVideoFrameCallback): the moment a face is on screen, with no
 * polling. The latest callback is kept in a ref so a new one per render
 * does not ask again.
 */
function useFirstFrame(ref: RefObject<HTMLVideoElement | null>, track: MediaStreamTrack, onFirstFrame: (() => void) | undefined) {
  const report = useRef(onFirstFrame);
  useEffect(() => {
    report.current = onFirstFrame;
  }, [onFirstFrame]);
  const wanted = onFirstFrame !== undefined;
  useEffect(() => {
    const element = ref.current;
    if (!element || !wanted) return;
    const request = element.requestVideoFrameCallback(() => report.current?.());
    return () => element.cancelVideoFrameCallback(request);
  }, [ref, track, wanted]);
}

interface VideoTrackProps {
  readonly track: MediaStreamTrack;
  readonly mirrored?: boolean;
  readonly testId: string;
  /** Called once the first frame of `track` is on screen (remote tiles report it to the engine). */
  readonly onFirstFrame?: () => void;
  /** Called with width / height whenever the frame size is known or changes: tiles take the video's shape. */
  readonly onAspect?: (aspect: number) => void;
}

/** Reports the element's frame aspect on `loadedmetadata` and on every `resize` (a new layer, a rotated screen). */
function useAspect(ref: RefObject<HTMLVideoElement | null>, onAspect: ((aspect: number) => void) | undefined) {
  const report = useRef(onAspect);
  useEffect(() => {
    report.current = onAspect;
  }, [onAspect]);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.videoWidth > 0 && element.videoHeight > 0) report.current?.(element.videoWidth / element.videoHeight);
    };
    element.addEventListener('loadedmetadata', measure);
    element.addEventListener('resize', measure);
    measure();
    return () => {
      element.removeEventListener('loadedmetadata', measure);
      element.removeEventListener('resize', measure);
    };
  }, [ref]);
}

/** Plays one video track; a new track object (after a reconnect or device change) replaces the source. */
export function VideoTrack({ track, mirrored = false, testId, onFirstFrame, onAspect }: VideoTrackProps) {
  const ref = usePlayedTrack<HTMLVideoElement>(track);
  useFirstFrame(ref, track, onFirstFrame);
  useAspect(ref, onAspect);
  return <video ref={ref} className={mirrored ? 'tile-video mirrored' : 'tile-video'} data-testid={testId} autoPlay playsInline muted />;
}

/**
 * Plays one remote audio track through `sinkId` (the speaker chosen in the
 * settings; null is the system default); kept apart from the video so a
 * hidden tile still plays its sound.
 */
export function AudioTrack({ track, sinkId }: { readonly track: MediaStreamTrack; readonly sinkId: string | null }) {
  const ref = usePlayedTrack<HTMLAudioElement>(track);
  useEffect(() => {
    const element = ref.current;
    if (element && 'setSinkId' in element) void element.setSinkId(sinkId ?? '').catch(() => undefined);
  }, [ref, sinkId]);
  return <audio ref={ref} autoPlay data-testid="remote-audio" data-sink-id={sinkId ?? ''} />;
}

/** Live microphone level, 0 to 1, from an analyser on the track. */
export function MicLevelMeter({ track, label }: { readonly track: MediaStreamTrack | null; readonly label: string }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!track) return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    const draw = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      // RMS on a rough log scale: speech sits around the middle.
      const level = Math.min(1, Math.max(0, (20 * Math.log10(Math.sqrt(sum / samples.length) + 1e-6) + 60) / 60));
      if (bar.current) {
        bar.current.style.width = `${Math.round(level * 100)}%`;
        bar.current.parentElement?.setAttribute('aria-valuenow', String(Math.round(level * 100)));
      }
      frame = requestAnimationFrame(draw);
    };
    draw();
    return () => {
      cancelAnimationFrame(frame);
      source.disconnect();
      void context.close();
    };
  }, [track]);
  return (
    <div className="mic-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} data-testid="mic-meter">
      <div ref={bar} className="mic-meter-level" />
    </div>
  );
}
