/** Runs the suggester on PolNeAR texts as given (raw offsets) and scores each role. */
import type { TSuggestedClaim } from "@claimdesk/types";
import { segmentSentences } from "../../packages/ingest/src/segment-sentences";
import { suggestClaims } from "../../packages/ingest/src/suggest-claims";
import type { PolnearArticle } from "./polnear";
import {
  type Counts,
  emptyCounts,
  type GoldSpan,
  goldSpan,
  matchRole,
  type Range,
  ROLES,
  type Role,
} from "./score";

export type Mode = "exact" | "overlap";
export type Table = Record<Role, Record<Mode, Counts>>;

export const emptyTable = (): Table => ({
  source: { exact: emptyCounts(), overlap: emptyCounts() },
  cue: { exact: emptyCounts(), overlap: emptyCounts() },
  content: { exact: emptyCounts(), overlap: emptyCounts() },
});

export function predictedRanges(claims: readonly TSuggestedClaim[], role: Role): Range[] {
  const out: Range[] = [];
  for (const c of claims) {
    const s = role === "source" ? c.sourceMention : role === "cue" ? c.cue : c.content;
    if (s) out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function goldSpans(article: PolnearArticle, role: Role): GoldSpan[] {
  const out: GoldSpan[] = [];
  for (const a of article.attributions) {
    const parts = a[role];
    if (parts && parts.length > 0) out.push(goldSpan(article.text, parts, role));
  }
  return out;
}

export function suggest(text: string): TSuggestedClaim[] {
  return suggestClaims(text, segmentSentences(text));
}

/** Adds one article's counts to `table`. */
export function scoreArticle(
  article: PolnearArticle,
  claims: readonly TSuggestedClaim[],
  table: Table,
): void {
  for (const role of ROLES) scoreRanges(article, role, predictedRanges(claims, role), table);
}

/** Adds the counts of one role's predicted ranges against an article's gold to `table`. */
export function scoreRanges(
  article: PolnearArticle,
  role: Role,
  predicted: readonly Range[],
  table: Table,
): void {
  const gold = goldSpans(article, role);
  const [exact, overlap] = matchRole(article.text, gold, predicted, role);
  const modes: [Mode, number][] = [
    ["exact", exact],
    ["overlap", overlap],
  ];
  for (const [mode, matched] of modes) {
    const c = table[role][mode];
    c.gold += gold.length;
    c.predicted += predicted.length;
    c.matchedGold += matched;
    c.matchedPredicted += matched;
  }
}
