import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ReceiveLimits, receiveUpload } from "./store-upload";

const BOUNDARY = "----claimdesk-test-boundary";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const encoder = new TextEncoder();

let root: string;
beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), "claimdesk-uploads-")), "uploads");
});
afterEach(() => rmSync(dirname(root), { recursive: true, force: true }));

interface Part {
  name: string;
  field?: string;
  /** The content, or its size: that many bytes of JSONL lines, generated as they are read. */
  body: string | number;
}

const partHead = (part: Part) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.field ?? "files"}"; filename="${part.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;

const LINE = `${JSON.stringify({ id: "x", body: "Officials said the dam is safe. ".repeat(30) })}\n`;

/**
 * A multipart body produced chunk by chunk as the receiver pulls it, like a slow network: never
 * in memory as a whole. `onPull` sees the bytes handed over so far.
 */
function multipart(parts: readonly Part[], onPull?: (sent: number) => void) {
  const CHUNK = 64 * 1024;
  const pieces: (() => Generator<Uint8Array>)[] = [];
  for (const part of parts) {
    pieces.push(function* () {
      yield encoder.encode(partHead(part));
      if (typeof part.body === "string") {
        yield encoder.encode(part.body);
        return;
      }
      const block = encoder.encode(LINE.repeat(Math.ceil(CHUNK / LINE.length)));
      for (let left = part.body; left > 0; left -= block.length)
        yield left >= block.length ? block : block.subarray(0, left);
    });
    pieces.push(function* () {
      yield encoder.encode("\r\n");
    });
  }
  pieces.push(function* () {
    yield encoder.encode(`--${BOUNDARY}--\r\n`);
  });
  const chunks = (function* () {
    for (const piece of pieces) yield* piece();
  })();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else {
        sent += next.value.byteLength;
        controller.enqueue(next.value);
        onPull?.(sent);
      }
    },
  });
}

/** Bytes in every file under `dir`. */
function bytesOnDisk(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const MB = 1024 * 1024;
const LIMITS: ReceiveLimits = { maxFiles: 10, maxBytes: 200 * MB, maxBodyBytes: 201 * MB };

describe("receiveUpload", () => {
  it("writes each upload into its own folder with safe, unique names", async () => {
    const first = await receiveUpload(
      root,
      multipart([
        { name: "../../escape.txt", body: "one" },
        { name: "escape.txt", body: "two" },
      ]),
      CONTENT_TYPE,
    );
    const second = await receiveUpload(
      root,
      multipart([{ name: "escape.txt", body: "three" }]),
      CONTENT_TYPE,
    );
    if (!first.ok || !second.ok) throw new Error("expected both uploads to be stored");
    expect(first.paths.map((p) => p.slice(dirname(p).length + 1))).toEqual([
      "escape.txt",
      "2-escape.txt",
    ]);
    expect(first.folder).not.toBe(second.folder);
    for (const path of [...first.paths, ...second.paths]) expect(dirname(dirname(path))).toBe(root);
    expect(first.paths.map((p) => readFileSync(p, "utf8"))).toEqual(["one", "two"]);
    expect(readFileSync(second.paths[0] ?? "", "utf8")).toBe("three");
    // Two upload folders and the .gitignore that keeps them out of the repository.
    expect(readdirSync(root).sort()).toHaveLength(3);
    expect(readFileSync(join(root, ".gitignore"), "utf8")).toBe("*\n");
  });

  it("streams a 100 MB file to disk, never holding more than a few MB of it", async () => {
    const size = 100 * MB;
    let lag = 0;
    const body = multipart([{ name: "corpus.jsonl", body: size }], (sent) => {
      // What the receiver has taken from the network but not yet written: buffering the body
      // (formData, arrayBuffer) would hold all 100 MB before the first byte reached the disk.
      lag = Math.max(lag, sent - bytesOnDisk(root));
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await receiveUpload(root, body, CONTENT_TYPE, LIMITS);
    if (!result.ok) throw new Error(result.error);
    expect(statSync(result.paths[0] ?? "").size).toBe(size);
    expect(lag).toBeLessThan(4 * MB);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * MB);
  }, 120_000);

  it("refuses a text file over its format's cap as it streams, and leaves nothing behind", async () => {
    let sent = 0;
    const result = await receiveUpload(
      root,
      multipart(
        [
          { name: "fine.txt", body: "A short article." },
          { name: "huge.txt", body: 9_000_000 },
          { name: "later.txt", body: "Never read." },
        ],
        (n) => {
          sent = n;
        },
      ),
      CONTENT_TYPE,
      LIMITS,
    );
    expect(result).toEqual({
      ok: false,
      status: 413,
      error: expect.stringMatching(
        /^huge\.txt is larger than 8 MB, the most a text or Markdown file may hold.*\.jsonl or \.csv/,
      ),
    });
    // It stopped reading the body soon after the cap, and deleted the upload's folder.
    expect(sent).toBeLessThan(9_000_000);
    expect(readdirSync(root)).toEqual([".gitignore"]);
  });

  it("takes a JSONL file past the text cap, but not past the upload's total", async () => {
    const ok = await receiveUpload(
      root,
      multipart([{ name: "big.jsonl", body: 9_000_000 }]),
      CONTENT_TYPE,
      { ...LIMITS, maxBytes: 12_000_000 },
    );
    expect(ok.ok).toBe(true);
    const over = await receiveUpload(
      root,
      multipart([
        { name: "a.jsonl", body: 7_000_000 },
        { name: "b.csv", body: 7_000_000 },
      ]),
      CONTENT_TYPE,
      { ...LIMITS, maxBytes: 12_000_000 },
    );
    expect(over).toMatchObject({
      ok: false,
      status: 413,
      error: expect.stringMatching(/^The upload is larger than 200 MB/),
    });
    expect(readdirSync(root)).toHaveLength(2);
  });

  it("refuses other formats, too many files, no files and a broken body", async () => {
    expect(
      await receiveUpload(root, multipart([{ name: "report.pdf", body: "%PDF" }]), CONTENT_TYPE),
    ).toMatchObject({ ok: false, status: 415, error: expect.stringContaining("report.pdf") });
    const many = Array.from({ length: 3 }, (_, i) => ({ name: `${i}.txt`, body: "x" }));
    expect(
      await receiveUpload(root, multipart(many), CONTENT_TYPE, { ...LIMITS, maxFiles: 2 }),
    ).toMatchObject({ ok: false, status: 400, error: "At most 2 files per upload." });
    expect(
      await receiveUpload(
        root,
        multipart([{ name: "a.txt", field: "other", body: "x" }]),
        CONTENT_TYPE,
      ),
    ).toMatchObject({ ok: false, status: 400, error: "Choose at least one file." });
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${partHead({ name: "a.txt", body: "" })}half an art`));
        controller.close();
      },
    });
    expect(await receiveUpload(root, cut, CONTENT_TYPE)).toMatchObject({ ok: false, status: 400 });
    expect(readdirSync(root)).toEqual([".gitignore"]);
  });
});
