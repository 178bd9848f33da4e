/**
 * Test data for the export tests: a migrated in-memory database with articles (one full of astral
 * characters, quotes and newlines), a registry source, a proposition, nested claims and two
 * analysts' annotations. Test-only; not exported from the package.
 */
import {
  createClaim,
  createSource,
  type Db,
  propositions,
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
  const c1 = createClaim(
    db,
    {
      articleId: a1.id,
      content: spanOf(EMOJI_TEXT, "the dam, at 𝔐osul, is safe"),
      sourceMention: spanOf(EMOJI_TEXT, "Officials"),
      cue: spanOf(EMOJI_TEXT, "said"),
      cueLemma: "say",
      sourceId: source.id,
      quoteType: "direct",
      propositionId: proposition,
    },
    ana,
  );
  const c2 = createClaim(
    db,
    {
      articleId: a1.id,
      content: spanOf(EMOJI_TEXT, 'Residents "doubt" it 👀'),
      sourceMention: spanOf(EMOJI_TEXT, "a witness"),
      cue: spanOf(EMOJI_TEXT, "told"),
      cueLemma: "tell",
      quoteType: "mixed",
      parentClaimId: c1.id,
    },
    ana,
  );
  const c3 = createClaim(
    db,
    {
      articleId: a2.id,
      content: spanOf(PLAIN_TEXT, "prices would fall"),
      sourceMention: spanOf(PLAIN_TEXT, "The ministry"),
      cue: spanOf(PLAIN_TEXT, "said"),
    },
    ben,
  );
  const c4 = createClaim(
    db,
    {
      articleId: a2.id,
      content: spanOf(PLAIN_TEXT, "prices would rise"),
      sourceMention: spanOf(PLAIN_TEXT, "Critics"),
      cue: spanOf(PLAIN_TEXT, "warned"),
    },
    ben,
  );
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
  return { db, analysts: { ana, ben }, claimIds: [c1.id, c2.id, c3.id, c4.id] };
}
