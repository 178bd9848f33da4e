/**
 * Test fixture (not exported by the package): two analysts, A and B, annotate one article with
 * rule suggestions, as in issue #12's walk-through.
 *
 * - X: a suggestion A rejects and B accepts;
 * - Y: a suggestion citing "a spokesman" (registry source) that A accepts with the source
 *   corrected to Tehran, and B accepts as it is;
 * - W: a suggestion both accept as it is, with the same likelihood (unanimous);
 * - U: a suggestion neither touches;
 * - Z: a claim A adds by hand and B does not.
 */
import { insertTestArticle, insertTestSuggestion, insertTestUser, spanOf } from "../testing";
import { upsertAnnotation } from "./annotations";
import { createClaim, updateClaim } from "./claims";
import type { DbExecutor } from "./executor";
import { createSource } from "./sources";
import { submitArticle } from "./submissions";

export const TEXT =
  "Officials in Baghdad said the talks resumed on Monday. Tehran denied funding the militias, a spokesman told Reuters. Critics say nothing has changed since the strike. Prices rose, traders said. Markets were calm.";

type Role = "analyst" | "adjudicator" | "admin" | "viewer";
export interface Person {
  id: number;
  role: Role;
}

export interface TwoAnalysts {
  articleId: number;
  a: Person;
  b: Person;
  viewer: Person;
  adjudicator: Person;
  admin: Person;
  spokesman: number;
  tehran: number;
  x: number;
  y: number;
  w: number;
  u: number;
  /** A's hand-made claim (set by `annotateAsA`). */
  z: number;
}

/** The article, the people, the registry sources and the suggestions; nobody has decided yet. */
export function seedTwoAnalysts(db: DbExecutor): TwoAnalysts {
  const person = (name: string, role: Role): Person => ({
    id: insertTestUser(db, { name, role }).id,
    role,
  });
  const a = person("Ana", "analyst");
  const b = person("Ben", "analyst");
  const viewer = person("Vic", "viewer");
  const adjudicator = person("Judy", "adjudicator");
  const admin = person("Ada", "admin");
  const articleId = insertTestArticle(db, { text: TEXT, title: "Talks", publisher: "Wire" }).id;
  const spokesman = createSource(
    db,
    { name: "A spokesman", kind: "unnamed_official" },
    admin.id,
  ).id;
  const tehran = createSource(db, { name: "Tehran", kind: "named_organization" }, admin.id).id;
  const suggest = (content: string, source: string, cue: string, sourceId: number | null = null) =>
    insertTestSuggestion(db, { articleId, text: TEXT, content, source, cue, sourceId });
  const x = suggest("the talks resumed on Monday", "Officials in Baghdad", "said");
  const y = suggest("Tehran denied funding the militias", "a spokesman", "told", spokesman);
  const w = suggest("Prices rose", "traders", "said", null);
  const u = suggest("Markets were calm", "Markets", "were", null);
  return { articleId, a, b, viewer, adjudicator, admin, spokesman, tehran, x, y, w, u, z: 0 };
}

/** A's layer: rejects X, re-sources and accepts Y, accepts W (likely), adds Z by hand. */
export function annotateAsA(db: DbExecutor, s: TwoAnalysts): void {
  const { a } = s;
  updateClaim(db, { id: s.x, version: 0, patch: { status: "rejected" } }, a);
  updateClaim(db, { id: s.y, version: 0, patch: { status: "accepted", sourceId: s.tehran } }, a);
  updateClaim(db, { id: s.w, version: 0, patch: { status: "accepted" } }, a);
  upsertAnnotation(db, { claimId: s.w, analystId: a.id, values: { likelihood: "likely" } });
  s.z = createClaim(
    db,
    {
      articleId: s.articleId,
      content: spanOf(TEXT, "nothing has changed since the strike"),
      sourceMention: spanOf(TEXT, "Critics"),
      cue: spanOf(TEXT, "say"),
    },
    a,
  ).id;
}

/** B's layer: accepts X, accepts Y as suggested, accepts W (likely); adds nothing. */
export function annotateAsB(db: DbExecutor, s: TwoAnalysts): void {
  const { b } = s;
  for (const id of [s.x, s.y, s.w])
    updateClaim(db, { id, version: 0, patch: { status: "accepted" } }, b);
  upsertAnnotation(db, { claimId: s.w, analystId: b.id, values: { likelihood: "likely" } });
}

export function submit(db: DbExecutor, s: TwoAnalysts, who: Person): void {
  submitArticle(db, { articleId: s.articleId, analystId: who.id });
}
