/** Test-only: every article and claim list a test produces passes the schema and span checks. */
import {
  type TProcessedArticle,
  type TSuggestedClaim,
  ZProcessedArticleSchema,
  ZSuggestedClaimSchema,
} from "@claimdesk/types";
import { expect } from "vitest";
import { normalizeText } from "../normalize-text";
import { segmentSentences } from "../segment-sentences";
import { findSpanProblems } from "../span-invariants";
import { suggestClaims } from "../suggest-claims";

export function expectValidArticle(article: TProcessedArticle): TProcessedArticle {
  ZProcessedArticleSchema.parse(article);
  expect(findSpanProblems(article)).toEqual([]);
  return article;
}

/** Normalise → segment → suggest for a hand-written text, checking every claim. */
export function claimsIn(raw: string): { text: string; claims: TSuggestedClaim[] } {
  const text = normalizeText(raw);
  const sentences = segmentSentences(text);
  const claims = suggestClaims(text, sentences);
  for (const claim of claims) ZSuggestedClaimSchema.parse(claim);
  expect(findSpanProblems({ text, sentences, claims })).toEqual([]);
  return { text, claims };
}

/** The one claim whose cue is `cue` (fails the test when there is none or several). */
export function claimWithCue(claims: readonly TSuggestedClaim[], cue: string): TSuggestedClaim {
  const found = claims.filter((c) => c.cue?.exact === cue);
  expect(found, `claims with cue "${cue}"`).toHaveLength(1);
  const [claim] = found;
  if (!claim) throw new Error(`no claim with cue "${cue}"`);
  return claim;
}
