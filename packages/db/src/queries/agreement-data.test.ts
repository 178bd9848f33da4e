/**
 * Agreement figures for a small seeded dataset, computed by hand below with Krippendorff's (2011)
 * coincidence-matrix formulas and Cohen's (1960) kappa, independently of the code under test.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { annotations, claims } from "../schema";
import { createTestDb, insertTestArticle, insertTestUser } from "../testing";
import {
  agreementByProposition,
  agreementPairs,
  agreementSummary,
  loadAgreementData,
  loadAnalystClaims,
  reliabilityData,
} from "./agreement-data";
import { upsertAnnotation } from "./annotations";
import { createClaim, updateClaim } from "./claims";
import { NotFoundError } from "./errors";
import { createProposition } from "./propositions";
import { createSource } from "./sources";

// 200 characters in 10 distinct 20-character segments, so spans can be given by offsets.
const TEXT = Array.from({ length: 10 }, (_, i) => `Segment number ${i} ok.`.padEnd(20, ".")).join(
  "",
);
const span = (start: number, end: number) => ({ start, end, exact: TEXT.slice(start, end) });

let db: Db;
let ana: number;
let ben: number;
let cyd: number;
let p1: number;
let p2: number;
let s1: number;
let s2: number;
let s3: number;
const c: number[] = [];

type Values = Parameters<typeof upsertAnnotation>[1]["values"];

function annotate(claimId: number, analystId: number, values: Values, draft = false) {
  upsertAnnotation(db, { claimId, analystId, values });
  // Submitting is another slice's action: set directly.
  if (!draft)
    db.update(annotations)
      .set({ submittedAt: new Date() })
      .where(and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId)))
      .run();
}

/** A rule's suggestion (no owner), as the worker inserts them. */
function suggestion(articleId: number, start: number, end: number, sourceId: number | null) {
  return db
    .insert(claims)
    .values({
      articleId,
      contentStart: start,
      contentEnd: end,
      contentText: TEXT.slice(start, end),
      sourceId,
      origin: "rule:test@1",
      status: "suggested",
    })
    .returning()
    .get();
}

beforeEach(() => {
  db = createTestDb();
  ana = insertTestUser(db, { name: "Ana", role: "analyst" }).id;
  ben = insertTestUser(db, { name: "Ben", role: "analyst" }).id;
  cyd = insertTestUser(db, { name: "Cyd", role: "analyst" }).id;
  p1 = createProposition(db, { text: "Proposition one" }, ana).id;
  p2 = createProposition(db, { text: "Proposition two" }, ana).id;
  s1 = createSource(db, { name: "Source One" }, ana).id;
  s2 = createSource(db, { name: "Source Two" }, ana).id;
  s3 = createSource(db, { name: "Source Three" }, ana).id;

  // Article 1: claims c1..c5 (rule suggestions nobody owns) carry the annotations.
  const annotated = insertTestArticle(db, { text: `${TEXT} (annotated copy)` });
  c.length = 0;
  for (let i = 0; i < 5; i++) c.push(suggestion(annotated.id, i * 20, i * 20 + 10, null).id);
  const [c1, c2, c3, c4, c5] = c as [number, number, number, number, number];
  db.update(claims).set({ propositionId: p1 }).where(eq(claims.id, c1)).run();
  db.update(claims).set({ propositionId: p1 }).where(eq(claims.id, c2)).run();
  db.update(claims).set({ propositionId: p2 }).where(eq(claims.id, c3)).run();

  const judge = (claimId: number, byAnalyst: Array<[number, Values]>) => {
    for (const [analystId, values] of byAnalyst) annotate(claimId, analystId, values);
  };
  judge(c1, [
    [ana, { sourceStance: "support", likelihood: "likely", reportingStance: "neutral" }],
    [ben, { sourceStance: "support", likelihood: "very_likely", reportingStance: "neutral" }],
    [cyd, { sourceStance: "support" }],
  ]);
  judge(c2, [
    [ana, { sourceStance: "deny", likelihood: "likely", reportingStance: "neutral" }],
    [ben, { sourceStance: "deny", likelihood: "likely", reportingStance: "neutral" }],
  ]);
  judge(c3, [
    [ana, { sourceStance: "support", likelihood: "unlikely" }],
    [ben, { sourceStance: "deny", likelihood: "likely" }],
  ]);
  judge(c4, [
    [ana, { sourceStance: "comment" }],
    [ben, { sourceStance: "comment" }],
    [cyd, { sourceStance: "query" }],
  ]);
  judge(c5, [[ana, { sourceStance: "support" }]]);
  // A draft (never submitted) by Cyd on c2 that would disagree: it must not count.
  annotate(c2, cyd, { sourceStance: "support", likelihood: "almost_no_chance" }, true);

  // Article 2: the analysts' own claims, for source and span agreement.
  const article = insertTestArticle(db, { text: TEXT });
  const create = (start: number, end: number, sourceId: number, by: number) =>
    createClaim(db, { articleId: article.id, content: span(start, end), sourceId }, by);
  create(0, 20, s1, ana); // X1
  create(40, 60, s2, ana); // X2
  create(5, 25, s1, ben); // Y1
  create(100, 120, s3, ben); // Y2
  // Z: a suggestion Ana accepts as it is (source 2); Ben then confirms it with source 3.
  const z = suggestion(article.id, 70, 90, s2);
  const zAna = updateClaim(db, { id: z.id, version: 0, patch: { status: "accepted" } }, ana);
  updateClaim(db, { id: z.id, version: zAna.version, patch: { sourceId: s3 } }, ben);
  // W: Cyd rejects a suggestion; V: Ana accepts, then rejects one. Neither is anyone's claim.
  const w = suggestion(article.id, 130, 150, s1);
  updateClaim(db, { id: w.id, version: 0, patch: { status: "rejected" } }, cyd);
  const v = suggestion(article.id, 160, 180, s1);
  const vAna = updateClaim(db, { id: v.id, version: 0, patch: { status: "accepted" } }, ana);
  updateClaim(db, { id: v.id, version: vAna.version, patch: { status: "rejected" } }, ana);
});
afterEach(() => db.$client.close());

const figure = (fields: ReturnType<typeof agreementSummary>["fields"], field: string) => {
  const f = fields.find((x) => x.field === field);
  if (!f) throw new Error(`no ${field}`);
  return f;
};

describe("alpha per field", () => {
  /*
   * sourceStance (nominal). Pairable units and values (S support, D deny, C comment, Q query):
   *   c1: S S S (m = 3)   c2: D D   c3: S D   c4: C C Q (m = 3)   c5: S alone → not pairable.
   *   Cyd's draft "support" on c2 is not submitted → absent.
   * Coincidences o_ck = Σ_u pairs / (m_u − 1):
   *   c1: 6 ordered S–S pairs / 2 → o_SS = 3;  c2: o_DD = 2;  c3: o_SD = o_DS = 1;
   *   c4: 2 C–C pairs / 2 → o_CC = 1, 2 C–Q pairs / 2 → o_CQ = o_QC = 1.
   *   n_S = 4, n_D = 3, n_C = 2, n_Q = 1, n = 10.
   * α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 9 · 4 / (10² − (16 + 9 + 4 + 1))
   *   = 1 − 36/70 = 17/35 ≈ 0.486.
   */
  it("source stance: 17/35 over 4 claims, 3 analysts, 10 values; drafts ignored", () => {
    const f = figure(agreementSummary(db).fields, "sourceStance");
    expect(f.alpha).toBeCloseTo(17 / 35, 12);
    expect(f).toMatchObject({ level: "nominal", units: 4, coders: 3, pairableValues: 10 });
    // Observed agreement Σ o_cc / n = (3 + 2 + 1) / 10.
    expect(f.observedAgreement).toBeCloseTo(0.6, 12);
  });

  /*
   * likelihood (ordinal, ranks: almost_no_chance 0 … unlikely 2, roughly_even 3, likely 4,
   * very_likely 5 …). Units: c1: L VL, c2: L L, c3: U L (Cyd's draft on c2 ignored).
   *   o_L,VL = o_VL,L = 1, o_LL = 2, o_U,L = o_L,U = 1;  n_U = 1, n_L = 4, n_VL = 1, n = 6.
   * δ²(U, L) = (n_U + n_roughly_even + n_L − (n_U + n_L)/2)² = (1 + 0 + 4 − 2.5)² = 6.25
   * δ²(L, VL) = (4 + 1 − 2.5)² = 6.25;  δ²(U, VL) = (1 + 0 + 4 + 1 − 1)² = 25.
   * Σ o δ² = 2 · 6.25 + 2 · 6.25 = 25;  Σ n_c n_k δ² = 2 (1·4·6.25 + 4·1·6.25 + 1·1·25) = 150.
   * α = 1 − (n − 1) · 25 / 150 = 1 − 125/150 = 1/6.
   */
  it("likelihood (ordinal): 1/6", () => {
    const f = figure(agreementSummary(db).fields, "likelihood");
    expect(f.alpha).toBeCloseTo(1 / 6, 12);
    expect(f).toMatchObject({ level: "ordinal", units: 3, coders: 2, pairableValues: 6 });
  });

  /*
   * credibility (ordinal over Admiralty 1..5; 6 "truth cannot be judged" is off the scale and is
   * no value in alpha). Ana–Ben: c1 2 3, c2 6 1, c3 2 2, c4 1 2, c5 6 6.
   *   c2 keeps one value and c5 none: not pairable. c1 (2,3), c3 (2,2), c4 (1,2):
   *   o_23 = o_32 = 1, o_22 = 2, o_12 = o_21 = 1;  n_1 = 1, n_2 = 4, n_3 = 1, n = 6.
   * δ²(1,2) = (1 + 4 − 2.5)² = 6.25, δ²(2,3) = (4 + 1 − 2.5)² = 6.25, δ²(1,3) = (6 − 1)² = 25.
   * α = 1 − 5 · (2 · 6.25 + 2 · 6.25) / (2 (4 · 6.25 + 4 · 6.25 + 1 · 25)) = 1 − 125/150 = 1/6.
   *   (Were 6 the top of the scale, c2 and c5 would pair and α would differ.)
   * Kappa (unweighted) keeps 6 as a category: p_o = 2/5 (c3, c5); Ana 2:2 6:2 1:1, Ben 3:1 1:1
   *   2:2 6:1 → p_e = (4 + 2 + 1) / 25 = 7/25; κ = (10/25 − 7/25) / (18/25) = 1/6.
   *
   * analyticConfidence (ordinal low < moderate < high): c1 L M, c2 H H, c3 M H.
   *   n_L = 1, n_M = 2, n_H = 3, n = 6; o_LM = o_ML = 1, o_HH = 2, o_MH = o_HM = 1.
   *   δ²(L,M) = (3 − 1.5)² = 2.25, δ²(M,H) = (5 − 2.5)² = 6.25, δ²(L,H) = (6 − 2)² = 16.
   *   α = 1 − 5 · (2 · 2.25 + 2 · 6.25) / (2 (2 · 2.25 + 6 · 6.25 + 3 · 16)) = 1 − 85/180 = 19/36
   *   (nominal would give 1 − 5 · 4 / (36 − 14) = 1/11).
   */
  it("credibility and analytic confidence are ordinal; credibility 6 is off the scale", () => {
    const values: Array<[number, Values, Values]> = [
      [
        c[0] as number,
        { credibility: "2", analyticConfidence: "low" },
        { credibility: "3", analyticConfidence: "moderate" },
      ],
      [
        c[1] as number,
        { credibility: "6", analyticConfidence: "high" },
        { credibility: "1", analyticConfidence: "high" },
      ],
      [
        c[2] as number,
        { credibility: "2", analyticConfidence: "moderate" },
        { credibility: "2", analyticConfidence: "high" },
      ],
      [c[3] as number, { credibility: "1" }, { credibility: "2" }],
      [c[4] as number, { credibility: "6" }, { credibility: "6" }],
    ];
    // Ana and Ben have annotated c1..c4 already (and Ana c5): change theirs at their version.
    const amend = (claimId: number, analystId: number, patch: Values) => {
      const mine = and(eq(annotations.claimId, claimId), eq(annotations.analystId, analystId));
      const existing = db.select().from(annotations).where(mine).get();
      if (existing === undefined) return annotate(claimId, analystId, patch);
      upsertAnnotation(db, { claimId, analystId, values: patch, version: existing.version });
    };
    for (const [claimId, byAna, byBen] of values) {
      amend(claimId, ana, byAna);
      amend(claimId, ben, byBen);
    }
    const fields = agreementSummary(db).fields;
    const credibility = figure(fields, "credibility");
    expect(credibility.alpha).toBeCloseTo(1 / 6, 12);
    expect(credibility).toMatchObject({ level: "ordinal", units: 3, coders: 2, pairableValues: 6 });
    const confidence = figure(fields, "analyticConfidence");
    expect(confidence.alpha).toBeCloseTo(19 / 36, 12);
    expect(confidence).toMatchObject({ level: "ordinal", units: 3, pairableValues: 6 });
    const anaBen = agreementPairs(db).find((p) => p.a.id === ana && p.b.id === ben);
    const kappa = anaBen?.kappas.find((k) => k.field === "credibility");
    expect(kappa).toMatchObject({ items: 5 });
    expect(kappa?.kappa).toBeCloseTo(1 / 6, 12);
  });

  it("a field everyone gave the same value: undefined, no variation", () => {
    // reportingStance: c1 and c2 both "neutral" from Ana and Ben.
    expect(figure(agreementSummary(db).fields, "reportingStance")).toMatchObject({
      alpha: null,
      reason: "no_variation",
      units: 2,
      observedAgreement: 1,
    });
  });

  it("a field nobody filled: undefined, no pairable values", () => {
    expect(figure(agreementSummary(db).fields, "verdict")).toMatchObject({
      alpha: null,
      reason: "no_pairable_values",
      units: 0,
      coders: 0,
      pairableValues: 0,
    });
  });

  /*
   * source: the analysts' own claims in article 2, as each left them:
   *   Ana: X1 [0,20) s1, X2 [40,60) s2, Z [70,90) s2 (accepted before Ben changed the source)
   *   Ben: Y1 [5,25) s1, Y2 [100,120) s3, Z [70,90) s3 (his edit left it accepted)
   *   Cyd rejected W; Ana's V was accepted then rejected by her: neither counts.
   * Units (overlap groups): {X1, Y1}: s1 s1;  {X2}: Ana only;  {Z, Z}: s2 s3;  {Y2}: Ben only.
   *   o_11 = 2, o_23 = o_32 = 1;  n_1 = 2, n_2 = n_3 = 1, n = 4.
   * α = 1 − 3 · 2 / (16 − (4 + 1 + 1)) = 1 − 6/10 = 0.4.
   */
  it("source: 0.4 over 2 overlap groups", () => {
    const f = figure(agreementSummary(db).fields, "source");
    expect(f.alpha).toBeCloseTo(0.4, 12);
    expect(f).toMatchObject({ level: "nominal", units: 2, coders: 2, pairableValues: 4 });
  });

  it("takes each analyst's claims as that analyst left them", () => {
    const own = loadAnalystClaims(db).map((x) => [x.analystId, x.start, x.sourceId]);
    expect(own).toEqual(
      expect.arrayContaining([
        [ana, 70, s2],
        [ben, 70, s3],
      ]),
    );
    expect(own.filter(([analyst]) => analyst === cyd)).toEqual([]);
    expect(own.filter(([, start]) => start === 160)).toEqual([]);
    expect(own).toHaveLength(6);
  });

  it("lists the analysts and counts only submitted annotations", () => {
    const summary = agreementSummary(db);
    expect(summary.analysts.map((a) => a.name)).toEqual(["Ana", "Ben", "Cyd"]);
    // Ana 5 + Ben 4 + Cyd 2 (c1, c4) submitted; Cyd's c2 draft is not.
    expect(summary.submittedAnnotations).toBe(11);
    expect(summary.annotatedClaims).toBe(5);
    expect(summary.proposition).toBeNull();
    const matrices = reliabilityData(loadAgreementData(db));
    expect(matrices.map((m) => m.field)).toEqual([
      "source",
      "sourceStance",
      "reportingStance",
      "likelihood",
      "analyticConfidence",
      "credibility",
      "verdict",
    ]);
  });
});

describe("per pair", () => {
  /*
   * Ana–Ben, sourceStance over c1..c4: (S,S) (D,D) (S,D) (C,C): p_o = 3/4.
   *   Ana: S 2, D 1, C 1; Ben: S 1, D 2, C 1 → p_e = (2·1 + 1·2 + 1·1) / 16 = 5/16.
   *   κ = (3/4 − 5/16) / (1 − 5/16) = 7/11.
   * Ana–Ben, likelihood over c1..c3: (L,VL) (L,L) (U,L): p_o = 1/3;
   *   Ana: L 2, U 1; Ben: VL 1, L 2 → p_e = 2·2 / 9 = 4/9; κ = (1/3 − 4/9) / (5/9) = −1/5.
   * Ana–Ben, source over the 2 overlap groups: (s1,s1) (s2,s3): p_o = 1/2, p_e = 1/4 → κ = 1/3.
   * Ana–Ben spans in article 2: Ana [0,20) [40,60) [70,90), Ben [5,25) [100,120) [70,90):
   *   matches X1–Y1 and Z–Z → 2 of 3 + 3: F1 = 4/6.
   * Ana–Cyd and Ben–Cyd, sourceStance over c1, c4: (S,S) (C,Q): p_o = 1/2, p_e = 1/4 → κ = 1/3.
   */
  it("Cohen's kappa per field and span F1", () => {
    const pairs = agreementPairs(db);
    expect(pairs.map((p) => `${p.a.name}–${p.b.name}`)).toEqual(["Ana–Ben", "Ana–Cyd", "Ben–Cyd"]);
    const [anaBen, anaCyd, benCyd] = pairs as [
      (typeof pairs)[0],
      (typeof pairs)[0],
      (typeof pairs)[0],
    ];
    const kappa = (p: typeof anaBen, field: string) => p.kappas.find((k) => k.field === field);
    expect(kappa(anaBen, "sourceStance")?.kappa).toBeCloseTo(7 / 11, 12);
    expect(kappa(anaBen, "sourceStance")?.items).toBe(4);
    expect(kappa(anaBen, "likelihood")?.kappa).toBeCloseTo(-0.2, 12);
    expect(kappa(anaBen, "source")?.kappa).toBeCloseTo(1 / 3, 12);
    expect(kappa(anaBen, "source")?.items).toBe(2);
    expect(kappa(anaBen, "reportingStance")).toMatchObject({
      kappa: null,
      reason: "no_variation",
      items: 2,
    });
    expect(kappa(anaBen, "verdict")).toMatchObject({ kappa: null, reason: "no_items", items: 0 });
    expect(anaBen.spans).toEqual({ articles: 1, aClaims: 3, bClaims: 3, matched: 2, f1: 4 / 6 });
    expect(kappa(anaCyd, "sourceStance")?.kappa).toBeCloseTo(1 / 3, 12);
    expect(kappa(benCyd, "sourceStance")?.kappa).toBeCloseTo(1 / 3, 12);
    expect(anaCyd.spans).toEqual({ articles: 0, aClaims: 0, bClaims: 0, matched: 0, f1: null });
  });
});

describe("per proposition", () => {
  /*
   * p1 (c1, c2), sourceStance: c1 S S S, c2 D D → o_SS = 3, o_DD = 2, no disagreement, n_S = 3,
   *   n_D = 2: α = 1. p2 (c3): S D → n = 2, o_SD = o_DS = 1: α = 1 − 1 · 2 / (2 · 1 · 1) = 0.
   */
  it("alpha per field over each proposition's claims", () => {
    const rows = agreementByProposition(db);
    expect(rows.map((r) => [r.proposition.text, r.annotatedClaims])).toEqual([
      ["Proposition one", 2],
      ["Proposition two", 1],
    ]);
    expect(figure(rows[0]?.fields ?? [], "sourceStance")).toMatchObject({ alpha: 1, units: 2 });
    expect(figure(rows[1]?.fields ?? [], "sourceStance").alpha).toBeCloseTo(0, 12);
    // The summary scoped to a proposition agrees with its row.
    const scoped = agreementSummary(db, { propositionId: p2 });
    expect(scoped.proposition).toEqual({ id: p2, text: "Proposition two" });
    expect(figure(scoped.fields, "sourceStance").alpha).toBeCloseTo(0, 12);
    expect(figure(scoped.fields, "source").reason).toBe("no_pairable_values");
    expect(agreementPairs(db, { propositionId: p1 }).map((p) => p.b.name)).toEqual([
      "Ben",
      "Cyd",
      "Cyd",
    ]);
  });

  it("an unknown proposition is NotFound", () => {
    expect(() => agreementSummary(db, { propositionId: 999 })).toThrow(NotFoundError);
    expect(() => agreementPairs(db, { propositionId: 999 })).toThrow(NotFoundError);
  });

  it("an empty database has no figures, only undefined results", () => {
    const empty = createTestDb();
    const summary = agreementSummary(empty);
    expect(summary.fields.every((f) => f.alpha === null && f.reason === "no_pairable_values")).toBe(
      true,
    );
    expect(agreementPairs(empty)).toEqual([]);
    expect(agreementByProposition(empty)).toEqual([]);
    empty.$client.close();
  });
});
