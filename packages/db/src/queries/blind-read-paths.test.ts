/**
 * The blind rule on every read path of the database package, one row per path (issue #12).
 *
 * A (an analyst) leaves a DRAFT layer of an article: decisions (rejects X), a hand-made claim (Z),
 * spans (U's content narrowed to "were calm"), a registry source (Y re-linked to Tehran), a
 * proposition (Y linked to P), judgements and tags (Y: almost_certain, tag "a-secret"), and the
 * history of all that. Each row's probe asks whether a reader sees any of it through that path.
 *
 * - While A's layer is a draft: B (an analyst) and viewers see nothing of it; adjudicators and
 *   admins see every layer where a path shows other layers (annotations, history, tags, layers).
 * - A submits: still nothing for B, who has not submitted (the reader first); viewers now read
 *   the gold layer, which is A's (single analyst).
 * - Both submitted: B sees A's submitted layer where a path shows other layers, and the team's
 *   gold in exports; the paths of B's own view (claims, table, stats, facets) stay B's own.
 * - `self`: A sees her own draft (so no probe is blind by construction).
 */
import type { TUserRole } from "@claimdesk/types";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { annotations } from "../schema";
import { createTestDb } from "../testing";
import { listAnnotationsForClaim, upsertAnnotation, visibleAnnotationsOf } from "./annotations";
import { articleLayers, listArticles } from "./articles";
import { getClaimHistory } from "./audit-history";
import { claimFacets, countClaimTable, listClaimTable } from "./claim-table";
import { getClaimWithDetails, listClaimsForArticle, updateClaim } from "./claims";
import { corpusStats } from "./corpus-stats";
import { NotFoundError } from "./errors";
import { countExportClaims, iterateExportClaims } from "./export";
import { exportViewOf, type Reader } from "./layer-view";
import { getPropositionOverview, listPropositionsWithCounts } from "./proposition-overview";
import { createProposition, listTags } from "./propositions";
import { reviewQueueSummary } from "./review-queue";
import {
  annotateAsA,
  seedTwoAnalysts,
  submit,
  TEXT,
  type TwoAnalysts,
} from "./two-analysts.fixture";

let db: Db;
let s: TwoAnalysts;
let p: number;

beforeEach(() => {
  db = createTestDb();
  s = seedTwoAnalysts(db);
  p = createProposition(db, { text: "Tehran funds the militias" }, s.admin.id).id;
  annotateAsA(db, s);
  // A's further drafts: Y linked to P, U accepted with a narrower content span, Y judged and tagged.
  updateClaim(db, { id: s.y, version: 1, patch: { propositionId: p } }, s.a);
  const calm = TEXT.indexOf("were calm");
  updateClaim(
    db,
    {
      id: s.u,
      version: 0,
      patch: { status: "accepted", content: { start: calm, end: calm + 9, exact: "were calm" } },
    },
    s.a,
  );
  upsertAnnotation(db, {
    claimId: s.y,
    analystId: s.a.id,
    values: { likelihood: "almost_certain", sourceStance: "deny", tags: ["a-secret"] },
  });
});
afterEach(() => db.$client.close());

type Probe = (reader: Reader) => boolean;

interface ReadPath {
  path: string;
  /** Whether `reader` sees any of A's layer through this path. */
  sees: Probe;
  /** A herself, while her layer is a draft. */
  self: boolean;
  /** Adjudicators and admins, while A's layer is a draft. */
  admin: boolean;
  /** Viewers, once A submitted (gold is A's layer). */
  viewerGold: boolean;
  /** B, once both submitted. */
  both: boolean;
}

/** Whether a read answers (false: NotFoundError). */
const answers = (read: () => unknown): boolean => {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
};
const claimsOf = (r: Reader) => listClaimsForArticle(db, s.articleId, r);
/** Four suggestions (X, Y, W, U); A's hand-made Z makes five. */
const SUGGESTIONS = 4;

const PATHS: ReadPath[] = [
  {
    path: "decisions: listClaimsForArticle (X rejected)",
    sees: (r) => claimsOf(r).find((c) => c.id === s.x)?.status === "rejected",
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "hand-made claims: listClaimsForArticle (Z)",
    sees: (r) => claimsOf(r).some((c) => c.id === s.z),
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "hand-made claims: getClaimWithDetails (Z)",
    sees: (r) => getClaimWithDetails(db, s.z, r) !== null,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "spans: getClaimWithDetails (U's content)",
    sees: (r) => getClaimWithDetails(db, s.u, r)?.contentText === "were calm",
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "sources: getClaimWithDetails (Y's registry source)",
    sees: (r) => getClaimWithDetails(db, s.y, r)?.sourceId === s.tehran,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "propositions: getClaimWithDetails (Y's proposition)",
    sees: (r) => getClaimWithDetails(db, s.y, r)?.propositionId === p,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "judgements: listAnnotationsForClaim (Y)",
    sees: (r) => {
      const { own, others } = listAnnotationsForClaim(db, s.y, r);
      return [own, ...others].some((a) => a?.analystId === s.a.id);
    },
    self: true,
    admin: true,
    viewerGold: false,
    both: true,
  },
  {
    path: "export annotations: visibleAnnotationsOf (Y)",
    sees: (r) => {
      const theirs = db
        .select({ id: annotations.id })
        .from(annotations)
        .where(and(eq(annotations.claimId, s.y), eq(annotations.analystId, s.a.id)))
        .get();
      return theirs !== undefined && visibleAnnotationsOf(db, s.y, r).ids.has(theirs.id);
    },
    self: true,
    admin: true,
    // Viewers see the submitted annotations behind gold.
    viewerGold: true,
    both: true,
  },
  {
    // A missing id is NotFound; so must another analyst's draft hand-made claim be, or its
    // existence (and, by ids, how many) would show.
    path: "existence: listAnnotationsForClaim (Z) answers",
    sees: (r) => answers(() => listAnnotationsForClaim(db, s.z, r)),
    self: true,
    admin: true,
    viewerGold: true,
    both: true,
  },
  {
    path: "existence: getClaimHistory (Z) answers",
    sees: (r) => answers(() => getClaimHistory(db, s.z, r)),
    self: true,
    admin: true,
    viewerGold: true,
    both: true,
  },
  {
    path: "history: getClaimHistory (X)",
    sees: (r) => getClaimHistory(db, s.x, r).some((e) => e.actor?.id === s.a.id),
    self: true,
    admin: true,
    viewerGold: false,
    both: true,
  },
  {
    path: "tags: listTags",
    sees: (r) => listTags(db, {}, r).items.some((t) => t.tag === "a-secret"),
    self: true,
    admin: true,
    viewerGold: true,
    both: true,
  },
  {
    path: "dashboard: corpusStats",
    sees: (r) => {
      const stats = corpusStats(db, r);
      return (
        stats.totalClaims !== SUGGESTIONS ||
        stats.byStatus.some((b) => b.status === "rejected") ||
        stats.byLikelihood.some((l) => l.likelihood === "almost_certain")
      );
    },
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "tag facets: claimFacets",
    sees: (r) => claimFacets(db, r).tags.some((t) => t.value === "a-secret"),
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "claims table: listClaimTable rows",
    sees: (r) =>
      listClaimTable(db, {}, r).items.some(
        (i) => i.id === s.z || (i.id === s.x && i.status === "rejected") || i.likelihood !== null,
      ),
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "claims table: countClaimTable (all)",
    sees: (r) => countClaimTable(db, { filter: {} }, r).total !== SUGGESTIONS,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "claims table: status filter",
    sees: (r) =>
      countClaimTable(db, { filter: { status: ["rejected"] } }, r).total > 0 ||
      listClaimTable(db, { filter: { status: ["rejected"] } }, r).items.length > 0,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "claims table: source filter",
    sees: (r) =>
      countClaimTable(db, { filter: { sourceId: [s.tehran] } }, r).total > 0 ||
      listClaimTable(db, { filter: { sourceKind: ["named_organization"] } }, r).items.length > 0,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "claims table: likelihood filter",
    sees: (r) =>
      countClaimTable(db, { filter: { likelihood: ["almost_certain"] } }, r).total > 0 ||
      listClaimTable(db, { filter: { likelihood: ["almost_certain"] } }, r).items.length > 0,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "claims table: tag filter",
    sees: (r) =>
      countClaimTable(db, { filter: { tag: ["a-secret"] } }, r).total > 0 ||
      listClaimTable(db, { filter: { tag: ["a-secret"] } }, r).items.length > 0,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "propositions: listPropositionsWithCounts",
    sees: (r) =>
      (listPropositionsWithCounts(db, {}, r).items.find((x) => x.id === p)?.claimCount ?? 0) > 0,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "propositions: getPropositionOverview",
    sees: (r) => {
      const o = getPropositionOverview(db, p, r);
      return o.claimCount > 0 || o.claims.length > 0 || o.timeline.length > 0;
    },
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "articles: listArticles claim count",
    sees: (r) => listArticles(db, {}, r).items[0]?.claimCount !== SUGGESTIONS,
    self: true,
    admin: false,
    viewerGold: true,
    both: false,
  },
  {
    path: "layers side by side: articleLayers",
    sees: (r) => articleLayers(db, s.articleId, r).layers.some((l) => l.analyst?.id === s.a.id),
    self: false,
    admin: true,
    viewerGold: false,
    both: true,
  },
  {
    path: "review queue: reviewQueueSummary",
    // While the article is in B's queue it holds the four suggestions; A's decisions or Z
    // would change that (a submitted article leaves the queue).
    sees: (r) => {
      const queue = reviewQueueSummary(db, r.id);
      return queue.articles > 0 && queue.claims !== SUGGESTIONS;
    },
    self: true,
    admin: false,
    viewerGold: false,
    both: false,
  },
  {
    path: "export: iterateExportClaims(exportViewOf(reader))",
    sees: (r) =>
      [...iterateExportClaims(db, {}, { view: exportViewOf(r) })].some(
        (c) =>
          c.id === s.z ||
          (c.id === s.x && c.status === "rejected") ||
          c.content.exact === "were calm" ||
          c.source?.id === s.tehran,
      ),
    // A has not submitted: her export holds no gold (and her draft is no gold).
    self: false,
    admin: false,
    viewerGold: true,
    // Both submitted: gold holds U as A narrowed it (B gave no opinion on U).
    both: true,
  },
  {
    path: "export: countExportClaims(exportViewOf(reader))",
    sees: (r) => countExportClaims(db, {}, exportViewOf(r)) !== SUGGESTIONS,
    self: false,
    admin: false,
    viewerGold: true,
    // Z is disputed once both submitted: no gold row, not counted.
    both: false,
  },
];

const as = (person: { id: number; role: TUserRole }): Reader => ({
  id: person.id,
  role: person.role,
});

describe("the blind rule on every read path", () => {
  it.each(PATHS.map((row) => [row.path, row] as const))("%s", (_path, row) => {
    // Sanity: each probe can see something for someone.
    expect(row.self || row.admin || row.viewerGold || row.both).toBe(true);
    const a = as(s.a);
    const b = as(s.b);
    const viewer = as(s.viewer);
    // A's layer is a draft.
    expect(row.sees(a), "A, her own draft").toBe(row.self);
    expect(row.sees(b), "B, A's draft").toBe(false);
    expect(row.sees(viewer), "viewer, A's draft").toBe(false);
    expect(row.sees(as(s.admin)), "admin, A's draft").toBe(row.admin);
    expect(row.sees(as(s.adjudicator)), "adjudicator, A's draft").toBe(row.admin);
    // A submits; B has not.
    submit(db, s, s.a);
    expect(row.sees(b), "B, A submitted, B not").toBe(false);
    expect(row.sees(viewer), "viewer, A submitted (gold)").toBe(row.viewerGold);
    // Both submitted.
    submit(db, s, s.b);
    expect(row.sees(b), "B, both submitted").toBe(row.both);
  });
});
