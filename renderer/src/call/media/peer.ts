/**
 * Janus gets complete SDPs instead of trickled candidates: on the networks
 * Confer targets gathering ends in milliseconds, and one round trip per
 * negotiation keeps the signaling simple. A slow STUN/TURN server is cut
 * off here rather than holding up the call.
 */
const GATHERING_LIMIT_MS = 3000;

export function gatheringComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, GATHERING_LIMIT_MS);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

/** Sets a local description and returns it once candidates are in it. */
export async function completeLocalDescription(pc: RTCPeerConnection, description: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
  await pc.setLocalDescription(description);
  await gatheringComplete(pc);
  const local = pc.localDescription;
  if (!local) throw new Error('the connection has no local description');
  return { type: local.type, sdp: local.sdp };
}

/** A PeerConnection counts as broken when it failed, or stayed disconnected this long. */
const DISCONNECTED_GRACE_MS = 3000;

/** Calls `onBroken` when the connection needs an ICE restart; returns a function that stops watching. */
export function watchConnection(pc: RTCPeerConnection, onBroken: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const onChange = () => {
    const state = pc.iceConnectionState;
    if (state === 'failed') {
      clear();
      onBroken();
    } else if (state === 'disconnected') {
      timer ??= setTimeout(() => {
        timer = null;
        if (pc.iceConnectionState === 'disconnected') onBroken();
      }, DISCONNECTED_GRACE_MS);
    } else {
      clear();
    }
  };
  pc.addEventListener('iceconnectionstatechange', onChange);
  return () => {
    clear();
    pc.removeEventListener('iceconnectionstatechange', onChange);
  };
}
