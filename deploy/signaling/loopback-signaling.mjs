// Runs the signaling server that y-webrtc ships, bound to one address.
// Its script listens on every interface and has no host option, so the
// listen call is pinned here before the script is loaded.
import http from 'node:http';

const host = process.env.HOST || '127.0.0.1';
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function listenOnHost(port, ...rest) {
  if (typeof port === 'number' || typeof port === 'string') return listen.call(this, Number(port), host, ...rest);
  return listen.call(this, port, ...rest);
};

// The package's exports hide bin/: locate it beside the module entry instead.
await import(new URL('../bin/server.js', import.meta.resolve('y-webrtc')).href);
