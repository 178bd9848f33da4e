/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), one review a line, for the
 * claims analysts assessed (a likelihood or a verdict). Mapping:
 * - claimReviewed = the content span; itemReviewed = a Claim whose author is the source (Person
 *   for people, Organization otherwise) and whose appearance is the article.
 * - reviewRating: the consensus likelihood on a 1–7 scale (1 almost no chance … 7 almost certain,
 *   worstRating 1, bestRating 7), alternateName "<label> (<ICD 203 range>)"; with no likelihood,
 *   the consensus verdict's label as alternateName and no ratingValue.
 * - The adjudicator's likelihood and verdict, when given, take the place of the analysts' (see
 *   consensus.ts).
 * - author = the analysts who annotated it, and the adjudicator; datePublished = their latest update.
 */
import type { ExportClaim, ExportSource } from "@claimdesk/db";
import {
  LIKELIHOOD_LABELS,
  LIKELIHOOD_RANGES,
  LIKELIHOODS,
  VERDICT_LABELS,
} from "@claimdesk/types";
import { consensusLikelihood, consensusVerdict } from "../consensus";
import type { ExportFormatter } from "../format";
import { articleIri, claimIri } from "./web-annotation";

const PERSON_KINDS = new Set([
  "author",
  "named_person",
  "unnamed_official",
  "unnamed_non_official",
]);

function author(source: ExportSource | null, mention: string | null) {
  if (source === null) return mention === null ? undefined : { "@type": "Person", name: mention };
  return { "@type": PERSON_KINDS.has(source.kind) ? "Person" : "Organization", name: source.name };
}

export function toClaimReview(claim: ExportClaim) {
  const likelihood = consensusLikelihood(claim);
  const verdict = consensusVerdict(claim);
  if (likelihood === null && verdict === null) return null;
  const [lo, hi] = likelihood ? LIKELIHOOD_RANGES[likelihood.value] : [0, 0];
  const reviewRating = likelihood
    ? {
        "@type": "Rating",
        ratingValue: LIKELIHOODS.indexOf(likelihood.value) + 1,
        worstRating: 1,
        bestRating: LIKELIHOODS.length,
        alternateName: `${LIKELIHOOD_LABELS[likelihood.value].label} (${lo}–${hi} %)`,
      }
    : { "@type": "Rating", alternateName: verdict ? VERDICT_LABELS[verdict.value].label : "" };
  const article = claim.article;
  const decision = claim.adjudication;
  const updated = [
    ...claim.annotations.map((a) => a.updatedAt),
    ...(decision ? [decision.updatedAt] : []),
  ].sort();
  const authors = claim.annotations.map((a) => a.analyst.name);
  if (decision && !authors.includes(decision.adjudicator.name))
    authors.push(decision.adjudicator.name);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "@id": claimIri(claim),
    claimReviewed: claim.content.exact,
    datePublished: updated[updated.length - 1] ?? claim.updatedAt,
    author: authors.map((name) => ({ "@type": "Person", name })),
    reviewRating,
    itemReviewed: {
      "@type": "Claim",
      author: author(claim.source, claim.sourceMention?.exact ?? null),
      appearance: {
        "@type": "NewsArticle",
        "@id": articleIri(article),
        ...(article.url ? { url: article.url } : {}),
        ...(article.title ? { headline: article.title } : {}),
        ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
        ...(article.publisher
          ? { publisher: { "@type": "Organization", name: article.publisher } }
          : {}),
      },
    },
  };
}

export function createClaimReviewFormatter(): ExportFormatter {
  return {
    format: "claimreview",
    extension: ".claimreview.jsonl",
    mediaType: "application/x-ndjson; charset=utf-8",
    begin: () => "",
    claim: (claim) => {
      const review = toClaimReview(claim);
      return review === null ? "" : `${JSON.stringify(review)}\n`;
    },
    end: () => "",
  };
}
