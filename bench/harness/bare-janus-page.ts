// Floors for the call benchmarks: pages with no app code, written straight
// against the Janus WebSocket API. One publishes camera and microphone and
// subscribes to one feed (join time); the other pair sends and receives
// text on a publisher's data channel (board sync through Janus). Kept as
// plain JavaScript source so it reaches the page exactly as written.

/**
 * Page source that opens a Janus session and defines `call` (one request,
 * resolved by the reply carrying its transaction), `gathered` (ICE
 * gathering complete), `session`, `attach` and `message`. Meant to be
 * pasted at the top of an async function body.
 */
function janusClientPrelude(janusUrl: string): string {
  return `  const socket = new WebSocket(${JSON.stringify(janusUrl)}, 'janus-protocol');
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
  const message = (handle, body, jsep) => call({ janus: 'message', session_id: session, handle_id: handle, body, ...(jsep ? { jsep } : {}) });`;
}

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
${janusClientPrelude(janusUrl)}
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

/**
 * Runs in the page: creates `room` (the app's rooms stay untouched), joins
 * it as a publisher with a data channel and nothing else, and resolves with
 * its feed id once the channel is open. `window.floorSend()` then sends one
 * text message carrying its send time and padding to `messageBytes`.
 */
export function bareDataPublisherScript(janusUrl: string, room: string, messageBytes: number): string {
  return `(async () => {
${janusClientPrelude(janusUrl)}
  const handle = await attach();
  await message(handle, { request: 'create', room: ${JSON.stringify(room)}, permanent: false, publishers: 2 });
  const joined = await message(handle, { request: 'join', ptype: 'publisher', room: ${JSON.stringify(room)}, display: 'floor' });
  const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
  const channel = pc.createDataChannel('floor', { ordered: true });
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  const answer = await message(handle, { request: 'publish' }, { type: 'offer', sdp: pc.localDescription.sdp });
  await pc.setRemoteDescription(answer.jsep);
  if (channel.readyState !== 'open') await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }));
  const padding = 'x'.repeat(${messageBytes});
  window.floorSend = () => channel.send((performance.timeOrigin + performance.now()) + ' ' + padding);
  window.floorKeep = { socket, pc, channel };
  return joined.plugindata.data.id;
})()`;
}

/**
 * Runs in the page: subscribes to `feed`'s data channel in `room` and
 * resolves once the subscription is up; every message then adds its one-way
 * time (receive wall clock minus the send time it carries) to
 * `window.floorTimes`.
 */
export function bareDataSubscriberScript(janusUrl: string, room: string, feed: number | string): string {
  return `(async () => {
${janusClientPrelude(janusUrl)}
  const handle = await attach();
  const times = [];
  window.floorTimes = times;
  const onMessage = (event) => times.push(performance.timeOrigin + performance.now() - Number(event.data.slice(0, event.data.indexOf(' '))));
  const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' });
  pc.addEventListener('datachannel', (event) => event.channel.addEventListener('message', onMessage));
  const joined = await message(handle, { request: 'join', ptype: 'subscriber', room: ${JSON.stringify(room)}, streams: [{ feed: ${JSON.stringify(feed)} }] });
  if (!joined.jsep) throw new Error('Janus sent no offer: ' + JSON.stringify(joined.plugindata));
  await pc.setRemoteDescription(joined.jsep);
  // Like janus.js: a channel of our own brings the SCTP association up; Janus relays on the label it knows.
  const own = pc.createDataChannel('floor', { ordered: true });
  own.addEventListener('message', onMessage);
  await pc.setLocalDescription(await pc.createAnswer());
  await gathered(pc);
  await message(handle, { request: 'start' }, { type: 'answer', sdp: pc.localDescription.sdp });
  if (own.readyState !== 'open') await new Promise((resolve) => own.addEventListener('open', resolve, { once: true }));
  window.floorKeep = { socket, pc, own };
})()`;
}
