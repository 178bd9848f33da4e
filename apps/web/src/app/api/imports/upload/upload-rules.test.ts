import { IMPORT_UPLOAD_MAX_BYTES } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { checkUploadFiles, isCrossOrigin, sanitiseFileName, uniqueFileNames } from "./upload-rules";

const headers = (init: Record<string, string>) => new Headers(init);

describe("isCrossOrigin", () => {
  it("accepts requests from this host and requests without an Origin", () => {
    expect(
      isCrossOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000" })),
    ).toBe(false);
    expect(isCrossOrigin(headers({ host: "localhost:3000" }))).toBe(false);
  });

  it("refuses another site, another port and the opaque origin", () => {
    const host = "localhost:3000";
    expect(isCrossOrigin(headers({ host, origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOrigin(headers({ host, origin: "http://localhost:3001" }))).toBe(true);
    expect(isCrossOrigin(headers({ host, origin: "null" }))).toBe(true);
  });
});

describe("sanitiseFileName", () => {
  it("keeps ordinary names as they are", () => {
    expect(sanitiseFileName("Reuters 2024-02-08.txt")).toBe("Reuters 2024-02-08.txt");
    expect(sanitiseFileName("corpus.jsonl.gz")).toBe("corpus.jsonl.gz");
  });

  it("drops any path, so a name cannot leave the upload's folder", () => {
    expect(sanitiseFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(sanitiseFileName("..\\..\\windows\\win.ini.txt")).toBe("win.ini.txt");
    expect(sanitiseFileName("..")).toBe("upload");
    expect(sanitiseFileName("/")).toBe("upload");
  });

  it("removes control characters, reserved characters and leading dots", () => {
    expect(sanitiseFileName("a\u0000b\nc.txt")).toBe("abc.txt");
    expect(sanitiseFileName('what?<now>:"x"|*.md')).toBe("what__now___x___.md");
    expect(sanitiseFileName(".hidden.txt")).toBe("hidden.txt");
  });

  it("shortens overlong names but keeps their ending", () => {
    const name = sanitiseFileName(`${"x".repeat(400)}.jsonl.gz`);
    expect(name.length).toBeLessThanOrEqual(180);
    expect(name.endsWith(".jsonl.gz")).toBe(true);
  });
});

describe("uniqueFileNames", () => {
  it("numbers repeats, case-insensitively, in order", () => {
    expect(uniqueFileNames(["a.txt", "dir/a.txt", "A.txt", "b.md"])).toEqual([
      "a.txt",
      "2-a.txt",
      "3-A.txt",
      "b.md",
    ]);
  });
});

describe("checkUploadFiles", () => {
  it("accepts the formats the worker reads, gzipped or not", () => {
    const files = ["a.txt", "b.MD", "c.html", "d.htm", "e.jsonl", "f.csv", "g.csv.gz"].map(
      (name) => ({ name, size: 10 }),
    );
    expect(checkUploadFiles(files, 100)).toEqual({ ok: true });
  });

  it("refuses no files, too many files, other formats and too many bytes", () => {
    expect(checkUploadFiles([], 10)).toMatchObject({ ok: false, status: 400 });
    const many = Array.from({ length: 3 }, (_, i) => ({ name: `${i}.txt`, size: 1 }));
    expect(checkUploadFiles(many, 2)).toMatchObject({ ok: false, status: 400 });
    expect(checkUploadFiles([{ name: "report.pdf", size: 1 }], 10)).toMatchObject({
      ok: false,
      status: 415,
      error: expect.stringContaining("report.pdf"),
    });
    expect(checkUploadFiles([{ name: "x.gz", size: 1 }], 10)).toMatchObject({ status: 415 });
    const big = [
      { name: "a.jsonl", size: IMPORT_UPLOAD_MAX_BYTES / 2 },
      { name: "b.csv.gz", size: IMPORT_UPLOAD_MAX_BYTES / 2 + 1 },
    ];
    expect(checkUploadFiles(big, 10)).toMatchObject({
      ok: false,
      status: 413,
      error: expect.stringContaining("200 MB"),
    });
  });

  it("holds each whole-file format to the cap the worker reads it with", () => {
    expect(checkUploadFiles([{ name: "a.txt", size: 8_000_000 }], 10)).toEqual({ ok: true });
    expect(checkUploadFiles([{ name: "a.txt", size: 8_000_001 }], 10)).toMatchObject({
      ok: false,
      status: 413,
      error: expect.stringMatching(/^a\.txt is larger than 8 MB, the most a text or Markdown file/),
    });
    expect(checkUploadFiles([{ name: "page.html", size: 50_000_001 }], 10)).toMatchObject({
      status: 413,
      error: expect.stringMatching(/^page\.html is larger than 50 MB, the most an HTML file/),
    });
    expect(checkUploadFiles([{ name: "corpus.jsonl", size: 150_000_000 }], 10)).toEqual({
      ok: true,
    });
    expect(
      checkUploadFiles([{ name: "corpus.jsonl", size: IMPORT_UPLOAD_MAX_BYTES + 1 }], 10),
    ).toMatchObject({
      status: 413,
      error: expect.stringMatching(/^The upload is larger than 200 MB/),
    });
  });
});
