import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { processRecord } from "./process-record";
import type { InputRecord } from "./read-inputs";

const dir = mkdtempSync(join(tmpdir(), "claimdesk-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A whole file on disk, named as the reader names it: the processing thread reads it. */
const onDisk = (name: string, content: string | Buffer): InputRecord => {
  const file = join(dir, name);
  writeFileSync(file, content);
  const gzip = name.endsWith(".gz");
  return { kind: name.includes(".htm") ? "html" : "text", file, line: null, gzip, size: 0 };
};

const text = (content: string | Uint8Array): InputRecord => ({
  kind: "text",
  file: "/in/a.txt",
  line: null,
  bytes: typeof content === "string" ? Buffer.from(content) : content,
});
const html = (bytes: Uint8Array): InputRecord => ({
  kind: "html",
  file: "/in/a.html",
  line: null,
  bytes,
});

const ARTICLE_P =
  "The minister said on Tuesday that talks with the armed groups would resume next week, after a pause of several months in which both sides traded accusations over attacks on bases.";

describe("processRecord", () => {
  it("processes a plain-text file", () => {
    const result = processRecord(text(`Talks to resume\n\n${ARTICLE_P}`));
    expect(result.ok && result.article.title).toBe("Talks to resume");
    expect(result.ok && result.article.extractor).toBe("claimdesk-text@1");
  });

  it("processes a windows-1252 HTML page declared by <meta charset>", () => {
    const page = Buffer.from(
      `<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body><article><p>\x93We will return,\x94 ${ARTICLE_P}</p><p>${ARTICLE_P}</p></article></body></html>`,
      "latin1",
    );
    const result = processRecord(html(page));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.title).toBe("Café talks");
    expect(result.article.text.startsWith("“We will return,” The minister said")).toBe(true);
    expect(result.article.extractor).toMatch(/^claimdesk-html@1\+readability@0\.6\.0$/);
  });

  it("processes a structured record's fields", () => {
    const result = processRecord({
      kind: "fields",
      file: "/in/a.jsonl",
      line: 3,
      collection: "a",
      fields: {
        externalId: "x-1",
        title: "Talks",
        body: ARTICLE_P,
        url: "https://x.test/1",
        publisher: null,
        publishedAt: "2024-01-02",
        byline: "A. Writer",
      },
    });
    expect(result.ok && result.article).toMatchObject({
      externalId: "x-1",
      title: "Talks",
      text: ARTICLE_P,
      url: "https://x.test/1",
      publishedAt: "2024-01-02",
      byline: "A. Writer",
    });
  });

  it("fails a binary file, invalid UTF-8, an empty file and an enormous one, with the reason", () => {
    expect(
      processRecord(text(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]))),
    ).toEqual({
      ok: false,
      reason: "binary file: NUL character at offset 4",
    });
    expect(processRecord(text(Uint8Array.from([0x61, 0xff, 0x62])))).toEqual({
      ok: false,
      reason:
        "cannot decode: Invalid UTF-8 at byte offset 1 (byte 0xff), and no other character encoding fits; name it with --encoding",
    });
    expect(processRecord(text(" \n\t"))).toEqual({ ok: false, reason: "empty file" });
    expect(processRecord(text("word ".repeat(400_001)))).toEqual({
      ok: false,
      reason: "too large: 2.0 M characters of text, over the 2 M limit for one article",
    });
    expect(
      processRecord(html(Buffer.from("<html><body><script>x()</script></body></html>"))),
    ).toEqual({
      ok: false,
      reason: "empty input: the text has no content",
    });
  });

  it("reads a named file itself, gunzipping it", () => {
    const plain = processRecord(onDisk("a.txt", `Talks to resume\n\n${ARTICLE_P}`));
    expect(plain.ok && plain.article.title).toBe("Talks to resume");
    const page = `<html><head><title>Talks</title></head><body><article><p>${ARTICLE_P}</p><p>${ARTICLE_P}</p></article></body></html>`;
    const zipped = processRecord(onDisk("b.html.gz", gzipSync(page)));
    expect(zipped.ok && zipped.article.text).toContain("The minister said on Tuesday");
  });

  it("reports a named file it cannot read as unreadable, and one that inflates too far as too large", () => {
    expect(processRecord(onDisk("bad.txt.gz", "not gzip"))).toEqual({
      ok: false,
      reason: "Not valid gzip data (corrupt or not compressed)",
      unreadable: true,
    });
    const gone = { ...onDisk("gone.txt", "x"), file: join(dir, "missing.txt") };
    expect(processRecord(gone)).toEqual({
      ok: false,
      reason: "No such file or directory",
      unreadable: true,
    });
    // 9 MB of text in a few kB of gzip: refused as it inflates past the 8 MB cap.
    expect(processRecord(onDisk("bomb.txt.gz", gzipSync("a ".repeat(4_500_000))))).toEqual({
      ok: false,
      reason: "too large: over 8 MB uncompressed",
    });
  });
});
