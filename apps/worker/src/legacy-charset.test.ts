/**
 * A plain-text article in a legacy charset (windows-1252, no BOM, no declaration), as older corpora
 * are, imported through the real CLI: detected and reported, or read as `--encoding` says.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkerCli } from "./test-support/worker-cli";

const TEXT =
  "Café owners protest new rules\n\n" +
  "“We will not accept these rules,” the association’s président, Zoë Müller, told reporters " +
  "on Tuesday. The city’s mayor said the fees — 5 € a day — would stay.\n";

/** windows-1252 bytes: Latin-1 for U+00A0–U+00FF, 0x80–0x9F for € ’ “ ” —. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { "€": 0x80, "’": 0x92, "“": 0x93, "”": 0x94, "—": 0x97 };
  return Buffer.from(
    Array.from(text, (c) => {
      const code = high[c] ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in windows-1252: ${c}`);
      return code;
    }),
  );
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-charset-"));
  const bytes = windows1252(TEXT);
  // The bytes really are legacy: 0xE9 (é), 0x92 (’), 0x93/0x94 (“ ”) and not valid UTF-8.
  expect([...bytes]).toEqual(expect.arrayContaining([0xe9, 0x92, 0x93, 0x94]));
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
  writeFileSync(join(dir, "cafe.txt"), bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storedText = (db: string) => {
  const client = openDb({ path: db, readonly: true }).$client;
  try {
    return client.prepare("select title, text, language from articles").all() as {
      title: string;
      text: string;
      language: string | null;
    }[];
  } finally {
    client.close();
  }
};

describe("importing a windows-1252 text file", { timeout: 120_000 }, () => {
  it("detects the charset, imports the text intact and says what it assumed", () => {
    const db = join(dir, "detected.db");
    const run = runWorkerCli(["import", "--no-progress", join(dir, "cafe.txt")], { db });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported 1 article");
    expect(run.stdout).toContain(", 0 failed;");
    expect(run.stdout).toMatch(
      /Read by assumption \(1 record\):\n {2}\S*cafe\.txt {2}assumed windows-1252 \(detected, confidence 0\.\d\d; --encoding to override\)/,
    );
    const [article] = storedText(db);
    expect(article?.title).toBe("Café owners protest new rules");
    expect(article?.text).toContain(
      "“We will not accept these rules,” the association’s président",
    );
    expect(article?.text).toContain("5 € a day");
    expect(article?.language).toBe("en");
  });

  it("--encoding reads it as told, with nothing assumed", () => {
    const db = join(dir, "forced.db");
    const run = runWorkerCli(
      ["import", "--no-progress", "--json", "--encoding", "windows-1252", join(dir, "cafe.txt")],
      { db },
    );
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { imported: number; assumedCount: number };
    expect(summary).toMatchObject({ imported: 1, assumedCount: 0 });
    expect(storedText(db)[0]?.text).toContain("Zoë Müller");
  });

  it("--encoding utf-8 still refuses the bytes, naming the first bad one", () => {
    const db = join(dir, "utf8.db");
    const run = runWorkerCli(
      ["import", "--no-progress", "--encoding", "utf-8", join(dir, "cafe.txt")],
      { db },
    );
    expect(run.stdout).toMatch(
      /cafe\.txt {2}cannot decode: Invalid UTF-8 at byte offset 3 \(byte 0xe9\)/,
    );
    expect(storedText(db)).toEqual([]);
  });

  it("an unknown --encoding is refused before anything is read", () => {
    const run = runWorkerCli(["import", "--encoding", "klingon-8", join(dir, "cafe.txt")], {
      db: join(dir, "none.db"),
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Unknown character encoding "klingon-8"');
  });
});
