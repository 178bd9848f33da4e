/**
 * The blind rule on every read path: an analyst cannot read another analyst's annotation of a
 * claim (values, tags, stance, history) until they have submitted their own layer of its article;
 * then they can see the submitted ones side by side (annotation.forClaim, history, tag.list),
 * while their own views (article, claims table, facets, propositions) stay their own layer.
 * Adjudicators and admins see everything; viewers read the gold layer. layers-blind.test.ts
 * walks every read path through the three stages (draft, one submitted, both submitted).
 */
import { auditEvents } from "@claimdesk/db";
import { insertTestArticle, insertTestSuggestion } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { createCaller } from "../index";
import { expectTRPCError, setupApi } from "../testing";

type Caller = ReturnType<typeof createCaller>;

let api: ReturnType<typeof setupApi>;
let ana: Caller;
let ben: Caller;
let benId: number;
let claimId: number;
let articleId: number;
let propositionId: number;
const BEN_NOTE = "Ben's private reasoning";

beforeEach(async () => {
  api = setupApi();
  ana = api.caller;
  const b = api.callerAs("analyst", "Ben Analyst");
  ben = b.caller;
  benId = b.user.id;
  const text = "Tehran says it has funded allies.";
  articleId = insertTestArticle(api.db, { text }).id;
  propositionId = (await ana.proposition.create({ text: "Iran funds its allies" })).id;
  claimId = insertTestSuggestion(api.db, { articleId, text, content: "it has funded allies" });
  // Both accept the suggestion; Ana links it to a proposition in her own layer.
  await ana.claim.update({ id: claimId, version: 0, patch: { status: "accepted", propositionId } });
  await ben.claim.update({ id: claimId, version: 0, patch: { status: "accepted" } });
  // Ana drafts first; Ben annotates later (so his stance is the latest) and submits.
  await ana.annotation.upsert({
    claimId,
    values: { sourceStance: "support", likelihood: "likely", tags: ["ana-tag"] },
  });
  await ben.annotation.upsert({
    claimId,
    values: {
      sourceStance: "deny",
      likelihood: "unlikely",
      note: BEN_NOTE,
      tags: ["ben-secret-tag"],
    },
  });
  await ben.article.submit({ id: articleId });
});
afterEach(() => api.db.$client.close());

/** Ana submits her annotation of the claim, and so her layer of its article: the blind rule lifts
 * for her there. */
const anaSubmits = () => ana.annotation.submit({ claimId });

describe("annotation.submit", () => {
  it("marks the caller's annotation submitted, audited, keeping its values; again is a no-op", async () => {
    const before = await ana.annotation.forClaim({ claimId });
    expect(before.own?.submittedAt).toBeNull();
    const submitted = await anaSubmits();
    expect(submitted).toMatchObject({
      id: before.own?.id,
      analystId: api.analystId,
      sourceStance: "support",
      submittedAt: expect.stringMatching(/^\d{4}-/),
      version: before.own?.version,
    });
    const again = await anaSubmits();
    expect(again).toEqual(submitted);
    // One submission of the article, audited once.
    const submits = api.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === "submit" && e.actorId === api.analystId);
    expect(submits.map((e) => [e.entity, e.entityId])).toEqual([["article", articleId]]);
    expect((await ana.article.byId({ id: articleId })).submittedAt).toBe(submitted.submittedAt);
  });

  it("creates an empty submitted annotation when the caller has none", async () => {
    const { caller: cy } = api.callerAs("analyst", "Cy Analyst");
    const created = await cy.annotation.submit({ claimId });
    expect(created).toMatchObject({ sourceStance: null, tags: [], version: 0 });
    expect(created.submittedAt).not.toBeNull();
  });

  it("makes the layer final: edits after submitting are FORBIDDEN and change nothing", async () => {
    const submitted = await anaSubmits();
    await expectTRPCError(
      ana.annotation.upsert({
        claimId,
        version: submitted.version,
        values: { likelihood: "very_likely" },
      }),
      "FORBIDDEN",
    );
    await expectTRPCError(
      ana.claim.update({ id: claimId, version: 1, patch: { status: "rejected" } }),
      "FORBIDDEN",
    );
    expect((await ana.annotation.forClaim({ claimId })).own).toMatchObject({
      likelihood: "likely",
      version: submitted.version,
    });
    expect((await ana.article.byId({ id: articleId })).claims[0]?.status).toBe("accepted");
  });

  it("is refused to viewers and anonymous callers; unknown claims are NOT_FOUND", async () => {
    await expectTRPCError(
      api.callerAs("viewer").caller.annotation.submit({ claimId }),
      "FORBIDDEN",
    );
    await expectTRPCError(api.anonymous.annotation.submit({ claimId }), "UNAUTHORIZED");
    await expectTRPCError(ana.annotation.submit({ claimId: 999_999 }), "NOT_FOUND");
  });
});

describe("blind rule, per read path", () => {
  it("annotation.forClaim: others hidden until the analyst submits, then side by side", async () => {
    const blind = await ana.annotation.forClaim({ claimId });
    expect(blind.own).toMatchObject({ analystName: "Ana Analyst", sourceStance: "support" });
    expect(blind).toMatchObject({ others: [], othersHidden: true });
    expect(JSON.stringify(blind)).not.toContain(BEN_NOTE);
    await anaSubmits();
    const open = await ana.annotation.forClaim({ claimId });
    expect(open.othersHidden).toBe(false);
    expect(open.others).toEqual([
      expect.objectContaining({
        analystId: benId,
        analystName: "Ben Analyst",
        sourceStance: "deny",
        note: BEN_NOTE,
      }),
    ]);
  });

  it("annotation.forClaim: adjudicators and admins see every annotation, viewers none (they read gold)", async () => {
    for (const role of ["adjudicator", "admin"] as const) {
      const seen = await api.callerAs(role).caller.annotation.forClaim({ claimId });
      expect(seen.othersHidden).toBe(false);
      expect(seen.others.map((a) => a.analystName).sort()).toEqual(["Ana Analyst", "Ben Analyst"]);
    }
    const viewer = api.callerAs("viewer").caller;
    expect(await viewer.annotation.forClaim({ claimId })).toEqual({
      own: null,
      others: [],
      othersHidden: true,
    });
    expect(JSON.stringify(await viewer.history.forClaim({ claimId }))).not.toContain("ana-tag");
  });

  it("after submitting, an analyst still does not see a third analyst's draft", async () => {
    const cy = api.callerAs("analyst", "Cy Analyst").caller;
    await cy.annotation.upsert({ claimId, values: { note: "Cy's draft", tags: ["cy-tag"] } });
    await anaSubmits();
    const seen = await ana.annotation.forClaim({ claimId });
    expect(seen.others.map((a) => a.analystName)).toEqual(["Ben Analyst"]);
    expect(JSON.stringify(await ana.history.forClaim({ claimId }))).not.toContain("Cy's draft");
    expect((await ana.corpus.count({ filter: { tag: ["cy-tag"] } })).total).toBe(0);
    expect((await ana.corpus.facets()).tags.map((t) => t.value)).not.toContain("cy-tag");
    await cy.annotation.submit({ claimId });
    expect((await ana.annotation.forClaim({ claimId })).others.map((a) => a.analystName)).toEqual([
      "Ben Analyst",
      "Cy Analyst",
    ]);
    expect((await ana.tag.list({})).items.map((t) => t.tag)).toContain("cy-tag");
    // The claims table is her own layer: it filters on her own tags, submitted or not.
    expect((await ana.corpus.count({ filter: { tag: ["cy-tag"] } })).total).toBe(0);
    expect((await ana.corpus.count({ filter: { tag: ["ana-tag"] } })).total).toBe(1);
  });

  it("article.byId: each claim carries only the caller's own annotation, before and after", async () => {
    for (const step of ["before", "after"]) {
      if (step === "after") await anaSubmits();
      const article = await ana.article.byId({ id: articleId });
      expect(article.claims.map((c) => c.annotation?.analystId)).toEqual([api.analystId]);
      expect(JSON.stringify(article)).not.toContain(BEN_NOTE);
      expect(JSON.stringify(article)).not.toContain("ben-secret-tag");
    }
  });

  it("corpus.claims / corpus.count: stance, likelihood and tag filters ignore others' annotations until submitted", async () => {
    const filters = [
      { sourceStance: ["deny" as const] },
      { likelihood: ["unlikely" as const] },
      { tag: ["ben-secret-tag"] },
    ];
    const seen = async () =>
      Promise.all(
        filters.map(async (filter) => ({
          rows: (await ana.corpus.claims({ filter })).items.map((r) => r.id),
          count: (await ana.corpus.count({ filter })).total,
        })),
      );
    expect(await seen()).toEqual(filters.map(() => ({ rows: [], count: 0 })));
    // Her own values still filter.
    expect(
      (await ana.corpus.claims({ filter: { sourceStance: ["support"] } })).items.map((r) => r.id),
    ).toEqual([claimId]);
    // A search alone plus a facet takes the other plan: the rule holds there too.
    expect(
      (await ana.corpus.claims({ filter: { query: "funded", tag: ["ben-secret-tag"] } })).items,
    ).toEqual([]);
    // The adjudicator's table is their own layer too; a viewer's is gold, which the two analysts'
    // disagreement (support / deny) keeps from this claim until it is adjudicated.
    const judy = api.callerAs("adjudicator").caller;
    expect((await judy.corpus.count({ filter: { sourceStance: ["deny"] } })).total).toBe(0);
    const viewer = api.callerAs("viewer").caller;

    await anaSubmits();
    // Her views stay her own layer: Ben's values never select a claim for her.
    expect(await seen()).toEqual(filters.map(() => ({ rows: [], count: 0 })));
    expect((await viewer.corpus.count({ filter: { sourceStance: ["deny"] } })).total).toBe(0);
    await judy.adjudication.decide({
      claimId,
      values: {
        sourceStance: "deny",
        reportingStance: null,
        likelihood: "unlikely",
        analyticConfidence: null,
        credibility: null,
        verdict: null,
      },
      // Ana linked a proposition, Ben did not: that is disputed too.
      attribution: { propositionId },
      version: null,
    });
    expect((await viewer.corpus.count({ filter: { sourceStance: ["deny"] } })).total).toBe(1);
    expect((await viewer.corpus.count({ filter: { likelihood: ["unlikely"] } })).total).toBe(1);
    // The table's own columns stay the caller's own values.
    const [row] = (await ana.corpus.claims({})).items;
    expect(row).toMatchObject({ sourceStance: "support", likelihood: "likely" });
  });

  it("corpus.facets and tag.list: others' tags are not offered until the analyst submits", async () => {
    const tagsSeen = async () => ({
      facets: (await ana.corpus.facets()).tags.map((t) => t.value),
      list: (await ana.tag.list({})).items.map((t) => t.tag),
    });
    expect(await tagsSeen()).toEqual({ facets: ["ana-tag"], list: ["ana-tag"] });
    await anaSubmits();
    const open = await tagsSeen();
    // The facets are the tags her own table filters on; the tag list offers the submitted ones.
    expect(open.facets).toEqual(["ana-tag"]);
    expect([...open.list].sort()).toEqual(["ana-tag", "ben-secret-tag"]);
  });

  it("corpus.proposition: a claim's stance is the analyst's own, before and after submitting", async () => {
    const stances = async () => {
      const overview = await ana.corpus.proposition({ id: propositionId });
      return {
        claims: overview.claims.map((c) => c.stance),
        bySource: overview.bySource.map((s) => s.stance),
        timeline: overview.timeline.map((t) => t.stance),
      };
    };
    expect(await stances()).toEqual({
      claims: ["support"],
      bySource: ["support"],
      timeline: ["support"],
    });
    // Without a stance of her own, Ben's must not show through.
    await ana.annotation.upsert({ claimId, version: 0, values: { sourceStance: null } });
    expect(await stances()).toEqual({ claims: [null], bySource: [null], timeline: [null] });
    await anaSubmits();
    expect(await stances()).toEqual({ claims: [null], bySource: [null], timeline: [null] });
  });

  it("history.forClaim: others' annotation events hidden until the analyst submits", async () => {
    const annotationActors = async () =>
      (await ana.history.forClaim({ claimId }))
        .filter((e) => e.entity === "annotation")
        .map((e) => e.actor?.name);
    expect(await annotationActors()).toEqual(["Ana Analyst"]);
    expect(JSON.stringify(await ana.history.forClaim({ claimId }))).not.toContain(BEN_NOTE);
    await anaSubmits();
    // Newest first: Ben annotated after Ana.
    expect(await annotationActors()).toEqual(["Ben Analyst", "Ana Analyst"]);
  });

  it("corpus.stats: only aggregates across analysts (no per-analyst values)", async () => {
    const stats = await ana.corpus.stats();
    expect(JSON.stringify(stats)).not.toContain(BEN_NOTE);
    expect(JSON.stringify(stats)).not.toContain("Ben Analyst");
  });
});
