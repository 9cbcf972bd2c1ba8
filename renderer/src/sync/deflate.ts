/**
 * deflate-raw through the platform's CompressionStream (native zlib, in
 * Chromium and Node alike). A board's state is mostly repeated keys, styles
 * and small point deltas: a real board shrinks to about half, which halves
 * the time a newcomer's catch-up spends on the wire.
 */

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
}

export async function deflate(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return (await collect(through(bytes, new CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY)) as Uint8Array<ArrayBuffer>;
}

/**
 * Inflates untrusted bytes, stopping at `maxBytes`: a few kilobytes can
 * inflate to gigabytes. Null when the data is corrupt or inflates past the bound.
 */
export async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return await collect(through(bytes, new DecompressionStream('deflate-raw')), maxBytes);
  } catch {
    return null;
  }
}
