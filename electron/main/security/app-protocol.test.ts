import path from 'node:path';
import type { Net, Protocol } from 'electron';
import { describe, expect, test } from 'vitest';
import { registerAppProtocol, resolveAppAsset } from './app-protocol.js';

const root = path.resolve('/opt/confer/renderer');

describe('app:// asset resolution', () => {
  test.each([
    ['app://confer/', 'index.html'],
    ['app://confer/index.html', 'index.html'],
    ['app://confer/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://confer/assets/../index.html', 'index.html'],
  ])('serves %s from inside the folder', (url, relative) => {
    expect(resolveAppAsset(root, url)).toBe(path.join(root, relative));
  });

  test.each([
    'app://confer/..%2F..%2Fetc%2Fpasswd',
    'app://confer/assets/..%5C..%5Csecret',
    'app://confer/%00index.html',
    'app://confer/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  test('dot segments the URL parser resolves itself stay inside the folder', () => {
    // WHATWG URL parsing turns %2e%2e into ".." and collapses it before we see the path.
    expect(resolveAppAsset(root, 'app://confer/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
  });
});

describe('app:// protocol handler', () => {
  test('serves files with the Content-Security-Policy and 404s what it refuses', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol: Pick<Protocol, 'handle'> = { handle: (_scheme, h) => void (handler = h as typeof handler) };
    const fetched: string[] = [];
    const net: Pick<Net, 'fetch'> = {
      fetch: async (url) => {
        fetched.push(String(url));
        return new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } });
      },
    };
    registerAppProtocol(protocol, net, { rootDirectory: root, contentSecurityPolicy: "default-src 'none'" });

    const ok = await handler!(new Request('app://confer/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toBe("default-src 'none'");
    expect(ok.headers.get('Content-Type')).toBe('text/html');
    expect(fetched).toEqual([`file://${path.join(root, 'index.html')}`]);

    const refused = await handler!(new Request('app://confer/..%2F..%2Fetc%2Fpasswd'));
    expect(refused.status).toBe(404);
    expect(fetched).toHaveLength(1);
  });
});
