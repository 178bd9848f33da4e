import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FieldMap } from "./field-map";
import type { InputEvent } from "./input-events";
import { readCsv } from "./read-csv";
import { readJsonl } from "./read-jsonl";
import { readLines } from "./read-lines";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "claimdesk-structured-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = join(root, name);
  writeFileSync(file, content);
  return file;
}

async function all(events: AsyncIterable<InputEvent>): Promise<InputEvent[]> {
  const out: InputEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** Records as [line, body] and failures as [line, reason]. */
const lines = (events: InputEvent[]) =>
  events.map((e) =>
    e.kind === "record" && e.record.kind === "fields"
      ? ["record", e.record.line, e.record.fields.body]
      : e.kind === "invalid"
        ? ["invalid", e.line, e.reason]
        : [e.kind],
  );

describe("readLines", () => {
  it("splits on LF and CRLF across chunk boundaries and numbers lines from 1", async () => {
    const stream = Readable.from([Buffer.from("ab\r\nc"), Buffer.from("d\n\nlast")]);
    const got: [number, string | null][] = [];
    for await (const l of readLines(stream, 100)) got.push([l.line, l.bytes?.toString() ?? null]);
    expect(got).toEqual([
      [1, "ab"],
      [2, "cd"],
      [3, ""],
      [4, "last"],
    ]);
  });

  it("reports an over-long line without keeping it, then carries on", async () => {
    const stream = Readable.from([
      Buffer.from("short\n"),
      Buffer.from("x".repeat(30)),
      Buffer.from("y\nok\n"),
    ]);
    const got = [];
    for await (const l of readLines(stream, 10))
      got.push(l.tooLong ? [l.line, "too long"] : [l.line, l.bytes.toString()]);
    expect(got).toEqual([
      [1, "short"],
      [2, "too long"],
      [3, "ok"],
    ]);
  });
});

describe("readJsonl", () => {
  it("yields one record per object line and reports each bad line with its number", async () => {
    const file = write(
      "a.jsonl",
      Buffer.concat([
        Buffer.from(
          [
            JSON.stringify({ id: 1, title: "One", body: "First body." }),
            "",
            '{"id": 2, "body": "unterminated',
            "[1, 2]",
            JSON.stringify({ id: 3, title: "No body" }),
            JSON.stringify({ id: 4, body: "Fourth body." }),
          ]
            .join("\n")
            .concat("\n"),
        ),
        Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a]), // {"body":"\xff"}
      ]),
    );
    expect(lines(await all(readJsonl(file, false, {})))).toEqual([
      ["record", 1, "First body."],
      ["invalid", 3, expect.stringMatching(/^malformed JSON: /)],
      ["invalid", 4, "not a JSON object: the line holds an array"],
      ["invalid", 5, expect.stringMatching(/^no body field: none of body, text/)],
      ["record", 6, "Fourth body."],
      ["invalid", 7, "invalid UTF-8 in the line"],
    ]);
  });

  it("reads gzipped files and applies the field map", async () => {
    const file = write(
      "b.jsonl.gz",
      gzipSync(
        `${JSON.stringify({ headline: "H", articleBody: "Body.", link: "https://x.test/a" })}\n`,
      ),
    );
    const map: FieldMap = { title: "headline" };
    const [event] = await all(readJsonl(file, true, map));
    expect(event).toEqual({
      kind: "record",
      record: {
        kind: "fields",
        file,
        line: 1,
        // The file's name without ".jsonl.gz": where its record ids are unique.
        collection: "b",
        fields: {
          externalId: null,
          title: "H",
          body: "Body.",
          url: "https://x.test/a",
          publisher: null,
          publishedAt: null,
          byline: null,
        },
      },
    });
  });
});

describe("readCsv", () => {
  it("numbers rows by the line they start on, multi-line quoted fields included", async () => {
    const file = write(
      "a.csv",
      '\uFEFFBody ID,articleBody\n1,"First line.\n\nSecond paragraph."\n2,Short body.\n3,Too,many\n4\n5,\n',
    );
    expect(lines(await all(readCsv(file, false, {})))).toEqual([
      ["record", 2, "First line.\n\nSecond paragraph."],
      ["record", 5, "Short body."],
      ["invalid", 6, "wrong column count: 3 columns, the header has 2"],
      ["invalid", 7, "wrong column count: 1 columns, the header has 2"],
      ["invalid", 8, 'empty body: field "articleBody" is missing or blank'],
    ]);
  });

  it("reports broken quoting as a malformed row with its line", async () => {
    const file = write("b.csv", 'id,body\n1,Good.\n2,"bad"x\n');
    // csv-parse resumes inside the broken quote, so the end of the file is reported too.
    expect(lines(await all(readCsv(file, false, {})))).toEqual([
      ["record", 2, "Good."],
      ["invalid", 3, expect.stringMatching(/^malformed CSV: Invalid Closing Quote/)],
      ["invalid", 3, expect.stringMatching(/^malformed CSV: Quote Not Closed/)],
    ]);
  });

  it("reports invalid UTF-8 in a row", async () => {
    const file = write(
      "c.csv",
      Buffer.concat([
        Buffer.from("id,body\n1,Caf"),
        Buffer.from([0xe9]),
        Buffer.from("\n2,Fine.\n"),
      ]),
    );
    expect(lines(await all(readCsv(file, false, {})))).toEqual([
      ["invalid", 2, "invalid UTF-8 in the row (or a U+FFFD replacement character)"],
      ["record", 3, "Fine."],
    ]);
  });

  it("reports a file without a body column once, as unreadable", async () => {
    const file = write("stances.csv", "Headline,Body ID,Stance\nH,1,agree\nH,2,discuss\n");
    const events = await all(readCsv(file, false, {}));
    expect(events).toEqual([
      {
        kind: "unreadable",
        path: file,
        reason: expect.stringMatching(/^no body field: .* among "Headline", "Body ID", "Stance"/),
      },
    ]);
  });

  it("reads gzipped CSV with --map", async () => {
    const file = write("d.csv.gz", gzipSync("headline,story\nH,The story.\n"));
    const events = await all(readCsv(file, true, { title: "headline", body: "story" }));
    expect(
      events.map((e) => e.kind === "record" && e.record.kind === "fields" && e.record.fields),
    ).toEqual([expect.objectContaining({ title: "H", body: "The story." })]);
  });
});
