/** Opens an input file (JSONL, CSV) as a byte stream, gunzipping on the fly. */
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
