import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import type { RuntimeConfig } from '../shared/config/runtime-config.js';
import { buildContentSecurityPolicy } from '../shared/security/content-security-policy.js';

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer as a plain web page, with `/config.json` (what
 * Electron's bridge would answer) and the same Content-Security-Policy the
 * desktop app uses.
 */
export function serveWebBuild(rendererDirectory: string, config: RuntimeConfig, port: number, host = '127.0.0.1'): Promise<WebServer> {
  const assets = sirv(rendererDirectory, { etag: true, dev: false });
  const csp = buildContentSecurityPolicy(config);
  const configJson = JSON.stringify(config);
  const server: Server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (request.url === '/config.json' || request.url?.startsWith('/config.json?')) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(configJson);
      return;
    }
    assets(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${boundPort}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
