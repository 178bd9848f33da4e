import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type InputEvent, readInputs } from "./read-inputs";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "claimdesk-read-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function collect(paths: string[]): Promise<InputEvent[]> {
  const events: InputEvent[] = [];
  for await (const event of readInputs(paths)) events.push(event);
  return events;
}

/** Events without the bytes, which are checked separately. */
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
    write("README", "no extension");
    write(".hidden.txt", "tooling");
    write(".git/HEAD.txt", "tooling");
    mkdirSync(join(root, "empty"));

    const events = await collect([root]);
    expect(brief(events)).toEqual([
      { kind: "skipped", file: join(root, "README"), extension: "(none)" },
      { kind: "record", file: join(root, "a.md"), line: null },
      { kind: "record", file: join(root, "b.txt"), line: null },
      { kind: "skipped", file: join(root, "notes.pdf"), extension: ".pdf" },
      { kind: "record", file: join(root, "sub/c.txt"), line: null },
      { kind: "record", file: join(root, "sub/z/d.TXT"), line: null },
    ]);
    const first = events[1];
    expect(first?.kind === "record" && Buffer.from(first.record.bytes).toString()).toBe("A");
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
