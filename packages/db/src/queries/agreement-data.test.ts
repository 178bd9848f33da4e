/**
 * Agreement figures for small seeded datasets, computed by hand below with Krippendorff's (2011)
 * coincidence-matrix formulas and Cohen's (1960) kappa, independently of the code under test.
 * Only SUBMITTED layers count (submission is per article); drafts never do.
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
  reliabilityData,
} from "./agreement-data";
import { upsertAnnotation } from "./annotations";
import { createClaim, updateClaim } from "./claims";
import { NotFoundError } from "./errors";
import { createProposition } from "./propositions";
import { createSource } from "./sources";
import { submitArticle } from "./submissions";

// 200 characters in 10 distinct 20-character segments, so spans can be given by offsets.
const TEXT = Array.from({ length: 10 }, (_, i) => `Segment number ${i} ok.`.padEnd(20, ".")).join(
  "",
);
const span = (start: number, end: number) => ({ start, end, exact: TEXT.slice(start, end) });

let db: Db;
let ana: number;
let ben: number;
let cyd: number;
let dee: number;
let p1: number;
let p2: number;
let s1: number;
let s2: number;
let s3: number;
let annotatedArticle: number;
let ownArticle: number;
let z: number;
let v: number;
const c: number[] = [];

type Values = Parameters<typeof upsertAnnotation>[1]["values"];

/** An analyst's annotation of a claim, a draft until they submit the article. */
function annotate(claimId: number, analystId: number, values: Values) {
  upsertAnnotation(db, { claimId, analystId, values });
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

/** Accepts a suggestion in the analyst's own layer (copy-on-write), with an optional patch. */
function accept(claimId: number, analystId: number, patch: Record<string, unknown> = {}) {
  return updateClaim(
    db,
    { id: claimId, version: 0, patch: { status: "accepted", ...patch } },
    analystId,
  );
}

/**
 * What the analysts submit: Ana, Ben and Cyd submit the annotated article; Ana and Ben the one of
 * their own claims; Dee submits nothing (her drafts never count).
 */
function submitAll() {
  for (const analystId of [ana, ben, cyd])
    submitArticle(db, { articleId: annotatedArticle, analystId });
  for (const analystId of [ana, ben]) submitArticle(db, { articleId: ownArticle, analystId });
}

beforeEach(() => {
  db = createTestDb();
  ana = insertTestUser(db, { name: "Ana", role: "analyst" }).id;
  ben = insertTestUser(db, { name: "Ben", role: "analyst" }).id;
  cyd = insertTestUser(db, { name: "Cyd", role: "analyst" }).id;
  dee = insertTestUser(db, { name: "Dee", role: "analyst" }).id;
  p1 = createProposition(db, { text: "Proposition one" }, ana).id;
  p2 = createProposition(db, { text: "Proposition two" }, ana).id;
  s1 = createSource(db, { name: "Source One" }, ana).id;
  s2 = createSource(db, { name: "Source Two" }, ana).id;
  s3 = createSource(db, { name: "Source Three" }, ana).id;

  // Article 1: rule suggestions c1..c5 carry the annotations. Ana and Ben accept c1..c3 (each in
  // their own layer), which links them to the suggestions' propositions.
  annotatedArticle = insertTestArticle(db, { text: `${TEXT} (annotated copy)` }).id;
  c.length = 0;
  for (let i = 0; i < 5; i++) c.push(suggestion(annotatedArticle, i * 20, i * 20 + 10, null).id);
  const [c1, c2, c3, c4, c5] = c as [number, number, number, number, number];
  db.update(claims).set({ propositionId: p1 }).where(eq(claims.id, c1)).run();
  db.update(claims).set({ propositionId: p1 }).where(eq(claims.id, c2)).run();
  db.update(claims).set({ propositionId: p2 }).where(eq(claims.id, c3)).run();
  for (const claimId of [c1, c2, c3])
    for (const analystId of [ana, ben]) accept(claimId, analystId);

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
  // A draft (never submitted) by Dee on c2 that would disagree: it must not count.
  annotate(c2, dee, { sourceStance: "support", likelihood: "almost_no_chance" });

  // Article 2: the analysts' own claims, for source and span agreement.
  ownArticle = insertTestArticle(db, { text: TEXT }).id;
  const create = (start: number, end: number, sourceId: number, by: number) =>
    createClaim(db, { articleId: ownArticle, content: span(start, end), sourceId }, by);
  create(0, 20, s1, ana); // X1
  create(40, 60, s2, ana); // X2
  create(5, 25, s1, ben); // Y1
  create(100, 120, s3, ben); // Y2
  // Z: a suggestion (source 2) Ana accepts as it is and Ben accepts with source 3: each decides
  // in their own layer.
  z = suggestion(ownArticle, 70, 90, s2).id;
  accept(z, ana);
  accept(z, ben, { sourceId: s3 });
  // W: Dee rejects a suggestion (a draft); V: Ana accepts, then rejects one.
  const w = suggestion(ownArticle, 130, 150, s1);
  updateClaim(db, { id: w.id, version: 0, patch: { status: "rejected" } }, dee);
  v = suggestion(ownArticle, 160, 180, s1).id;
  const vAna = accept(v, ana);
  updateClaim(db, { id: v, version: vAna.version, patch: { status: "rejected" } }, ana);
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
   *   Dee's draft "support" on c2 is not submitted → absent.
   * Coincidences o_ck = Σ_u pairs / (m_u − 1):
   *   c1: 6 ordered S–S pairs / 2 → o_SS = 3;  c2: o_DD = 2;  c3: o_SD = o_DS = 1;
   *   c4: 2 C–C pairs / 2 → o_CC = 1, 2 C–Q pairs / 2 → o_CQ = o_QC = 1.
   *   n_S = 4, n_D = 3, n_C = 2, n_Q = 1, n = 10.
   * α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 9 · 4 / (10² − (16 + 9 + 4 + 1))
   *   = 1 − 36/70 = 17/35 ≈ 0.486.
   */
  it("source stance: 17/35 over 4 claims, 3 analysts, 10 values; drafts ignored", () => {
    submitAll();
    const f = figure(agreementSummary(db).fields, "sourceStance");
    expect(f.alpha).toBeCloseTo(17 / 35, 12);
    expect(f).toMatchObject({ level: "nominal", units: 4, coders: 3, pairableValues: 10 });
    // Observed agreement Σ o_cc / n = (3 + 2 + 1) / 10.
    expect(f.observedAgreement).toBeCloseTo(0.6, 12);
  });

  /*
   * likelihood (ordinal, ranks: almost_no_chance 0 … unlikely 2, roughly_even 3, likely 4,
   * very_likely 5 …). Units: c1: L VL, c2: L L, c3: U L (Dee's draft on c2 ignored).
   *   o_L,VL = o_VL,L = 1, o_LL = 2, o_U,L = o_L,U = 1;  n_U = 1, n_L = 4, n_VL = 1, n = 6.
   * δ²(U, L) = (n_U + n_roughly_even + n_L − (n_U + n_L)/2)² = (1 + 0 + 4 − 2.5)² = 6.25
   * δ²(L, VL) = (4 + 1 − 2.5)² = 6.25;  δ²(U, VL) = (1 + 0 + 4 + 1 − 1)² = 25.
   * Σ o δ² = 2 · 6.25 + 2 · 6.25 = 25;  Σ n_c n_k δ² = 2 (1·4·6.25 + 4·1·6.25 + 1·1·25) = 150.
   * α = 1 − (n − 1) · 25 / 150 = 1 − 125/150 = 1/6.
   */
  it("likelihood (ordinal): 1/6", () => {
    submitAll();
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
    submitAll();
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
    submitAll();
    // reportingStance: c1 and c2 both "neutral" from Ana and Ben.
    expect(figure(agreementSummary(db).fields, "reportingStance")).toMatchObject({
      alpha: null,
      reason: "no_variation",
      units: 2,
      observedAgreement: 1,
    });
    // Quote type: every accepted claim is indirect (c1..c3 both, Z both, X1 and Y1).
    expect(figure(agreementSummary(db).fields, "quoteType")).toMatchObject({
      alpha: null,
      reason: "no_variation",
      units: 5,
    });
  });

  it("a field nobody filled: undefined, no pairable values", () => {
    submitAll();
    expect(figure(agreementSummary(db).fields, "verdict")).toMatchObject({
      alpha: null,
      reason: "no_pairable_values",
      units: 0,
      coders: 0,
      pairableValues: 0,
    });
  });

  /*
   * source: the analysts' claims in article 2, as each left them in their own layer:
   *   Ana: X1 [0,20) s1, X2 [40,60) s2, Z [70,90) s2 (accepted as suggested)
   *   Ben: Y1 [5,25) s1, Y2 [100,120) s3, Z [70,90) s3 (accepted with his own source)
   *   Dee's rejection of W is a draft; Ana's V was accepted then rejected by her: neither counts.
   *   Article 1's accepted suggestions link no source ("none" is no value).
   * Units (overlap groups): {X1, Y1}: s1 s1;  {X2}: Ana only;  {Z, Z}: s2 s3;  {Y2}: Ben only.
   *   o_11 = 2, o_23 = o_32 = 1;  n_1 = 2, n_2 = n_3 = 1, n = 4.
   * α = 1 − 3 · 2 / (16 − (4 + 1 + 1)) = 1 − 6/10 = 0.4.
   */
  it("source: 0.4 over 2 overlap groups", () => {
    submitAll();
    const f = figure(agreementSummary(db).fields, "source");
    expect(f.alpha).toBeCloseTo(0.4, 12);
    expect(f).toMatchObject({ level: "nominal", units: 2, coders: 2, pairableValues: 4 });
  });

  it("takes each analyst's claims as that analyst left them", () => {
    submitAll();
    const data = loadAgreementData(db);
    const units = data.units.filter((u) => u.articleId === ownArticle);
    // Z, W, V, and the hand-made groups {X1, Y1}, {X2}, {Y2}.
    expect(units).toHaveLength(6);
    const version = (claimId: number, analystId: number) => {
      const unit = units.find((u) => u.claimIds.includes(claimId));
      const value = unit?.versions.get(analystId);
      return value === undefined || value === "no"
        ? value
        : [value.status, value.content.start, value.sourceId];
    };
    expect(version(z, ana)).toEqual(["accepted", 70, s2]);
    expect(version(z, ben)).toEqual(["accepted", 70, s3]);
    expect(version(v, ana)).toEqual(["rejected", 160, s1]);
    // Ben left V untouched: no opinion. Dee never submitted: not among the versions.
    expect(version(v, ben)).toBeUndefined();
    expect(units.every((u) => [...u.versions.keys()].join() === `${ana},${ben}`)).toBe(true);
    expect(data.submitted.get(ownArticle)).toEqual([ana, ben]);
    expect(data.submitted.get(annotatedArticle)).toEqual([ana, ben, cyd]);
    // The hand-made groups: Ana's X1 and Ben's Y1 overlap; X2 and Y2 are one analyst's alone,
    // and the other says "no".
    const handMade = units
      .filter((u) => u.handMade)
      .map((u) => [...u.versions.values()].map((x) => (x === "no" ? "no" : x?.content.start)));
    expect(handMade).toEqual([
      [0, 5],
      [40, "no"],
      ["no", 100],
    ]);
  });

  it("lists the analysts and counts only submitted annotations", () => {
    submitAll();
    const summary = agreementSummary(db);
    // Dee submitted nothing: she is not among the analysts.
    expect(summary.analysts.map((a) => a.name)).toEqual(["Ana", "Ben", "Cyd"]);
    // Ana 5 + Ben 4 + Cyd 2 (c1, c4) submitted; Dee's c2 draft is not.
    expect(summary.submittedAnnotations).toBe(11);
    // Units: c1..c5 in article 1; Z, W, V, {X1, Y1}, {X2}, {Y2} in article 2.
    expect(summary.annotatedClaims).toBe(11);
    expect(summary.proposition).toBeNull();
    const matrices = reliabilityData(loadAgreementData(db));
    expect(matrices.map((m) => m.field)).toEqual([
      "existence",
      "source",
      "quoteType",
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
   * Ana–Ben content spans (accepted claims, both articles): article 1 c1..c3 [0,10) [20,30)
   *   [40,50) on both sides; article 2 Ana [0,20) [40,60) [70,90), Ben [5,25) [100,120) [70,90):
   *   overlap matches 3 + 2 (X1–Y1, Z–Z) of 6 + 6 → F1 = 10/12; exact 3 + 1 (Z) → F1 = 8/12.
   * Ana–Cyd and Ben–Cyd, sourceStance over c1, c4: (S,S) (C,Q): p_o = 1/2, p_e = 1/4 → κ = 1/3.
   *   Cyd accepted nothing: no spans, over the one article both submitted.
   */
  it("Cohen's kappa per field and span F1", () => {
    submitAll();
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
    expect(anaBen.spans).toEqual({ articles: 2, aClaims: 6, bClaims: 6, matched: 5, f1: 10 / 12 });
    expect(anaBen.spanParts.content.exact).toEqual({
      articles: 2,
      aClaims: 6,
      bClaims: 6,
      matched: 4,
      f1: 8 / 12,
    });
    expect(kappa(anaCyd, "sourceStance")?.kappa).toBeCloseTo(1 / 3, 12);
    expect(kappa(benCyd, "sourceStance")?.kappa).toBeCloseTo(1 / 3, 12);
    expect(anaCyd.spans).toEqual({ articles: 1, aClaims: 3, bClaims: 0, matched: 0, f1: 0 });
  });
});

describe("per proposition", () => {
  /*
   * p1 (c1, c2), sourceStance: c1 S S S, c2 D D → o_SS = 3, o_DD = 2, no disagreement, n_S = 3,
   *   n_D = 2: α = 1. p2 (c3): S D → n = 2, o_SD = o_DS = 1: α = 1 − 1 · 2 / (2 · 1 · 1) = 0.
   */
  it("alpha per field over each proposition's claims", () => {
    submitAll();
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
    submitAll();
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

/*
 * Agreement on the attribution itself, computed by hand. Two analysts, A and B, submit one
 * article ("P"); A alone submits a second ("Q"), so Q counts for nobody's pair and its units have
 * one value (not pairable). Offsets are into TEXT.
 *
 * Suggestions (proposal: content, source mention, cue, registry source; quote type indirect):
 *   S1 [0,10) [10,14) [14,18) s1   S2 [20,30) [30,34) [34,38) s1   S3 [40,50) [50,54) [54,58) s2
 *   S4 [60,70) [70,74) [74,78) s2  S5 [80,90) [90,94) [94,98) s3
 * Hand-made: A's HA content [106,120) source [100,104) cue [104,106) s3 direct;
 *            B's HB content [107,119) source [101,104) cue [104,107) s3 mixed (overlaps HA: one unit);
 *            A's H2 content [140,150), nothing else (indirect); B made nothing there.
 * Decisions: A accepts S1; accepts S2 with source s2 and quote type direct; rejects S3; leaves S4;
 *            rejects S5.
 *            B accepts S1 with cue [15,18); accepts S2; accepts S3 with content [40,48); rejects
 *            S4; rejects S5.
 *
 * Existence (y accepted, n rejected or a hand-made claim not made, - untouched), units × (A, B):
 *   S1 y y, S2 y y, S3 n y, S4 - n (one value: not pairable), S5 n n, HA/HB y y, H2 y n.
 *   Q's unit: A's value only. Pairable: 6 units, n = 12 values: n_y = 8, n_n = 4.
 *   Coincidences (m_u = 2, so each unit adds its two ordered pairs): o_yy = 6 (S1, S2, H),
 *   o_nn = 2 (S5), o_yn = o_ny = 2 (S3, H2).
 *   α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 11 · 4 / (2 · 8 · 4) = 1 − 44/64 = 5/16.
 *   Cohen's κ (A–B): p_o = 4/6; A y 4 n 2, B y 4 n 2 → p_e = (16 + 4)/36 = 5/9;
 *   κ = (2/3 − 5/9) / (4/9) = 1/4.
 * Registry source (accepted versions only; no source is no value):
 *   S1 s1 s1, S2 s2 s1, S3 - s2 (one value), H s3 s3, H2 A has none, B "no" → no values.
 *   n = 6: n_s1 = 3, n_s2 = 1, n_s3 = 2; o_s1s1 = 2, o_s3s3 = 2, o_s1s2 = o_s2s1 = 1.
 *   α = 1 − 5 · 2 / (36 − (9 + 1 + 4)) = 1 − 10/22 = 6/11.
 * Quote type (accepted versions): S1 i i, S2 d i, S3 - i, H d m, H2 i "no" → pairable S1, S2, H.
 *   n = 6: n_i = 3, n_d = 2, n_m = 1; o_ii = 2, o_di = o_id = 1, o_dm = o_md = 1.
 *   α = 1 − 5 · 4 / (36 − (9 + 4 + 1)) = 1 − 20/22 = 1/11.
 * Spans of the accepted claims in P (Q is not shared), F1 = 2m / (|A| + |B|):
 *   content  A [0,10) [20,30) [106,120) [140,150);  B [0,10) [20,30) [40,48) [107,119)
 *            exact m = 2 → 4/8 = 0.5; overlap m = 3 (HA–HB) → 6/8 = 0.75.
 *   source   A [10,14) [30,34) [100,104);  B [10,14) [30,34) [50,54) [101,104)
 *            exact m = 2 → 4/7; overlap m = 3 → 6/7.
 *   cue      A [14,18) [34,38) [104,106);  B [15,18) [34,38) [54,58) [104,107)
 *            exact m = 1 → 2/7; overlap m = 3 → 6/7.
 */
describe("agreement on the attribution (hand-computed)", () => {
  let adb: Db;
  let a: number;
  let b: number;

  beforeEach(() => {
    adb = createTestDb();
    a = insertTestUser(adb, { name: "A", role: "analyst" }).id;
    b = insertTestUser(adb, { name: "B", role: "analyst" }).id;
    const src1 = createSource(adb, { name: "One" }, a).id;
    const src2 = createSource(adb, { name: "Two" }, a).id;
    const src3 = createSource(adb, { name: "Three" }, a).id;
    const articleP = insertTestArticle(adb, { text: TEXT, title: "P" }).id;
    const articleQ = insertTestArticle(adb, { text: `${TEXT} (Q)`, title: "Q" }).id;
    const suggest = (start: number, sourceId: number) =>
      adb
        .insert(claims)
        .values({
          articleId: articleP,
          contentStart: start,
          contentEnd: start + 10,
          contentText: TEXT.slice(start, start + 10),
          sourceStart: start + 10,
          sourceEnd: start + 14,
          sourceText: TEXT.slice(start + 10, start + 14),
          cueStart: start + 14,
          cueEnd: start + 18,
          cueText: TEXT.slice(start + 14, start + 18),
          sourceId,
          origin: "rule:test@1",
        })
        .returning()
        .get().id;
    const [x1, x2, x3, x4, x5] = [
      suggest(0, src1),
      suggest(20, src1),
      suggest(40, src2),
      suggest(60, src2),
      suggest(80, src3),
    ] as [number, number, number, number, number];
    const decide = (id: number, by: number, patch: Parameters<typeof updateClaim>[1]["patch"]) =>
      updateClaim(adb, { id, version: 0, patch }, by);
    decide(x1, a, { status: "accepted" });
    decide(x2, a, { status: "accepted", sourceId: src2, quoteType: "direct" });
    decide(x3, a, { status: "rejected" });
    decide(x5, a, { status: "rejected" });
    decide(x1, b, { status: "accepted", cue: span(15, 18) });
    decide(x2, b, { status: "accepted" });
    decide(x3, b, { status: "accepted", content: span(40, 48) });
    decide(x4, b, { status: "rejected" });
    decide(x5, b, { status: "rejected" });
    createClaim(
      adb,
      {
        articleId: articleP,
        content: span(106, 120),
        sourceMention: span(100, 104),
        cue: span(104, 106),
        sourceId: src3,
        quoteType: "direct",
      },
      a,
    );
    createClaim(
      adb,
      {
        articleId: articleP,
        content: span(107, 119),
        sourceMention: span(101, 104),
        cue: span(104, 107),
        sourceId: src3,
        quoteType: "mixed",
      },
      b,
    );
    createClaim(adb, { articleId: articleP, content: span(140, 150) }, a);
    // Q: A's claim alone (B never submits Q; her draft there must not count either).
    createClaim(adb, { articleId: articleQ, content: span(0, 10), sourceId: src1 }, a);
    createClaim(adb, { articleId: articleQ, content: span(0, 10), sourceId: src2 }, b);
    submitArticle(adb, { articleId: articleP, analystId: a });
    submitArticle(adb, { articleId: articleP, analystId: b });
    submitArticle(adb, { articleId: articleQ, analystId: a });
  });
  afterEach(() => adb.$client.close());

  it("existence, source and quote type alpha", () => {
    const fields = agreementSummary(adb).fields;
    const existence = figure(fields, "existence");
    expect(existence.alpha).toBeCloseTo(5 / 16, 12);
    expect(existence).toMatchObject({ level: "nominal", units: 6, coders: 2, pairableValues: 12 });
    // Observed agreement Σ o_cc / n = (6 + 2) / 12.
    expect(existence.observedAgreement).toBeCloseTo(8 / 12, 12);
    const source = figure(fields, "source");
    expect(source.alpha).toBeCloseTo(6 / 11, 12);
    expect(source).toMatchObject({ units: 3, pairableValues: 6 });
    const quoteType = figure(fields, "quoteType");
    expect(quoteType.alpha).toBeCloseTo(1 / 11, 12);
    expect(quoteType).toMatchObject({ units: 3, pairableValues: 6 });
  });

  it("per pair: existence kappa and span F1 per part, exact and overlap", () => {
    const [pair, ...rest] = agreementPairs(adb);
    expect(rest).toEqual([]);
    expect(pair?.kappas.find((k) => k.field === "existence")).toMatchObject({ items: 6 });
    expect(pair?.kappas.find((k) => k.field === "existence")?.kappa).toBeCloseTo(1 / 4, 12);
    const f = (aClaims: number, bClaims: number, matched: number, f1: number) => ({
      articles: 1,
      aClaims,
      bClaims,
      matched,
      f1: expect.closeTo(f1, 12),
    });
    expect(pair?.spanParts).toEqual({
      content: { exact: f(4, 4, 2, 0.5), overlap: f(4, 4, 3, 0.75) },
      sourceMention: { exact: f(3, 4, 2, 4 / 7), overlap: f(3, 4, 3, 6 / 7) },
      cue: { exact: f(3, 4, 1, 2 / 7), overlap: f(3, 4, 3, 6 / 7) },
    });
    // `spans` is the content overlap figure.
    expect(pair?.spans).toEqual(f(4, 4, 3, 0.75));
  });
});
