import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type InputEvent, type InputRecord, type ReadOptions, readInputs } from "./read-inputs";
import { maxFileBytes, readWholeFileSync } from "./readers/read-whole-file";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "claimdesk-read-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string | Buffer): string {
  const file = join(root, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function collect(paths: string[], options?: ReadOptions): Promise<InputEvent[]> {
  const events: InputEvent[] = [];
  for await (const event of readInputs(paths, options)) events.push(event);
  return events;
}

/** What a whole-file record holds, read as its processing thread reads it. */
const wholeFileText = (record: InputRecord) =>
  record.kind === "fields"
    ? record.fields.body
    : Buffer.from(
        "bytes" in record
          ? record.bytes
          : readWholeFileSync(record.file, record.gzip, maxFileBytes(record.kind)),
      ).toString();

/** Events without the records' contents, which are checked separately. */
const brief = (events: InputEvent[]) =>
  events.map((e) =>
    e.kind === "record" ? { kind: e.kind, file: e.record.file, line: e.record.line } : e,
  );

describe("readInputs", () => {
  it("walks directories recursively in a stable order and yields whole files", async () => {
    write("sub/z/d.TXT", "D");
    write("b.txt", "B");
    write("sub/c.txt", "C");
    write("a.md", "A");
    write("notes.pdf", "%PDF");
    write("data.json", "{}");
    write("NOTES", "no extension");
    write("README.txt", "documentation, not an article");
    write("sub/LICENSE.md", "documentation, not an article");
    write(".hidden.txt", "tooling");
    write(".git/HEAD.txt", "tooling");
    mkdirSync(join(root, "empty"));

    const events = await collect([root]);
    expect(brief(events)).toEqual([
      { kind: "skipped", file: join(root, "NOTES"), extension: "(none)" },
      { kind: "record", file: join(root, "a.md"), line: null },
      { kind: "record", file: join(root, "b.txt"), line: null },
      { kind: "skipped", file: join(root, "data.json"), extension: ".json" },
      { kind: "skipped", file: join(root, "notes.pdf"), extension: ".pdf" },
      { kind: "record", file: join(root, "sub/c.txt"), line: null },
      { kind: "record", file: join(root, "sub/z/d.TXT"), line: null },
    ]);
    // Whole files are named with their size on disk, read later by the processing thread.
    const first = events[1];
    expect(first?.kind === "record" && first.record).toEqual({
      kind: "text",
      file: join(root, "a.md"),
      line: null,
      gzip: false,
      size: 1,
    });
    expect(first?.kind === "record" && wholeFileText(first.record)).toBe("A");
  });

  it("reads files named directly, hidden or not, in the order given", async () => {
    const b = write("b.txt", "B");
    const hidden = write(".a.txt", "A");
    expect(brief(await collect([b, hidden])).map((e) => "file" in e && e.file)).toEqual([
      b,
      hidden,
    ]);
  });

  it("reports a missing path and carries on with the rest", async () => {
    const a = write("a.txt", "A");
    const missing = join(root, "nope.txt");
    expect(brief(await collect([missing, a]))).toEqual([
      { kind: "unreadable", path: missing, reason: "No such file or directory" },
      { kind: "record", file: a, line: null },
    ]);
  });

  it("does not loop through a symlink to an ancestor directory", async () => {
    write("dir/a.txt", "A");
    symlinkSync(join(root, "dir"), join(root, "dir/loop"));
    expect(brief(await collect([root]))).toEqual([
      { kind: "record", file: join(root, "dir/a.txt"), line: null },
    ]);
  });
});

describe("readInputs: every format, plain and gzipped", () => {
  const JSONL = `${JSON.stringify({ id: "a1", title: "T", body: "Body one." })}\n`;
  const CSV = 'id,title,body\nc1,T,"Body, two."\n';

  it("reads .txt/.md/.html/.htm whole and .jsonl/.csv record by record, each also as .gz", async () => {
    const files: [string, string | Buffer][] = [
      ["a.txt", "Text."],
      ["b.md", "Markdown."],
      ["c.html", "<p>HTML.</p>"],
      ["d.htm", "<p>HTM.</p>"],
      ["e.jsonl", JSONL],
      ["f.csv", CSV],
    ];
    for (const [name, body] of files) {
      write(name, body as string);
      writeFileSync(join(root, `${name}.gz`), gzipSync(body));
    }
    const events = await collect([root]);
    const records = events.flatMap((e) => (e.kind === "record" ? [e.record] : []));
    expect(events.length).toBe(12);
    const summary = records.map((r) => {
      const name = r.file.slice(root.length + 1);
      return [name, r.kind, r.line, wholeFileText(r)];
    });
    expect(summary).toEqual([
      ["a.txt", "text", null, "Text."],
      ["a.txt.gz", "text", null, "Text."],
      ["b.md", "text", null, "Markdown."],
      ["b.md.gz", "text", null, "Markdown."],
      ["c.html", "html", null, "<p>HTML.</p>"],
      ["c.html.gz", "html", null, "<p>HTML.</p>"],
      ["d.htm", "html", null, "<p>HTM.</p>"],
      ["d.htm.gz", "html", null, "<p>HTM.</p>"],
      ["e.jsonl", "fields", 1, "Body one."],
      ["e.jsonl.gz", "fields", 1, "Body one."],
      ["f.csv", "fields", 2, "Body, two."],
      ["f.csv.gz", "fields", 2, "Body, two."],
    ]);
  });

  it("reads every file as the --format given, whatever its name", async () => {
    write("page.txt", "<p>Really HTML.</p>");
    writeFileSync(join(root, "page2.gz"), gzipSync("<p>Also HTML.</p>"));
    const records = (await collect([root], { format: "html" })).flatMap((e) =>
      e.kind === "record" ? [e.record.kind] : [],
    );
    expect(records).toEqual(["html", "html"]);
  });

  it("applies --map and leaves out --exclude globs in directory walks", async () => {
    write("pages/one/source.html", "<p>Source.</p>");
    write("pages/one/expected.html", "<p>Readability's output.</p>");
    write("news.csv", "headline,story_text\nH,Story.\n");
    const events = await collect([root], {
      exclude: ["expected*.html"],
      map: { title: "headline", body: "story_text" },
    });
    expect(brief(events)).toEqual([
      { kind: "record", file: join(root, "news.csv"), line: 2 },
      { kind: "record", file: join(root, "pages/one/source.html"), line: null },
    ]);
    const row = events[0];
    expect(
      row?.kind === "record" && row.record.kind === "fields" && row.record.fields,
    ).toMatchObject({ title: "H", body: "Story." });
  });

  it("refuses a whole-file article that is too large without reading it all", async () => {
    const big = write("big.txt", "x".repeat(8_000_001));
    expect(await collect([big])).toEqual([
      { kind: "invalid", file: big, line: null, reason: "too large: over 8 MB" },
    ]);
  });

  it("reports a corrupt .gz read line by line as unreadable and goes on", async () => {
    const reason = "Not valid gzip data (corrupt or not compressed)";
    const bad = ["bad.jsonl.gz", "bad.csv.gz"].map((name) => write(name, "not gzip"));
    // A whole file is read by its processing thread, which reports it (process-record.test.ts).
    const whole = write("bad.txt.gz", "not gzip");
    const good = write("good.txt", "Fine.");
    expect(brief(await collect([...bad, whole, good]))).toEqual([
      ...bad.map((path) => ({ kind: "unreadable", path, reason })),
      { kind: "record", file: whole, line: null },
      { kind: "record", file: good, line: null },
    ]);
  });
});
