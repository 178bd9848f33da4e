/**
 * CSV formula injection (OWASP "CSV Injection"): a cell a spreadsheet would read as a formula is
 * written with a leading apostrophe; the canonical JSONL keeps every value exactly.
 * Through the real export path (writeExport to a file) on a migrated test database.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createClaim,
  createSource,
  propositions,
  submitArticle,
  upsertAnnotation,
} from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../test-fixture";
import { writeExport } from "../write-export";
import { CSV_COLUMNS, neutraliseFormula } from "./csv";

const HYPERLINK = '=HYPERLINK("http://evil.example","src")';
const TEXT = "-2+3 was the score, the coach said. @SUM(A1) is fine.";

let fx: Fixture;
let dir: string;
let claimId: number;
beforeEach(() => {
  fx = buildFixture();
  dir = mkdtempSync(join(tmpdir(), "claimdesk-csv-"));
  const source = createSource(fx.db, { name: HYPERLINK, kind: "named_person" }, fx.analysts.ana);
  const proposition = fx.db
    .insert(propositions)
    .values({ text: "+cmd|' /C calc'!A0" })
    .returning()
    .get().id;
  const article = insertTestArticle(fx.db, {
    text: TEXT,
    title: "\tTabbed =title",
    publisher: "@Publisher",
  });
  claimId = createClaim(
    fx.db,
    {
      articleId: article.id,
      content: spanOf(TEXT, "-2+3 was the score"),
      sourceMention: spanOf(TEXT, "the coach"),
      cue: spanOf(TEXT, "said"),
      sourceId: source.id,
      propositionId: proposition,
    },
    fx.analysts.ana,
  ).id;
  upsertAnnotation(fx.db, {
    claimId,
    analystId: fx.analysts.ana,
    values: { note: "\r=1+1", verdict: "supported" },
  });
  // Ana's hand-made claim is in the gold layer (what exports read) once she submits it.
  submitArticle(fx.db, { articleId: article.id, analystId: fx.analysts.ana });
});
afterEach(() => {
  fx.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportFile(format: "csv" | "jsonl"): Promise<string> {
  const out = join(dir, `claims.${format}`);
  await writeExport(fx.db, { format, filter: {}, out, claimdeskVersion: "test" });
  return readFileSync(out, "utf8");
}

describe("neutraliseFormula", () => {
  it("prefixes an apostrophe to text starting with = + - @ tab or carriage return", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    for (const ok of ["Officials", "a=b", " =1", "", "'=1", "1-2"])
      expect(neutraliseFormula(ok)).toBe(ok);
  });
});

describe("CSV export", () => {
  it("writes no cell a spreadsheet would run as a formula", async () => {
    const csv = await exportFile("csv");
    const rows = parse(csv, { columns: true }) as Record<(typeof CSV_COLUMNS)[number], string>[];
    const row = rows.find((r) => r.claim_id === String(claimId));
    expect(row).toBeDefined();
    expect(row?.source_name).toBe(`'${HYPERLINK}`);
    expect(row?.content_text).toBe("'-2+3 was the score");
    expect(row?.article_title).toBe("'\tTabbed =title");
    expect(row?.article_publisher).toBe("'@Publisher");
    expect(row?.proposition_text).toBe("'+cmd|' /C calc'!A0");
    // The whole file: no cell of any row starts with a formula character.
    for (const r of rows)
      for (const column of CSV_COLUMNS)
        expect(r[column], `${column} of claim ${r.claim_id}`).not.toMatch(/^[=+\-@\t\r]/);
    // The JSON column is JSON: the note inside it is data, not a cell.
    expect(JSON.parse(row?.annotations_json ?? "[]")[0].note).toBe("\r=1+1");
  });

  it("keeps the canonical JSONL exact", async () => {
    const lines = (await exportFile("jsonl"))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const jsonl = JSON.stringify(lines);
    expect(jsonl).toContain(JSON.stringify(HYPERLINK));
    expect(jsonl).toContain(JSON.stringify("-2+3 was the score"));
    expect(jsonl).toContain(JSON.stringify("@Publisher"));
    expect(jsonl).toContain(JSON.stringify("\r=1+1"));
    expect(jsonl).not.toContain(JSON.stringify(`'${HYPERLINK}`));
  });
});
