/**
 * Streams an upload's files into a fresh folder of their own under the uploads directory. The
 * multipart body is parsed as it arrives (busboy) and each file part is piped to its file on disk:
 * the server holds a few chunks of an upload at a time, never the whole body (a 195 MB upload
 * once raised its RSS by 850 MB). Every rule is checked as the bytes come: the file's name and
 * format before its first byte is written, its format's cap and the upload's total as they pass.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { findRepoRoot, resolveDbPath } from "@claimdesk/db";
import {
  IMPORT_UPLOAD_MAX_BYTES,
  IMPORT_UPLOAD_MAX_FILES,
  importFileMaxBytes,
  isImportableFileName,
} from "@claimdesk/types";
import busboy from "busboy";
import {
  MAX_BODY_BYTES,
  notImportable,
  sanitiseFileName,
  tooLarge,
  tooLargeFile,
  type UploadCheck,
} from "./upload-rules";

/**
 * `uploads/` beside the database: `<repo>/data/uploads` by default, and next to a test database
 * when CLAIMDESK_DB points elsewhere, so test runs never write into the real data folder.
 */
export function uploadsRoot(): string {
  const db = resolveDbPath();
  const base = db === ":memory:" ? join(findRepoRoot(), "data") : dirname(db);
  return join(base, "uploads");
}

export type UploadFailure = UploadCheck & { ok: false };
export type ReceivedUpload = { ok: true; folder: string; paths: string[] } | UploadFailure;

export interface ReceiveLimits {
  maxFiles: number;
  /** All files together. */
  maxBytes: number;
  /** The whole request body, multipart framing included. */
  maxBodyBytes: number;
}

const DEFAULT_LIMITS: ReceiveLimits = {
  maxFiles: IMPORT_UPLOAD_MAX_FILES,
  maxBytes: IMPORT_UPLOAD_MAX_BYTES,
  maxBodyBytes: MAX_BODY_BYTES,
};

/** Thrown inside the pipeline to stop it with the answer the client gets. */
class Refusal extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.error);
  }
}

/** Passes bytes on, counting them; `check` may refuse (stop the pipeline) after each chunk. */
function counter(check: (bytes: number) => UploadFailure | null) {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const failure = check(chunk.byteLength);
      callback(
        failure === null ? null : new Refusal(failure),
        failure === null ? chunk : undefined,
      );
    },
  });
}

async function ensureRoot(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  // Uploaded articles are data, not source: keep them out of git whatever the repo ignores.
  const ignore = join(root, ".gitignore");
  if (!existsSync(ignore)) await writeFile(ignore, "*\n");
}

/**
 * Parses the multipart `body` and writes its `files` parts as `<root>/<uuid>/<sanitised name>`;
 * answers their absolute paths, or the refusal (status and message) with nothing left on disk.
 */
export async function receiveUpload(
  root: string,
  body: ReadableStream<Uint8Array>,
  contentType: string,
  limits: ReceiveLimits = DEFAULT_LIMITS,
): Promise<ReceivedUpload> {
  await ensureRoot(root);
  const folder = join(root, randomUUID());
  await mkdir(folder);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Backstops; the per-file caps are checked below with a message naming the file.
      limits: {
        files: limits.maxFiles + 1,
        fields: 20,
        fieldSize: 64 * 1024,
        parts: limits.maxFiles + 21,
      },
    });
  } catch {
    await rm(folder, { recursive: true, force: true });
    return {
      ok: false,
      status: 400,
      error: "The upload could not be read as multipart/form-data.",
    };
  }

  const paths: string[] = [];
  const taken = new Set<string>();
  const writes: Promise<void>[] = [];
  let total = 0;
  let bodyBytes = 0;
  let refusal: UploadFailure | null = null;
  let parsed!: () => void;
  const done = new Promise<void>((resolve) => {
    parsed = resolve;
  });
  const source = Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>);
  const refuse = (failure: UploadFailure) => {
    if (refusal !== null) return;
    refusal = failure;
    // Stop reading the body, and end the file being written (its pipeline fails, see below).
    source.destroy();
    parser.destroy(new Refusal(failure));
    parsed();
  };

  parser.on("file", (field, file, info) => {
    // A refusal ends the part being read with an error; its pipeline (if any) reports it.
    file.on("error", () => undefined);
    if (refusal !== null || field !== "files") {
      file.resume();
      return;
    }
    const named = info.filename ?? "";
    if (paths.length >= limits.maxFiles) {
      file.resume();
      refuse({ ok: false, status: 400, error: `At most ${limits.maxFiles} files per upload.` });
      return;
    }
    const clean = sanitiseFileName(named);
    if (!isImportableFileName(clean)) {
      file.resume();
      refuse(notImportable([named || clean]));
      return;
    }
    let name = clean;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${n}-${clean}`;
    taken.add(name.toLowerCase());
    const path = join(folder, name);
    paths.push(path);
    const cap = importFileMaxBytes(clean);
    let bytes = 0;
    const limit = counter((n) => {
      bytes += n;
      total += n;
      // The upload's total first: a JSONL or CSV file's own cap is the whole upload's.
      if (total > limits.maxBytes) return tooLarge();
      if (bytes > cap) return tooLargeFile(named || clean, cap);
      return null;
    });
    writes.push(
      // "wx": never follow or overwrite anything already there.
      pipeline(file, limit, createWriteStream(path, { flags: "wx" })).catch((error: unknown) => {
        refuse(
          error instanceof Refusal
            ? error.failure
            : { ok: false, status: 500, error: "The files could not be stored on the server." },
        );
      }),
    );
  });
  parser.on("close", () => parsed());
  parser.on("error", (error) =>
    refuse(
      error instanceof Refusal
        ? error.failure
        : { ok: false, status: 400, error: "The upload could not be read as multipart/form-data." },
    ),
  );
  source.on("error", () =>
    refuse({ ok: false, status: 400, error: "The upload was cut off before it ended." }),
  );
  // A missing or false Content-Length cannot make the parser read more than the limit.
  const framed = counter((n) => {
    bodyBytes += n;
    return bodyBytes > limits.maxBodyBytes ? tooLarge() : null;
  });
  framed.on("error", (error) => refuse(error instanceof Refusal ? error.failure : tooLarge()));
  source.pipe(framed).pipe(parser);
  await done;
  await Promise.allSettled(writes);

  const failure: UploadFailure | null =
    refusal ??
    (paths.length === 0 ? { ok: false, status: 400, error: "Choose at least one file." } : null);
  if (failure !== null) {
    await rm(folder, { recursive: true, force: true });
    return failure;
  }
  return { ok: true, folder, paths };
}

/** Removes an upload's folder (its job could not be queued). */
export async function discardUpload(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}
