import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClaim, submitArticle } from "@claimdesk/db";
import { insertTestArticle } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "./test-fixture";
import { writeExport } from "./write-export";

let fx: Fixture;
let dir: string;
beforeEach(() => {
  fx = buildFixture();
  dir = mkdtempSync(join(tmpdir(), "claimdesk-export-"));
});
afterEach(() => {
  fx.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("writeExport", () => {
  it("writes one file and nothing else", async () => {
    const out = join(dir, "claims.jsonl");
    const result = await writeExport(fx.db, {
      format: "jsonl",
      filter: {},
      out,
      claimdeskVersion: "test",
    });
    expect(result.files).toEqual([out]);
    expect(readdirSync(dir)).toEqual(["claims.jsonl"]);
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(4);
  });

  it("leaves no partial file behind when the export fails midway", async () => {
    const out = join(dir, "claims.jsonl");
    // Break the query the export runs: it fails after the temporary file was opened.
    fx.db.$client.exec("alter table propositions rename to propositions_gone");
    await expect(
      writeExport(fx.db, { format: "jsonl", filter: {}, out, claimdeskVersion: "test" }),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("splits by article into a folder with a dataset card", async () => {
    for (let i = 0; i < 60; i++) {
      const text = `Officials said item ${i} was fine. More text ${i}.`;
      const article = insertTestArticle(fx.db, { text, publisher: "Bulk" });
      createClaim(
        fx.db,
        {
          articleId: article.id,
          content: {
            start: 15,
            end: text.indexOf(" was fine") + 9,
            exact: text.slice(15, text.indexOf(" was fine") + 9),
          },
        },
        fx.analysts.ana,
      );
      // Exports read the gold layer: Ana's hand-made claim is in it once she submits.
      submitArticle(fx.db, { articleId: article.id, analystId: fx.analysts.ana });
    }
    const out = join(dir, "dataset");
    const result = await writeExport(fx.db, {
      format: "jsonl",
      filter: {},
      out,
      split: { ratios: [60, 20, 20], seed: 42 },
      claimdeskVersion: "v-test",
      exportedAt: new Date("2026-01-02T03:04:05Z"),
    });
    expect(readdirSync(out).sort()).toEqual([
      "README.md",
      "dev.jsonl",
      "test.jsonl",
      "train.jsonl",
    ]);
    const seen = new Map<string, string>();
    let total = 0;
    for (const split of ["train", "dev", "test"]) {
      const lines = readFileSync(join(out, `${split}.jsonl`), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      total += lines.length;
      expect(lines.length).toBeGreaterThan(0);
      const firsts = new Set<string>();
      for (const line of lines) {
        const sha = line.article.textSha256 as string;
        expect(seen.get(sha) ?? split).toBe(split); // no article in two splits
        seen.set(sha, split);
        if (!firsts.has(sha)) expect(line.article.text).toEqual(expect.any(String));
        firsts.add(sha);
      }
    }
    expect(total).toBe(64);
    expect(result.stats.total.articles).toBe(62);

    const card = readFileSync(join(out, "README.md"), "utf8");
    expect(card).toContain("Claimdesk version: v-test");
    expect(card).toContain("Exported: 2026-01-02T03:04:05.000Z");
    expect(card).toContain("claimdesk-claim.v1");
    expect(card).toContain("seed 42");
    expect(card).toContain("| `almost_certain` | Almost certain | 95–99 % | 0 |");
    expect(card).toContain("| `supported` | Supported |");
    expect(card).toContain("| `SUPPORTS` | `supported` | 1 |");

    // Same seed, same split.
    const again = join(dir, "again");
    await writeExport(fx.db, {
      format: "jsonl",
      filter: {},
      out: again,
      split: { ratios: [60, 20, 20], seed: 42 },
      claimdeskVersion: "v-test",
    });
    for (const split of ["train", "dev", "test"])
      expect(readFileSync(join(again, `${split}.jsonl`), "utf8")).toBe(
        readFileSync(join(out, `${split}.jsonl`), "utf8"),
      );
  });

  it("refuses to write a split into an existing folder", async () => {
    await expect(
      writeExport(fx.db, {
        format: "csv",
        filter: {},
        out: dir,
        split: { ratios: [8, 1, 1], seed: 1 },
        claimdeskVersion: "t",
      }),
    ).rejects.toThrow(/already exists/);
    expect(existsSync(join(dir, "train.csv"))).toBe(false);
  });
});
