import { join } from "node:path";
import { findRepoRoot } from "@claimdesk/db";
import type { TProcessedArticle } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { type ProcessedRecord, processRecord } from "./process-record";
import { type InputEvent, type ReadOptions, readInputs } from "./read-inputs";

// The shared corpora next to the repo, read in place (never copied in).
const CORPORA = join(findRepoRoot(import.meta.dirname), "..", "shared", "corpora");

interface Outcome {
  events: InputEvent[];
  articles: TProcessedArticle[];
  failures: { file: string; line: number | null; reason: string }[];
}

/** Reads (up to `limit` records of) a corpus and processes every record. */
async function importDry(
  name: string,
  options: ReadOptions = {},
  limit = Infinity,
): Promise<Outcome> {
  const out: Outcome = { events: [], articles: [], failures: [] };
  let records = 0;
  for await (const event of readInputs([join(CORPORA, name)], options)) {
    out.events.push(event);
    if (event.kind !== "record") continue;
    const result: ProcessedRecord = processRecord(event.record);
    if (result.ok) out.articles.push(result.article);
    else
      out.failures.push({
        file: event.record.file,
        line: event.record.line,
        reason: result.reason,
      });
    if (++records >= limit) break;
  }
  return out;
}

const kinds = (events: InputEvent[]) => {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
};

describe("the shared corpora import with at most one flag", { timeout: 120_000 }, () => {
  it("reuters-21578 (JSONL.gz): NEWID, ISO dates, no sign-off, bodiless records reported by line", async () => {
    const { events, articles, failures } = await importDry("reuters-21578", {}, 300);
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(300);
    expect(articles[0]).toMatchObject({
      externalId: "1",
      title: "BAHIA COCOA REVIEW",
      publishedAt: "1987-02-26T15:01:01.790",
    });
    expect(
      articles[0]?.text.startsWith("Showers continued throughout the week in the Bahia cocoa zone"),
    ).toBe(true);
    for (const a of articles) {
      expect(a.text.length).toBeGreaterThan(0);
      expect(a.text).not.toMatch(/\n\s*Reuter$/);
    }
    const invalid = events.filter((e) => e.kind === "invalid");
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid[0]).toEqual({
      kind: "invalid",
      file: join(CORPORA, "reuters-21578", "reuters-21578.jsonl.gz"),
      line: 30,
      reason: 'empty body: field "body" is missing or blank',
    });
  });

  it("bbc-news-2225 (JSONL.gz): id and title", async () => {
    const { articles, failures } = await importDry("bbc-news-2225", {}, 300);
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(300);
    expect(articles[0]).toMatchObject({
      externalId: "business/001",
      title: "Ad sales boost Time Warner profit",
    });
    expect(
      articles[0]?.text.startsWith("Quarterly profits at US media giant TimeWarner jumped 76%"),
    ).toBe(true);
    expect(articles.every((a) => a.title !== null && a.text.length > 0)).toBe(true);
  });

  it("fnc-1 (CSV): every body by Body ID; the stances file is reported, not imported row by row", async () => {
    const { events, articles, failures } = await importDry("fnc-1");
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(904);
    expect(articles[0]).toMatchObject({
      externalId: "1",
      text: "Al-Sisi has denied Israeli reports stating that he offered to extend the Gaza Strip.",
    });
    expect(kinds(events)).toEqual({ record: 904, unreadable: 1 });
    const unreadable = events.find((e) => e.kind === "unreadable");
    expect(unreadable?.kind === "unreadable" && unreadable.path).toBe(
      join(CORPORA, "fnc-1", "competition_test_stances.csv"),
    );
  });

  it("polnear (JSONL.gz): one line per annotator, the same text hashes the same (deduped on write)", async () => {
    const { articles, failures } = await importDry("polnear", {}, 200);
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(200);
    expect(articles[0]).toMatchObject({
      publisher: "breitbart",
      publishedAt: "2015-11-11",
      byline: "Virgil",
      title: "The Ninth Circle: The Hellish View from Inside the Beltway, #2",
    });
    const hashesById = new Map<string, Set<string>>();
    for (const a of articles) {
      const set = hashesById.get(a.externalId ?? "") ?? new Set();
      set.add(a.textSha256);
      hashesById.set(a.externalId ?? "", set);
    }
    expect(hashesById.size).toBeLessThan(articles.length); // some articles have several annotators
    for (const hashes of hashesById.values()) expect(hashes.size).toBe(1);
  });

  it("article-extraction-benchmark (html/*.html.gz): all 50 pages; the JSON files are skipped", async () => {
    const { events, articles, failures } = await importDry("article-extraction-benchmark");
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(50);
    expect(kinds(events)).toEqual({ record: 50, skipped: 3 });
    expect(articles.every((a) => a.title !== null && a.text.length > 200)).toBe(true);
    expect(articles.filter((a) => a.url?.startsWith("http")).length).toBeGreaterThan(40);
  });

  it("trafilatura-eval (html/*.html): all 58 pages", async () => {
    const { articles, failures } = await importDry("trafilatura-eval");
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(58);
    expect(articles.every((a) => a.text.length > 0)).toBe(true);
  });

  it("readability-test-pages with --exclude 'expected*.html': the 20 source pages only", async () => {
    const { events, articles, failures } = await importDry("readability-test-pages", {
      exclude: ["expected*.html"],
    });
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(20);
    const files = events.flatMap((e) => (e.kind === "record" ? [e.record.file] : []));
    expect(files.every((f) => f.endsWith("/source.html"))).toBe(true);
    // expected-metadata.json is passed over for its format.
    expect(kinds(events)).toEqual({ record: 20, skipped: 20 });
    const bbc = articles.find((a) => a.url === "http://www.bbc.com/news/world-us-canada-33646704");
    expect(bbc?.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(bbc?.text).not.toMatch(/Skip to content|Share this story|Top Stories/);
    const nyt = articles.find((a) => a.title === "United States to Lift Sudan Sanctions");
    expect(nyt?.text).not.toMatch(/^Photo$|Continue reading the main story/m);
  });
});
