/** How long the test sound plays, in seconds: long enough to hear, short enough not to annoy. */
const TEST_SOUND_SECONDS = 0.8;

/**
 * Plays two short tones through `element`, sent to `sinkId` (null: the
 * system default), so the sound comes out where the call's sound will.
 * The tones are made with Web Audio: nothing to load, nothing the CSP must allow.
 */
export async function playTestSound(element: HTMLAudioElement, sinkId: string | null): Promise<void> {
  const context = new AudioContext();
  try {
    const destination = context.createMediaStreamDestination();
    const gain = context.createGain();
    gain.gain.value = 0.2;
    gain.connect(destination);
    for (const [index, frequency] of [660, 880].entries()) {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      const start = context.currentTime + index * (TEST_SOUND_SECONDS / 2);
      tone.start(start);
      tone.stop(start + TEST_SOUND_SECONDS / 2);
    }
    if ('setSinkId' in element) await element.setSinkId(sinkId ?? '');
    element.srcObject = destination.stream;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, TEST_SOUND_SECONDS * 1000));
    element.dataset.played = 'true';
  } finally {
    element.pause();
    element.srcObject = null;
    await context.close();
  }
}
