/** Rules the upload route applies before anything touches the disk: same origin, file names, sizes. */
import {
  IMPORT_UPLOAD_MAX_BYTES,
  importFileMaxBytes,
  isImportableFileName,
} from "@claimdesk/types";

/** Room for multipart boundaries and part headers on top of the files' own bytes. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
export const MAX_BODY_BYTES = IMPORT_UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;
const MAX_NAME_LENGTH = 180;

/**
 * A cross-site form can POST multipart to us without CORS (a "simple" request): refuse any request
 * whose Origin is present and is not this host. Requests without Origin (curl, old clients) pass.
 */
export function isCrossOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("host");
  try {
    // "null" (sandboxed frames, file://) does not parse, and is refused with the rest.
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * A name safe to create inside the upload's own folder: the last path segment only (a crafted
 * request may send "../../x" or "C:\\x"), no control or reserved characters, no leading dots (no
 * "..", and the worker skips hidden files), and not empty or overlong.
 */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  let clean = base
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .trim()
    .replace(/^\.+/, "");
  if (clean.length > MAX_NAME_LENGTH) {
    // Keep the ending: it is what tells the worker the format (".jsonl.gz").
    const ending = clean.match(/(\.[a-z0-9]{1,8}){1,2}$/i)?.[0] ?? "";
    clean = clean.slice(0, MAX_NAME_LENGTH - ending.length) + ending;
  }
  return clean === "" ? "upload" : clean;
}

/** Sanitised names made unique within one upload ("a.txt", "2-a.txt"), in the order given. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const clean = sanitiseFileName(name);
    let candidate = clean;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${n}-${clean}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export type UploadCheck =
  | { ok: true }
  | { ok: false; status: 400 | 413 | 415 | 500; error: string };

/** Whether these files may be queued: some files, importable names, within the size limit. */
export function checkUploadFiles(
  files: readonly { name: string; size: number }[],
  maxFiles: number,
): UploadCheck {
  if (files.length === 0) return { ok: false, status: 400, error: "Choose at least one file." };
  if (files.length > maxFiles) {
    return { ok: false, status: 400, error: `At most ${maxFiles} files per upload.` };
  }
  const unsupported = files.filter((f) => !isImportableFileName(sanitiseFileName(f.name)));
  if (unsupported.length > 0) return notImportable(unsupported.map((f) => f.name));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > IMPORT_UPLOAD_MAX_BYTES) return tooLarge();
  const oversized = files.find((f) => f.size > importFileMaxBytes(sanitiseFileName(f.name)));
  if (oversized)
    return tooLargeFile(oversized.name, importFileMaxBytes(sanitiseFileName(oversized.name)));
  return { ok: true };
}

export function notImportable(names: readonly string[]): UploadCheck & { ok: false } {
  return {
    ok: false,
    status: 415,
    error:
      `Cannot import ${names.join(", ")}: ` +
      "use .txt, .md, .html, .htm, .jsonl or .csv files (optionally .gz).",
  };
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1_000_000)} MB`;

/**
 * One file over its format's cap: the worker reads a text or HTML file whole and refuses it past
 * its cap, while JSONL and CSV are read record by record and may fill the whole upload.
 */
export function tooLargeFile(name: string, cap: number): UploadCheck & { ok: false } {
  const whole = IMPORT_UPLOAD_MAX_BYTES / (1024 * 1024);
  const kind = /\.html?(\.gz)?$/i.test(name) ? "an HTML" : "a text or Markdown";
  return {
    ok: false,
    status: 413,
    error:
      `${name} is larger than ${megabytes(cap)}, the most ${kind} file may hold (the worker reads ` +
      `it whole). Put many articles in one .jsonl or .csv file instead (up to ${whole} MB).`,
  };
}

export function tooLarge(): UploadCheck & { ok: false } {
  const mb = IMPORT_UPLOAD_MAX_BYTES / (1024 * 1024);
  return {
    ok: false,
    status: 413,
    error: `The upload is larger than ${mb} MB. Split it, or import large corpora with \`pnpm worker import\`.`,
  };
}
