// The floor for the join-time benchmark: a page with no app code that
// publishes camera and microphone to Janus and subscribes to one feed,
// written straight against the Janus WebSocket API. Kept as plain
// JavaScript source so it reaches the page exactly as written.

/** Runs in the page: opens camera and microphone ahead of the timed action, as the app's lobby does. */
export const BARE_PREPARE = `(async () => {
  window.__bareStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
})()`;

/**
 * Runs in the page: joins the room as a publisher, publishes, subscribes to
 * every publisher already there, and resolves with the milliseconds from its
 * start to the first decoded remote video frame.
 */
export function bareJoinScript(janusUrl: string, room: string): string {
  return `(async () => {
  const started = performance.now();
  const socket = new WebSocket(${JSON.stringify(janusUrl)}, 'janus-protocol');
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  const waiting = new Map();
  let counter = 0;
  socket.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.janus === 'ack' || !data.transaction) return;
    const done = waiting.get(data.transaction);
    if (done) { waiting.delete(data.transaction); done(data); }
  };
  const call = (body) => new Promise((resolve) => {
    const transaction = 't' + (counter += 1);
    waiting.set(transaction, resolve);
    socket.send(JSON.stringify({ ...body, transaction }));
  });
  const gathered = (pc) => new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') resolve(); });
  });
  const session = (await call({ janus: 'create' })).data.id;
  const attach = async () => (await call({ janus: 'attach', session_id: session, plugin: 'janus.plugin.videoroom' })).data.id;
  const message = (handle, body, jsep) => call({ janus: 'message', session_id: session, handle_id: handle, body, ...(jsep ? { jsep } : {}) });
  const [publisherHandle, subscriberHandle] = await Promise.all([attach(), attach()]);
  const joined = await message(publisherHandle, { request: 'join', ptype: 'publisher', room: ${JSON.stringify(room)}, display: 'bare' });
  const feeds = joined.plugindata.data.publishers.map((publisher) => publisher.id);

  const publish = (async () => {
    const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
    for (const track of window.__bareStream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly' });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const answer = await message(publisherHandle, { request: 'publish' }, { type: 'offer', sdp: pc.localDescription.sdp });
    await pc.setRemoteDescription(answer.jsep);
  })();

  const firstFrame = (async () => {
    const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    document.body.append(video);
    pc.addEventListener('track', (event) => { if (event.track.kind === 'video') video.srcObject = new MediaStream([event.track]); });
    const attached = await message(subscriberHandle, { request: 'join', ptype: 'subscriber', room: ${JSON.stringify(room)}, streams: feeds.map((feed) => ({ feed })) });
    await pc.setRemoteDescription(attached.jsep);
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    await message(subscriberHandle, { request: 'start' }, { type: 'answer', sdp: pc.localDescription.sdp });
    await new Promise((resolve) => { const check = () => (video.videoWidth > 0 ? resolve() : setTimeout(check, 2)); check(); });
  })();
  await Promise.all([publish, firstFrame]);
  return performance.now() - started;
})()`;
}
