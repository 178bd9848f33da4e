import { TRPCError } from "@trpc/server";
/**
 * Blind until submitted (issue #12), on every read path, table-driven: one row per read path.
 *
 * Two analysts A (Ana) and B (Ben), a viewer V and an adjudicator D work on one article with two
 * rule suggestions X and Y. A rejects X, accepts Y with a registry source and a proposition, judges
 * Y (stance, likelihood, tag) and adds a hand-made claim Z with the same tag and likelihood. B
 * accepts X. The decision on X is D's (made at the start). Each row reads the article's data as
 * A, B, V and D at four stages:
 *
 * - draft: nobody submitted;
 * - onlyA: A submitted (gold = A's layer, basis single);
 * - both: A and B submitted (Y is gold; X and Z are disputed: no gold until decided);
 * - adjudicated: D decided X's and Z's existence (gold holds all three).
 *
 * and checks, per reader and stage, whether A's work shows (true) or not (false). The rule: B sees
 * none of it until both submitted, and in B's own views (the claims table, facets, dashboard,
 * propositions: B's own layer) never; V sees the gold layer only (and never a draft); D sees every
 * layer, drafts too, where a path shows other layers, and their own layer in their own views. A's
 * own column, and D's true cells, show that each probe finds the work where it is visible: a probe
 * that saw nothing could not tell a blind path from a broken one.
 */

import { countExportClaims, createSource, exportViewOf, propositions } from "@claimdesk/db";
import { insertTestArticle, insertTestSuggestion, spanOf } from "@claimdesk/db/testing";
import { exportChunks } from "@claimdesk/export";
import type { TClaimFilter, TUserRole } from "@claimdesk/types";
import {
  isCanonicalClaimLine,
  JUDGEMENT_FIELDS,
  type TCanonicalClaimLine,
  ZCanonicalLineSchema,
} from "@claimdesk/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createCaller } from "../index";
import { expectTRPCError, setupApi } from "../testing";

/** The answer, or null when the procedure says NOT_FOUND (what an unknown claim is to a reader). */
async function orNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

type Caller = ReturnType<typeof createCaller>;
type Who = "A" | "B" | "V" | "D";
const STAGES = ["draft", "onlyA", "both", "adjudicated"] as const;
type Stage = (typeof STAGES)[number];

const TEXT =
  "Tehran said it funded the militias. Officials stated the attacks stopped. Witnesses reported drones overnight.";
const TAG = "a-secret-tag";
const NO_JUDGEMENT = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

interface World {
  api: ReturnType<typeof setupApi>;
  callers: Record<Who, Caller>;
  users: Record<Who, { id: number; role: TUserRole }>;
  articleId: number;
  x: number;
  y: number;
  z: number;
  sourceId: number;
  propositionId: number;
}

async function buildWorld(stage: Stage): Promise<World> {
  const api = setupApi();
  const b = api.callerAs("analyst", "Ben Analyst");
  const v = api.callerAs("viewer", "Vic Viewer");
  const d = api.callerAs("adjudicator", "Dee Adjudicator");
  const A = api.caller;
  const articleId = insertTestArticle(api.db, { text: TEXT, title: "Militias" }).id;
  const x = insertTestSuggestion(api.db, {
    articleId,
    text: TEXT,
    content: "it funded the militias",
    source: "Tehran",
    cue: "said",
  });
  const y = insertTestSuggestion(api.db, {
    articleId,
    text: TEXT,
    content: "the attacks stopped",
    source: "Officials",
    cue: "stated",
  });
  // The registry source and the proposition exist before anyone works (shared vocabularies).
  const sourceId = createSource(
    api.db,
    { name: "Iraqi government", kind: "named_organization" },
    null,
  ).id;
  const propositionId = api.db
    .insert(propositions)
    .values({ text: "The militias paused their attacks" })
    .returning()
    .get().id;

  // A's work.
  await A.claim.update({ id: x, version: 0, patch: { status: "rejected" } });
  await A.claim.update({
    id: y,
    version: 0,
    patch: { status: "accepted", sourceId, propositionId },
  });
  await A.annotation.upsert({
    claimId: y,
    values: { sourceStance: "deny", likelihood: "almost_certain", tags: [TAG] },
  });
  const z = (
    await A.claim.create({
      articleId,
      content: spanOf(TEXT, "drones overnight"),
      sourceMention: spanOf(TEXT, "Witnesses"),
      cue: spanOf(TEXT, "reported"),
    })
  ).id;
  await A.annotation.upsert({ claimId: z, values: { likelihood: "almost_certain", tags: [TAG] } });
  // B's work: accepts X, nothing else.
  await b.caller.claim.update({ id: x, version: 0, patch: { status: "accepted" } });
  // D's decision on X's judgement.
  const decision = await d.caller.adjudication.decide({
    claimId: x,
    values: { ...NO_JUDGEMENT, verdict: "refuted" },
    version: null,
  });

  if (stage !== "draft") await A.article.submit({ id: articleId });
  if (stage === "both" || stage === "adjudicated") await b.caller.article.submit({ id: articleId });
  if (stage === "adjudicated") {
    await d.caller.adjudication.decide({
      claimId: x,
      values: { ...NO_JUDGEMENT, verdict: "refuted" },
      attribution: { status: "rejected" },
      decidedFields: ["existence", ...JUDGEMENT_FIELDS],
      version: decision.version,
    });
    await d.caller.adjudication.decide({
      claimId: z,
      values: NO_JUDGEMENT,
      attribution: { status: "accepted" },
      decidedFields: ["existence"],
      version: null,
    });
  }
  return {
    api,
    callers: { A, B: b.caller, V: v.caller, D: d.caller },
    users: {
      A: { id: api.analystId, role: "analyst" },
      B: b.user,
      V: v.user,
      D: d.user,
    },
    articleId,
    x,
    y,
    z,
    sourceId,
    propositionId,
  };
}

/** A's marks on a claim as some view has it: X rejected, Y with the registry source, Z at all. */
function marked(
  w: World,
  c: {
    id: number;
    status?: string | null;
    sourceId?: number | null;
    annotation?: { analystId: number } | null;
  },
): boolean {
  return (
    (c.id === w.x && c.status === "rejected") ||
    (c.id === w.y && c.sourceId === w.sourceId) ||
    c.id === w.z ||
    c.annotation?.analystId === w.users.A.id
  );
}

/** The claims table filters that A's values (and only hers) select. */
const filtersOf = (w: World): TClaimFilter[] => [
  { status: ["rejected"] },
  { sourceId: [w.sourceId] },
  { likelihood: ["almost_certain"] },
  { sourceStance: ["deny"] },
  { tag: [TAG] },
  { propositionId: [w.propositionId] },
];

function canonicalLines(w: World, who: Who, layers: boolean): TCanonicalClaimLine[] {
  return [...exportChunks(w.api.db, { format: "jsonl", filter: {}, reader: w.users[who], layers })]
    .join("")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => ZCanonicalLineSchema.parse(JSON.parse(l)))
    .filter(isCanonicalClaimLine);
}

function lineShowsA(w: World, l: TCanonicalClaimLine): boolean {
  return (
    marked(w, { id: l.claim.id, status: l.claim.status, sourceId: l.source?.id ?? null }) ||
    l.annotations.some((a) => a.analyst.id === w.users.A.id) ||
    (l.layers ?? []).some((e) => e.analyst?.id === w.users.A.id)
  );
}

type Row = {
  path: string;
  /** Whether `who` sees A's work through this path. */
  probe: (w: World, who: Who) => Promise<boolean>;
  /** Per reader, per stage (draft, onlyA, both, adjudicated). */
  expected: Record<Who, [boolean, boolean, boolean, boolean]>;
};

const T = true;
const F = false;
/** A's work in A's own view, hidden from B's and D's own views, gold for V. */
const OWN_VIEW = {
  A: [T, T, T, T],
  B: [F, F, F, F],
  V: [F, T, T, T],
  D: [F, F, F, F],
} satisfies Row["expected"];
/** Paths that show other analysts' submitted work: B once both submitted, D always, V never. */
const OTHERS_SUBMITTED = {
  A: [T, T, T, T],
  B: [F, F, T, T],
  V: [F, F, F, F],
  D: [T, T, T, T],
} satisfies Row["expected"];

const ROWS: Row[] = [
  {
    path: "article.byId",
    probe: async (w, who) =>
      (await w.callers[who].article.byId({ id: w.articleId })).claims.some((c) => marked(w, c)),
    expected: OWN_VIEW,
  },
  {
    path: "article.list (claim counts)",
    // X and Y are in every view; a third claim is A's hand-made Z.
    probe: async (w, who) =>
      (await w.callers[who].article.list({})).items.some((a) => a.claimCount > 2),
    // Z is gold while A alone submitted, disputed once B (who did not make it) submitted too,
    // and gold again once D decided it exists.
    expected: { ...OWN_VIEW, V: [F, T, F, T] },
  },
  {
    path: "article.layers",
    probe: async (w, who) =>
      (await w.callers[who].article.layers({ id: w.articleId })).layers.some(
        (l) => l.analyst?.id === w.users.A.id || l.claims.some((c) => marked(w, c)),
      ),
    // A sees the layers once she submitted (gold is then hers); B once both did; V gold; D all.
    expected: { A: [F, T, T, T], B: [F, F, T, T], V: [F, T, T, T], D: [T, T, T, T] },
  },
  {
    path: "history.forClaim (X, Y, Z)",
    probe: async (w, who) => {
      for (const claimId of [w.x, w.y, w.z]) {
        // Another analyst's draft hand-made claim is NOT_FOUND to them, as a missing id is.
        const events = (await orNotFound(w.callers[who].history.forClaim({ claimId }))) ?? [];
        if (
          events.some(
            (e) =>
              (e.entity === "claim" || e.entity === "annotation") && e.actor?.id === w.users.A.id,
          )
        )
          return true;
      }
      return false;
    },
    expected: OTHERS_SUBMITTED,
  },
  {
    path: "annotation.forClaim (Y, Z)",
    probe: async (w, who) => {
      for (const claimId of [w.y, w.z]) {
        const seen = await orNotFound(w.callers[who].annotation.forClaim({ claimId }));
        if (seen && [seen.own, ...seen.others].some((a) => a?.analystId === w.users.A.id))
          return true;
      }
      return false;
    },
    expected: OTHERS_SUBMITTED,
  },
  {
    path: "corpus.claims (status, source, likelihood, stance, tag, proposition filters)",
    probe: async (w, who) => {
      for (const filter of filtersOf(w)) {
        const { items } = await w.callers[who].corpus.claims({ filter });
        if (items.length > 0) return true;
      }
      return false;
    },
    expected: OWN_VIEW,
  },
  {
    path: "corpus.claims (rows' own values)",
    probe: async (w, who) =>
      (await w.callers[who].corpus.claims({})).items.some(
        (r) =>
          marked(w, r) || r.likelihood === "almost_certain" || r.propositionId === w.propositionId,
      ),
    expected: OWN_VIEW,
  },
  {
    path: "corpus.count (same filters)",
    probe: async (w, who) => {
      for (const filter of filtersOf(w))
        if ((await w.callers[who].corpus.count({ filter })).total > 0) return true;
      return false;
    },
    expected: OWN_VIEW,
  },
  {
    path: "corpus.facets (tags)",
    probe: async (w, who) =>
      (await w.callers[who].corpus.facets()).tags.some((t) => t.value === TAG),
    expected: OWN_VIEW,
  },
  {
    path: "corpus.stats",
    probe: async (w, who) => {
      const s = await w.callers[who].corpus.stats();
      return (
        s.annotated > 0 ||
        s.byStatus.some((r) => r.status === "rejected") ||
        s.byLikelihood.some((r) => r.likelihood === "almost_certain") ||
        s.byKindAndStance.some((r) => r.stance === "deny") ||
        s.totalClaims > 2
      );
    },
    // V: gold holds X rejected (onlyA, adjudicated) and Y judged (from onlyA on).
    expected: OWN_VIEW,
  },
  {
    path: "corpus.proposition",
    probe: async (w, who) =>
      (await w.callers[who].corpus.proposition({ id: w.propositionId })).claimCount > 0,
    expected: OWN_VIEW,
  },
  {
    path: "corpus.propositions",
    probe: async (w, who) =>
      (await w.callers[who].corpus.propositions({})).items.some(
        (p) => p.id === w.propositionId && p.claimCount > 0,
      ),
    expected: OWN_VIEW,
  },
  {
    path: "proposition.list / proposition.byId",
    probe: async (w, who) => {
      const c = w.callers[who];
      const listed = (await c.proposition.list({})).items.some(
        (p) => p.id === w.propositionId && p.claimCount > 0,
      );
      const byId = (await c.proposition.byId({ id: w.propositionId })).claimCount > 0;
      expect(byId).toBe(listed);
      return listed;
    },
    expected: OWN_VIEW,
  },
  {
    path: "tag.list",
    probe: async (w, who) => (await w.callers[who].tag.list({})).items.some((t) => t.tag === TAG),
    // Tags of the annotations a reader may see: submitted ones for V.
    expected: { A: [T, T, T, T], B: [F, F, T, T], V: [F, T, T, T], D: [T, T, T, T] },
  },
  {
    path: "adjudication.byClaim (the decision on X)",
    probe: async (w, who) => (await w.callers[who].adjudication.byClaim({ claimId: w.x })) !== null,
    // An analyst reads it once they submitted; V and D as soon as it exists.
    expected: { A: [F, T, T, T], B: [F, F, T, T], V: [T, T, T, T], D: [T, T, T, T] },
  },
  {
    path: "agreement.summary / agreement.pairs",
    probe: async (w, who) => {
      const c = w.callers[who];
      const summary = await c.agreement.summary({});
      const pairs = await c.agreement.pairs({});
      return pairs.length > 0 || summary.fields.some((f) => f.pairableValues > 0);
    },
    // Figures over submitted layers only: nothing before the second analyst submits.
    expected: { A: [F, F, T, T], B: [F, F, T, T], V: [F, F, T, T], D: [F, F, T, T] },
  },
  {
    path: "export (canonical JSONL, gold)",
    probe: async (w, who) => canonicalLines(w, who, false).some((l) => lineShowsA(w, l)),
    expected: { A: [T, T, T, T], B: [F, F, T, T], V: [F, T, T, T], D: [T, T, T, T] },
  },
  {
    path: "export (canonical JSONL, with layers)",
    probe: async (w, who) => canonicalLines(w, who, true).some((l) => lineShowsA(w, l)),
    expected: { A: [T, T, T, T], B: [F, F, T, T], V: [F, T, T, T], D: [T, T, T, T] },
  },
  {
    path: "export count (/api/export?count=1: countExportClaims in the reader's export view)",
    probe: async (w, who) => {
      for (const filter of filtersOf(w))
        if (countExportClaims(w.api.db, filter, exportViewOf(w.users[who])) > 0) return true;
      return false;
    },
    // Gold, held back from an analyst who has not submitted the article.
    expected: { A: [F, T, T, T], B: [F, F, T, T], V: [F, T, T, T], D: [F, T, T, T] },
  },
];

const worlds = new Map<Stage, World>();
beforeAll(async () => {
  for (const stage of STAGES) worlds.set(stage, await buildWorld(stage));
}, 120_000);
afterAll(() => {
  for (const w of worlds.values()) w.api.db.$client.close();
});

describe.each(ROWS)("blind until submitted: $path", ({ probe, expected }) => {
  it.each(STAGES)("at stage %s", async (stage) => {
    const w = worlds.get(stage) as World;
    const i = STAGES.indexOf(stage);
    const seen: Record<Who, boolean> = { A: F, B: F, V: F, D: F };
    for (const who of ["A", "B", "V", "D"] as const) seen[who] = await probe(w, who);
    expect(seen).toEqual({
      A: expected.A[i],
      B: expected.B[i],
      V: expected.V[i],
      D: expected.D[i],
    });
  });
});

describe("blind until submitted: the world is as described", () => {
  it("has X disputed and Y gold once both submitted, all three gold once adjudicated", async () => {
    const both = worlds.get("both") as World;
    const queue = await both.callers.D.adjudication.queue({ status: "open" });
    expect(queue.items.map((i) => [i.claim.id, i.disputedFields])).toEqual([
      [both.x, ["existence"]],
      [both.z, ["existence"]],
    ]);
    const gold = async (w: World) =>
      (await w.callers.V.article.byId({ id: w.articleId })).claims
        .filter((c) => c.layer === "gold")
        .map((c) => [c.id, c.status, c.sourceId]);
    expect(await gold(both)).toEqual([[both.y, "accepted", both.sourceId]]);
    const done = worlds.get("adjudicated") as World;
    expect(await gold(done)).toEqual([
      [done.x, "rejected", null],
      [done.y, "accepted", done.sourceId],
      [done.z, "accepted", null],
    ]);
    const draft = worlds.get("draft") as World;
    expect(await gold(draft)).toEqual([]);
  });
});

describe("the known leaks of the old blind rule (issue #12), each closed", () => {
  it("a viewer reads no draft tag, stance or likelihood: tag.list, corpus.facets, corpus.proposition, the claims table's filters and counts, the export count", async () => {
    const w = worlds.get("draft") as World;
    const V = w.callers.V;
    expect((await V.tag.list({})).items).toEqual([]);
    expect((await V.corpus.facets()).tags).toEqual([]);
    const overview = await V.corpus.proposition({ id: w.propositionId });
    expect(overview.claims).toEqual([]);
    expect(overview.bySource).toEqual([]);
    for (const filter of [
      { likelihood: ["almost_certain" as const] },
      { sourceStance: ["deny" as const] },
      { tag: [TAG] },
    ]) {
      expect((await V.corpus.claims({ filter })).items).toEqual([]);
      expect(await V.corpus.count({ filter })).toEqual({ total: 0, capped: false });
      expect(countExportClaims(w.api.db, filter, exportViewOf(w.users.V))).toBe(0);
    }
    // The same reads as A find her drafts: the values are there.
    expect((await w.callers.A.tag.list({})).items.map((t) => t.tag)).toEqual([TAG]);
    expect((await w.callers.A.corpus.count({ filter: { tag: [TAG] } })).total).toBe(2);
  });

  it("corpus.stats counts no unsubmitted annotation of another analyst", async () => {
    const w = worlds.get("draft") as World;
    for (const who of ["B", "V", "D"] as const) {
      const s = await w.callers[who].corpus.stats();
      expect({ who, annotated: s.annotated, byLikelihood: s.byLikelihood }).toEqual({
        who,
        annotated: 0,
        byLikelihood: [],
      });
    }
    const own = await w.callers.A.corpus.stats();
    expect(own.annotated).toBe(2);
    expect(own.byLikelihood).toEqual([{ likelihood: "almost_certain", count: 2 }]);
  });

  it("an analyst cannot delete another analyst's claim, nor with it their submitted annotations", async () => {
    const w = await buildWorld("onlyA");
    try {
      const B = w.callers.B;
      const before = await w.callers.D.annotation.forClaim({ claimId: w.y });
      // A's hand-made claim is not in B's layer at all; a suggestion is rejected, not deleted.
      await expectTRPCError(B.claim.delete({ id: w.z, version: 0 }), "NOT_FOUND");
      await expectTRPCError(B.claim.delete({ id: w.y, version: 0 }), "FORBIDDEN");
      // B removing his own layer of X (his acceptance) leaves A's layer of X alone.
      await B.claim.delete({ id: w.x, version: 1 });
      expect(await w.callers.D.annotation.forClaim({ claimId: w.y })).toEqual(before);
      const aSees = await w.callers.A.article.byId({ id: w.articleId });
      expect(aSees.claims.map((c) => [c.id, c.status])).toEqual([
        [w.x, "rejected"],
        [w.y, "accepted"],
        [w.z, "accepted"],
      ]);
      expect(aSees.claims.filter((c) => c.annotation?.submittedAt).map((c) => c.id)).toEqual([
        w.y,
        w.z,
      ]);
    } finally {
      w.api.db.$client.close();
    }
  });
});
