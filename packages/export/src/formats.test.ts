import {
  adjudicate,
  createSource,
  type ExportClaim,
  iterateExportClaims,
  propositions,
  users,
} from "@claimdesk/db";
import { insertTestArticle } from "@claimdesk/db/testing";
import {
  type TAdjudicationValues,
  ZCanonicalClaimLineSchema,
  ZCanonicalLineSchema,
} from "@claimdesk/types";
import jsonld from "jsonld";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codePointConverter } from "./code-points";
import { offlineDocumentLoader } from "./document-loader";
import { ExportStats } from "./export-stats";
import { toCanonicalLine } from "./formats/canonical-jsonl";
import { toClaimReview } from "./formats/claimreview";
import { toFeverRecord } from "./formats/fever";
import { toWebAnnotation } from "./formats/web-annotation";
import { buildFixture, EMOJI_TEXT, type Fixture, submitAll } from "./test-fixture";
import { exportChunks } from "./write-export";

let fx: Fixture;
let claims: ExportClaim[];
beforeEach(() => {
  fx = buildFixture();
  claims = [...iterateExportClaims(fx.db, {})];
});
afterEach(() => fx.db.$client.close());

const OA = "http://www.w3.org/ns/oa#";

const NO_JUDGEMENT: TAdjudicationValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

describe("iterateExportClaims", () => {
  it("streams every claim in article order with source, proposition and all annotations", () => {
    expect(claims.map((c) => c.id)).toEqual(fx.claimIds);
    const [c1, c2] = claims;
    expect(c1?.source?.name).toBe("The Pentagon");
    expect(c1?.source?.aliases).toEqual(["DoD"]);
    expect(c1?.proposition?.text).toBe("The Mosul dam is safe");
    expect(c1?.annotations.map((a) => a.analyst.name)).toEqual(["Ana Analyst", "Ben Reviewer"]);
    expect(c1?.annotations[0]?.tags).toEqual(["dam", "iraq"]);
    expect(c2?.parentClaimId).toBe(c1?.id);
    expect(c2?.annotations).toEqual([]);
  });

  it("selects with the claims table's filter", () => {
    const ids = (f: Parameters<typeof iterateExportClaims>[1]) =>
      [...iterateExportClaims(fx.db, f)].map((c) => c.id);
    expect(ids({ publisher: ["Daily"] })).toEqual(fx.claimIds.slice(2));
    expect(ids({ query: "prices" })).toEqual(fx.claimIds.slice(2));
    expect(ids({ dateFrom: "2024-03-01" })).toEqual(fx.claimIds.slice(2));
    // The judgement facets read the gold layer: drafts select nothing.
    expect(ids({ tag: ["iraq"] })).toEqual([]);
    expect(ids({ likelihood: ["unlikely"] })).toEqual([]);
    expect(ids({ status: ["accepted"] })).toEqual([]);
    submitAll(fx);
    // Claim 3: only Ana decided (accepted, unlikely): gold. Claims 1 and 4 are disputed (the
    // likelihood, the verdict): no gold row until an adjudicator decides.
    expect(ids({ likelihood: ["unlikely"] })).toEqual(fx.claimIds.slice(2, 3));
    expect(ids({ status: ["accepted"] })).toEqual(fx.claimIds.slice(2, 3));
    expect(ids({ tag: ["iraq"] })).toEqual([]);
    const judy = fx.db
      .insert(users)
      .values({ name: "Judy", role: "adjudicator" })
      .returning()
      .get().id;
    adjudicate(
      fx.db,
      {
        claimId: fx.claimIds[0] as number,
        values: { ...NO_JUDGEMENT, likelihood: "likely" },
        decidedFields: ["likelihood"],
        note: null,
        version: null,
      },
      judy,
    );
    // Gold now holds claim 1; the tag filter matches the submitted annotations' tags behind it.
    expect(ids({ tag: ["iraq"] })).toEqual(fx.claimIds.slice(0, 1));
    expect(ids({ likelihood: ["likely"] })).toEqual(fx.claimIds.slice(0, 1));
    expect(ids({ likelihood: ["very_likely"] })).toEqual([]);
  });
});

describe("canonical JSONL", () => {
  it("matches the zod schema and carries each article's text on its first line only", () => {
    const lines = claims.map((c, i) => toCanonicalLine(c, i === 0 || i === 2));
    for (const line of lines) ZCanonicalClaimLineSchema.parse(JSON.parse(JSON.stringify(line)));
    expect(lines[0]?.article.text).toBe(EMOJI_TEXT);
    expect(lines[1]?.article.text).toBeUndefined();
    expect(lines[0]?.adjudicated).toBeNull();
    const content = lines[0]?.spans.content;
    expect(content?.exact).toBe("the dam, at 𝔐osul, is safe");
    expect(EMOJI_TEXT.slice(content?.start, content?.end)).toBe(content?.exact);
    expect(content?.prefix).toBe('😀🎉 Officials said "');
    expect(content?.suffix.startsWith('" on Tuesday.\nResidents')).toBe(true);
  });

  it("streams the same lines through exportChunks", () => {
    const stats = new ExportStats();
    const text = [...exportChunks(fx.db, { format: "jsonl", filter: {} }, stats)].join("");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.article.text !== undefined)).toHaveLength(2);
    expect(stats.total).toEqual({ articles: 2, claims: 4, records: 4 });
    expect(stats.count("verdict", "supported")).toBe(3);
  });

  it("adds article, source and proposition lines for what no claim carries, unfiltered only", () => {
    insertTestArticle(fx.db, { text: "An article nobody quoted.", title: "Quiet" });
    createSource(fx.db, { name: "Unused Agency", kind: "named_organization" }, null);
    fx.db.insert(propositions).values({ text: "Nobody claims this" }).run();
    const parse = (filter: Parameters<typeof iterateExportClaims>[1]) =>
      [...exportChunks(fx.db, { format: "jsonl", filter })]
        .join("")
        .trimEnd()
        .split("\n")
        .map((l) => ZCanonicalLineSchema.parse(JSON.parse(l)));
    const lines = parse({});
    expect(lines).toHaveLength(7);
    expect(lines.slice(0, 4).every((l) => !("kind" in l))).toBe(true);
    expect(lines.slice(4)).toMatchObject([
      { kind: "article", article: { title: "Quiet", text: "An article nobody quoted." } },
      { kind: "source", source: { name: "Unused Agency", aliases: [] } },
      { kind: "proposition", proposition: { text: "Nobody claims this" } },
    ]);
    expect(parse({ publisher: ["Daily"] }).some((l) => "kind" in l)).toBe(false);
    expect(parse({ status: [] })).toHaveLength(7);
  });
});

describe("W3C Web Annotation", () => {
  it("uses code points in the TextPositionSelector and expands against the vendored context", async () => {
    const c1 = claims[0] as ExportClaim;
    const anno = toWebAnnotation(c1, codePointConverter(c1.article.text));
    const position = anno.target.selector[1] as { start: number; end: number };
    const cps = [...EMOJI_TEXT];
    expect(cps.slice(position.start, position.end).join("")).toBe("the dam, at 𝔐osul, is safe");
    expect(position.start).toBe(c1.content.start - 2); // two emoji before it

    const expanded = (await jsonld.expand(anno as unknown as jsonld.JsonLdDocument, {
      documentLoader: offlineDocumentLoader,
    })) as Record<string, unknown>[];
    const root = expanded[0] as Record<string, Record<string, unknown>[]>;
    expect(root["@type"]).toEqual([`${OA}Annotation`]);
    const target = root[`${OA}hasTarget`]?.[0] as Record<string, Record<string, unknown>[]>;
    expect(target[`${OA}hasSource`]?.[0]?.["@id"]).toBe("https://news.example/dam");
    const selectors = target[`${OA}hasSelector`] as Record<string, Record<string, unknown>[]>[];
    const quote = selectors.find((s) => String(s["@type"]) === `${OA}TextQuoteSelector`);
    const pos = selectors.find((s) => String(s["@type"]) === `${OA}TextPositionSelector`);
    expect(quote?.[`${OA}exact`]?.[0]?.["@value"]).toBe("the dam, at 𝔐osul, is safe");
    expect(quote?.[`${OA}prefix`]?.[0]?.["@value"]).toBe('😀🎉 Officials said "');
    expect(pos?.[`${OA}start`]?.[0]).toEqual({
      "@type": "http://www.w3.org/2001/XMLSchema#nonNegativeInteger",
      "@value": position.start,
    });
    expect(pos?.[`${OA}end`]?.[0]?.["@value"]).toBe(position.end);
    expect(target["urn:claimdesk:vocab:textSha256"]?.[0]?.["@value"]).toBe(c1.article.textSha256);
    const body = root[`${OA}hasBody`]?.[0] as Record<string, Record<string, unknown>[]>;
    expect(body["urn:claimdesk:vocab:quoteType"]?.[0]?.["@value"]).toBe("direct");
  });

  it("refuses to fetch any other context", async () => {
    await expect(offlineDocumentLoader("https://schema.org/")).rejects.toThrow(/not vendored/);
  });
});

describe("FEVER", () => {
  it("labels claims by majority verdict and leaves out ties and unjudged claims", () => {
    const records = claims.map(toFeverRecord);
    expect(records[0]?.label).toBe("SUPPORTS");
    expect(records[0]?.evidence).toEqual([[[null, null, "https://news.example/dam", null]]]);
    expect(records[0]?.labelFrom).toEqual({ rule: "majority", votes: 2, analysts: 2 });
    expect(records[1]).toBeNull(); // no annotation
    expect(records[2]?.label).toBe("REFUTES");
    expect(records[3]).toBeNull(); // 1 supported vs 1 refuted: no consensus
  });
});

describe("schema.org ClaimReview", () => {
  it("maps the lower-median likelihood to a 1–7 rating", () => {
    const review = toClaimReview(claims[0] as ExportClaim);
    // likely (5) and very_likely (6): the lower median is likely
    expect(review?.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 5,
      worstRating: 1,
      bestRating: 7,
      alternateName: "Likely (55–80 %)",
    });
    expect(review?.itemReviewed.author).toEqual({ "@type": "Organization", name: "The Pentagon" });
    expect(review?.itemReviewed.appearance.url).toBe("https://news.example/dam");
    expect(review?.author.map((a) => a.name)).toEqual(["Ana Analyst", "Ben Reviewer"]);
    expect(toClaimReview(claims[1] as ExportClaim)).toBeNull();
    const verdictOnly = toClaimReview(claims[3] as ExportClaim);
    expect(verdictOnly).toBeNull(); // a tied verdict and no likelihood
  });
});
