/** Opens an input file as a byte stream, gunzipping on the fly; whole-file reads have a size cap. */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export function openInput(file: string, gzip: boolean): Readable {
  const raw = createReadStream(file);
  if (!gzip) return raw;
  const gunzip = createGunzip();
  // A read error on the file must surface on the stream the caller iterates, and a caller that
  // stops early (destroying the gunzip stream) must not leave the file open.
  raw.on("error", (error) => gunzip.destroy(error));
  gunzip.on("close", () => raw.destroy());
  return raw.pipe(gunzip);
}

/** Thrown by readWholeInput when a file holds more than the cap; the message says by how much. */
export class InputTooLargeError extends Error {}

/** Reads a whole (possibly gzipped) file, giving up as soon as it passes `maxBytes`. */
export async function readWholeInput(
  file: string,
  gzip: boolean,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = openInput(file, gzip);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new InputTooLargeError(
        `too large: over ${(maxBytes / 1_000_000).toFixed(0)} MB${gzip ? " uncompressed" : ""}`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
