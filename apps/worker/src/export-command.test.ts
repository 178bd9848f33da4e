/**
 * The export command end to end: the real CLI (tsx, as `pnpm worker` runs it) on a migrated
 * database file. CSV is parsed back with csv-parse (quotes, commas and newlines survive); bad
 * formats and filters fail with a clear message, a non-zero exit and no file left behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaim, openDb, submitArticle, upsertAnnotation, users } from "@claimdesk/db";
import { migrateDb } from "@claimdesk/db/migrate";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyExportReason, parseExportOptions } from "./export-command";
import { runWorkerCli } from "./test-support/worker-cli";

const TEXT =
  'The minister said "prices, frankly, will fall"\nby June. Critics, in turn, warned of "chaos" 😀.';

let dir: string;
let dbPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-export-cli-"));
  dbPath = join(dir, "claims.db");
  const db = openDb({ path: dbPath });
  migrateDb(db);
  const ana = db.insert(users).values({ name: "Ana, the analyst" }).returning().get().id;
  const article = insertTestArticle(db, {
    text: TEXT,
    title: 'Prices "fall"',
    publisher: "Wire, Inc.",
    publishedAt: "2024-05-01",
  });
  const c1 = createClaim(
    db,
    {
      articleId: article.id,
      content: spanOf(TEXT, 'prices, frankly, will fall"\nby June'),
      sourceMention: spanOf(TEXT, "The minister"),
      cue: spanOf(TEXT, "said"),
      quoteType: "mixed",
    },
    ana,
  );
  createClaim(
    db,
    { articleId: article.id, content: spanOf(TEXT, 'of "chaos" 😀'), cue: spanOf(TEXT, "warned") },
    ana,
  );
  upsertAnnotation(db, {
    claimId: c1.id,
    analystId: ana,
    values: {
      verdict: "refuted",
      likelihood: "unlikely",
      note: 'said "no",\nthen yes',
      tags: ["x"],
    },
  });
  // Exports read the gold layer: Ana's claims are in it once she submits the article.
  submitArticle(db, { articleId: article.id, analystId: ana });
  db.$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function worker(...args: string[]) {
  return runWorkerCli(args, { db: dbPath, cwd: dir });
}

describe("claimdesk-worker export", { timeout: 60_000 }, () => {
  it("writes CSV that parses back to the same values", () => {
    const run = worker("export", "--format", "csv", "--out", "out/claims.csv");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Exported 2 csv records \(2 claims, 1 articles\)/);
    const rows = parse(readFileSync(join(dir, "out/claims.csv"), "utf8"), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]?.content_text).toBe('prices, frankly, will fall"\nby June');
    expect(rows[0]?.article_title).toBe('Prices "fall"');
    expect(rows[0]?.article_publisher).toBe("Wire, Inc.");
    expect(rows[0]?.fever_label).toBe("REFUTES");
    expect(rows[0]?.consensus_likelihood).toBe("unlikely");
    const annotations = JSON.parse(rows[0]?.annotations_json ?? "[]") as { note: string }[];
    expect(annotations[0]?.note).toBe('said "no",\nthen yes');
    expect(rows[1]?.content_text).toBe('of "chaos" 😀');
    expect(rows[1]?.annotation_count).toBe("0");
    expect(readdirSync(join(dir, "out"))).toEqual(["claims.csv"]);
  });

  it("adds each claim's audit history with --with-history (jsonl)", () => {
    const run = worker("export", "--with-history", "--status", "accepted");
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { history?: { entity: string; action: string }[] });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line.history).toContainEqual(
        expect.objectContaining({ entity: "claim", action: "create" }),
      );
    expect(worker("export").stdout).not.toContain('"history"');
  });

  it("adds every analyst's layer with --layers (jsonl only)", () => {
    const run = worker("export", "--layers");
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            claim: { status: string; origin: string };
            inGoldLayer?: boolean;
            layers?: {
              analyst: { name: string } | null;
              status: string;
              submittedAt: string | null;
            }[];
          },
      );
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      // Ana's hand-made claims: the proposal as she made it, then her submitted layer; gold holds them.
      expect(line.inGoldLayer).toBe(true);
      expect(line.claim).toMatchObject({ status: "accepted", origin: "analyst" });
      expect(line.layers?.map((l) => [l.analyst?.name ?? null, l.status])).toEqual([
        [null, "accepted"],
        ["Ana, the analyst", "accepted"],
      ]);
      expect(line.layers?.[1]?.submittedAt).toEqual(expect.any(String));
    }
    expect(worker("export").stdout).not.toContain('"layers"');
    const csv = worker("export", "--layers", "--format", "csv", "--out", "bad/l.csv");
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain("--layers applies to the canonical JSONL");
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });

  it("writes to stdout with --out - and applies filters", () => {
    const run = worker(
      "export",
      "--format",
      "fever",
      "--status",
      "accepted",
      "--from",
      "2024-01-01",
    );
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ label: "REFUTES", claim: 'prices, frankly, will fall"\nby June' }),
    ]);
    const none = worker("export", "--publisher", "Nobody");
    expect({ code: none.code, stdout: none.stdout }).toEqual({ code: 0, stdout: "" });
  });

  it("says so when FEVER or ClaimReview has nothing to write, rather than leave a silent empty file", () => {
    // The "chaos" claim has no annotation: no verdict, no likelihood.
    const fever = worker("export", "--format", "fever", "--query", "chaos", "--out", "out/f.jsonl");
    expect(fever.code).toBe(0);
    expect(fever.stderr).toBe(
      `0 records: no claim has a verdict (only reviewed claims by default; --all adds the suggestions) (1 claim selected); empty: ${join(dir, "out/f.jsonl")}\n`,
    );
    const review = worker("export", "--format", "claimreview", "--query", "chaos");
    expect({ code: review.code, stdout: review.stdout }).toEqual({ code: 0, stdout: "" });
    expect(review.stderr).toBe(
      "0 records: no claim has a verdict or a likelihood (only reviewed claims by default; --all adds the suggestions) (1 claim selected); nothing was written\n",
    );
    // With --all (or an explicit status) there is nothing to hint at.
    expect(emptyExportReason("jsonl", 0)).toBe("0 records: no claim matches the selection");
    expect(emptyExportReason("jsonl", 0, true)).toBe(
      "0 records: no claim matches the selection (only reviewed claims by default; --all adds the suggestions)",
    );
    expect(emptyExportReason("csv", 3, true)).toBeNull();
  });

  it("fails clearly on an unknown format or a bad filter, leaving no file", () => {
    const format = worker("export", "--format", "xml", "--out", "bad/x.out");
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('Unknown export format "xml"');
    const status = worker("export", "--status", "maybe", "--out", "bad/x.out");
    expect(status.code).toBe(1);
    expect(status.stderr).toContain("Invalid filter");
    const date = worker("export", "--to", "June", "--out", "bad/x.out");
    expect(date.code).toBe(1);
    expect(date.stderr).toContain("ISO date");
    const split = worker("export", "--split", "80/20", "--out", "bad/s");
    expect(split.code).toBe(1);
    expect(split.stderr).toContain("80/10/10");
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });

  it("writes a split folder with a dataset card", () => {
    const run = worker(
      "export",
      "--format",
      "claimreview",
      "--split",
      "1/0/0",
      "--seed",
      "9",
      "--out",
      "ds",
    );
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, "ds")).sort()).toEqual([
      "README.md",
      "dev.claimreview.jsonl",
      "test.claimreview.jsonl",
      "train.claimreview.jsonl",
    ]);
    const review = JSON.parse(readFileSync(join(dir, "ds/train.claimreview.jsonl"), "utf8"));
    expect(review).toMatchObject({ "@type": "ClaimReview", reviewRating: { ratingValue: 3 } });
    expect(readFileSync(join(dir, "ds/README.md"), "utf8")).toContain(
      "| train | train.claimreview.jsonl | 1 | 2 | 1 |",
    );
  });
});

describe("parseExportOptions", () => {
  it("maps CLI options onto the claims table's filter", () => {
    const parsed = parseExportOptions({
      format: "webanno",
      out: "x",
      seed: "3",
      split: "8/1/1",
      status: ["accepted"],
      sourceId: ["4", "5"],
      stance: ["deny"],
      publisher: ["Wire, Inc."],
      from: "2024-01-01",
      query: "dam",
    });
    expect(parsed).toEqual({
      format: "webanno",
      filter: {
        status: ["accepted"],
        sourceId: [4, 5],
        sourceStance: ["deny"],
        publisher: ["Wire, Inc."],
        dateFrom: "2024-01-01",
        query: "dam",
      },
      split: { ratios: [8, 1, 1], seed: 3 },
    });
    expect(() =>
      parseExportOptions({ format: "csv", out: "-", seed: "1", sourceId: ["x"] }),
    ).toThrow(/sourceId/);
    // Without a status filter: the reviewed claims only, unless --all.
    expect(parseExportOptions({ format: "jsonl", out: "-", seed: "0", withHistory: true })).toEqual(
      {
        format: "jsonl",
        filter: { status: ["accepted", "rejected"] },
        reviewedOnly: true,
        includeHistory: true,
      },
    );
    expect(
      parseExportOptions({ format: "jsonl", out: "-", seed: "0", withHistory: true, all: true }),
    ).toEqual({ format: "jsonl", filter: {}, includeHistory: true });
    expect(() =>
      parseExportOptions({ format: "csv", out: "-", seed: "0", withHistory: true }),
    ).toThrow(/--with-history/);
    expect(
      parseExportOptions({ format: "jsonl", out: "-", seed: "0", layers: true, all: true }),
    ).toEqual({
      format: "jsonl",
      filter: {},
      layers: true,
    });
    expect(() =>
      parseExportOptions({ format: "fever", out: "-", seed: "0", layers: true }),
    ).toThrow(/--layers applies to the canonical JSONL/);
  });
});
