/**
 * Test data for the export tests: a migrated in-memory database with articles (one full of astral
 * characters, quotes and newlines), a registry source, a proposition, nested rule suggestions and
 * two analysts' draft layers (accepting what they judge) and annotations. Nobody has submitted, so
 * there is no gold yet: an export shows the suggestions as the rule made them, with the analysts'
 * annotations beside them (`submitAll` submits every layer). Test-only; not exported from the
 * package.
 */
import {
  claims,
  createSource,
  type Db,
  propositions,
  submitArticle,
  updateClaim,
  upsertAnnotation,
  users,
} from "@claimdesk/db";
import { createTestDb, insertTestArticle, spanOf } from "@claimdesk/db/testing";

export const EMOJI_TEXT =
  '😀🎉 Officials said "the dam, at 𝔐osul, is safe" on Tuesday.\nResidents "doubt" it 👀, a witness told Reuters. 𝟘 more text follows here for context.';
export const PLAIN_TEXT =
  "The ministry said prices would fall. Critics warned that prices would rise, and a trader agreed.";

export interface Fixture {
  db: Db;
  analysts: { ana: number; ben: number };
  claimIds: number[];
  articleIds: number[];
}

type SpanText = { text: string; exact: string };

/** A rule's suggestion (shared, read-only), spans found in the text. */
function insertSuggestion(
  db: Db,
  input: {
    articleId: number;
    content: SpanText;
    sourceMention: SpanText;
    cue: SpanText;
    cueLemma?: string;
    sourceId?: number;
    quoteType?: "direct" | "indirect" | "mixed";
    parentClaimId?: number;
    propositionId?: number;
  },
): { id: number } {
  const content = spanOf(input.content.text, input.content.exact);
  const source = spanOf(input.sourceMention.text, input.sourceMention.exact);
  const cue = spanOf(input.cue.text, input.cue.exact);
  return db
    .insert(claims)
    .values({
      articleId: input.articleId,
      contentStart: content.start,
      contentEnd: content.end,
      contentText: content.exact,
      sourceStart: source.start,
      sourceEnd: source.end,
      sourceText: source.exact,
      cueStart: cue.start,
      cueEnd: cue.end,
      cueText: cue.exact,
      cueLemma: input.cueLemma ?? null,
      sourceId: input.sourceId ?? null,
      quoteType: input.quoteType ?? "indirect",
      parentClaimId: input.parentClaimId ?? null,
      propositionId: input.propositionId ?? null,
      status: "suggested",
      origin: "rule:test@1",
    })
    .returning({ id: claims.id })
    .get();
}

/** Every analyst submits their layer of every fixture article (gold is built). */
export function submitAll(fx: Fixture): void {
  for (const articleId of fx.articleIds)
    for (const analystId of [fx.analysts.ana, fx.analysts.ben])
      submitArticle(fx.db, { articleId, analystId });
}

export function buildFixture(): Fixture {
  const db = createTestDb();
  const ana = db.insert(users).values({ name: "Ana Analyst" }).returning().get().id;
  const ben = db.insert(users).values({ name: "Ben Reviewer" }).returning().get().id;
  const source = createSource(
    db,
    {
      name: "The Pentagon",
      aliases: ["DoD"],
      kind: "named_organization",
      affiliation: "military_security",
      country: "US",
      reliability: "B",
    },
    ana,
  );
  const proposition = db
    .insert(propositions)
    .values({ text: "The Mosul dam is safe" })
    .returning()
    .get().id;
  const a1 = insertTestArticle(db, {
    text: EMOJI_TEXT,
    title: 'Dam "safe", officials say',
    publisher: "Wire, Inc.",
    url: "https://news.example/dam",
    publishedAt: "2024-02-06",
    externalId: "dam-1",
  });
  const a2 = insertTestArticle(db, {
    text: PLAIN_TEXT,
    title: "Prices",
    publisher: "Daily",
    publishedAt: "2024-03-01",
  });
  const e = (exact: string) => ({ text: EMOJI_TEXT, exact });
  const p = (exact: string) => ({ text: PLAIN_TEXT, exact });
  const c1 = insertSuggestion(db, {
    articleId: a1.id,
    content: e("the dam, at 𝔐osul, is safe"),
    sourceMention: e("Officials"),
    cue: e("said"),
    cueLemma: "say",
    sourceId: source.id,
    quoteType: "direct",
    propositionId: proposition,
  });
  const c2 = insertSuggestion(db, {
    articleId: a1.id,
    content: e('Residents "doubt" it 👀'),
    sourceMention: e("a witness"),
    cue: e("told"),
    cueLemma: "tell",
    quoteType: "mixed",
    parentClaimId: c1.id,
  });
  const c3 = insertSuggestion(db, {
    articleId: a2.id,
    content: p("prices would fall"),
    sourceMention: p("The ministry"),
    cue: p("said"),
  });
  const c4 = insertSuggestion(db, {
    articleId: a2.id,
    content: p("prices would rise"),
    sourceMention: p("Critics"),
    cue: p("warned"),
  });
  // Each analyst accepts the claims they judge (their own draft layer).
  const accept = (id: number, analystId: number) =>
    updateClaim(db, { id, version: 0, patch: { status: "accepted" } }, analystId);
  accept(c1.id, ana);
  accept(c1.id, ben);
  accept(c3.id, ana);
  accept(c4.id, ana);
  accept(c4.id, ben);
  upsertAnnotation(db, {
    claimId: c1.id,
    analystId: ana,
    values: {
      sourceStance: "support",
      reportingStance: "neutral",
      likelihood: "likely",
      analyticConfidence: "moderate",
      verdict: "supported",
      credibility: "2",
      note: 'Checked, "twice",\nwith a newline',
      tags: ["dam", "iraq"],
    },
  });
  upsertAnnotation(db, {
    claimId: c1.id,
    analystId: ben,
    values: { likelihood: "very_likely", verdict: "supported", tags: ["dam"] },
  });
  upsertAnnotation(db, {
    claimId: c3.id,
    analystId: ana,
    values: { verdict: "refuted", likelihood: "unlikely", sourceStance: "deny" },
  });
  upsertAnnotation(db, {
    claimId: c4.id,
    analystId: ana,
    values: { verdict: "supported" },
  });
  upsertAnnotation(db, {
    claimId: c4.id,
    analystId: ben,
    values: { verdict: "refuted" },
  });
  return {
    db,
    analysts: { ana, ben },
    claimIds: [c1.id, c2.id, c3.id, c4.id],
    articleIds: [a1.id, a2.id],
  };
}
