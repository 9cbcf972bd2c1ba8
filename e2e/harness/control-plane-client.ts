import { request } from 'node:http';

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * POSTs JSON from a chosen loopback source address (any of 127.0.0.0/8), so
 * a test can be several clients to the control plane's per-address limit.
 */
export function postJsonFrom(localAddress: string, url: string, body: unknown): Promise<JsonAnswer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
