import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { countInputFiles, formatProgressLine, LOG_INTERVAL_MS, startProgress } from "./progress";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-progress-"));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe("progress", () => {
  it("writes a plain line every interval when the output is not a terminal", () => {
    vi.useFakeTimers();
    const stream = new PassThrough() as PassThrough & NodeJS.WriteStream;
    let output = "";
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    let now = 0;
    const display = startProgress(stream, 40, () => now);
    display.update({ files: 3, records: 1000, imported: 990, failed: 10 });
    now = 2000;
    vi.advanceTimersByTime(LOG_INTERVAL_MS - 1);
    expect(output).toBe("");
    vi.advanceTimersByTime(1);
    expect(output).toBe(
      "import: 1000 records (990 imported, 10 failed), 3/40 files, 500 articles/s\n",
    );
    display.stop();
    vi.advanceTimersByTime(LOG_INTERVAL_MS * 3);
    expect(output.split("\n")).toHaveLength(2);
  });

  it("leaves the file count out when there is no total", () => {
    expect(formatProgressLine({ files: 1, records: 5, imported: 5, failed: 0 }, null, 5)).toBe(
      "import: 5 records (5 imported, 0 failed), 5 articles/s",
    );
  });

  it("counts the visible files under the inputs, null for a single file", async () => {
    mkdirSync(join(dir, "a/b"), { recursive: true });
    for (const name of ["a/1.txt", "a/b/2.html.gz", "a/.hidden", "3.jsonl"]) {
      writeFileSync(join(dir, name), "x");
    }
    expect(await countInputFiles([join(dir, "a"), join(dir, "3.jsonl")])).toBe(3);
    expect(await countInputFiles([join(dir, "3.jsonl")])).toBeNull();
  });

  it("counts only the files the import will read: supported, not excluded", async () => {
    mkdirSync(join(dir, "corpus/html"), { recursive: true });
    const names = [
      "corpus/README.txt", // a default exclude
      "corpus/LICENSE.md",
      "corpus/scan.pdf", // not an importable format
      "corpus/html/1.html",
      "corpus/html/2.htm.gz",
      "corpus/html/expected-1.html", // left out by --exclude
      "corpus/data.jsonl",
    ];
    for (const name of names) writeFileSync(join(dir, name), "x");
    const corpus = join(dir, "corpus");
    expect(await countInputFiles([corpus])).toBe(4);
    expect(await countInputFiles([corpus], { exclude: ["expected*"] })).toBe(3);
    // With --format every file is read as that format (the excludes still apply).
    expect(await countInputFiles([corpus], { format: "text", exclude: ["expected*"] })).toBe(4);
    // A file named on the command line is read whatever the excludes say.
    const readme = join(corpus, "README.txt");
    expect(await countInputFiles([readme, join(corpus, "data.jsonl")])).toBe(2);
  });
});
