/**
 * Canonical JSONL: one claim a line, shaped by ZCanonicalClaimLineSchema (packages/types). The
 * first line of each article in a file also carries the article's full text, so a file (or each
 * split file) imports back without loss; later lines of the same article omit it. An unfiltered
 * export then adds `kind: "article" | "source" | "proposition"` lines (ZCanonicalEntityLineSchema)
 * for the articles with no claims and the sources and propositions no claim uses.
 */
import type { ExportArticle, ExportClaim, UnclaimedEntity } from "@claimdesk/db";
import {
  CANONICAL_SCHEMA_VERSION,
  type TCanonicalClaimLine,
  type TCanonicalEntityLine,
  type TExportSpan,
} from "@claimdesk/types";
import { contextAround } from "../code-points";
import type { ExportFormatter } from "../format";

export function exportSpan(
  text: string,
  span: { start: number; end: number; exact: string },
): TExportSpan {
  const { prefix, suffix } = contextAround(text, span.start, span.end);
  return { start: span.start, end: span.end, exact: span.exact, prefix, suffix };
}

/** An article's fields in the canonical line's order; its text last, and only where asked. */
function canonicalArticle(a: ExportArticle, includeText: boolean): TCanonicalClaimLine["article"] {
  return {
    id: a.id,
    externalId: a.externalId,
    collection: a.collection,
    url: a.url,
    title: a.title,
    publisher: a.publisher,
    byline: a.byline,
    publishedAt: a.publishedAt,
    language: a.language,
    textSha256: a.textSha256,
    extractor: a.extractor,
    createdAt: a.createdAt,
    ...(includeText ? { text: a.text } : {}),
  };
}

export function toCanonicalLine(claim: ExportClaim, includeText: boolean): TCanonicalClaimLine {
  const a = claim.article;
  return {
    schemaVersion: CANONICAL_SCHEMA_VERSION,
    claim: {
      id: claim.id,
      status: claim.status,
      origin: claim.origin,
      score: claim.score,
      quoteType: claim.quoteType,
      cueLemma: claim.cueLemma,
      parentClaimId: claim.parentClaimId,
      version: claim.version,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
    },
    article: canonicalArticle(a, includeText),
    spans: {
      content: exportSpan(a.text, claim.content),
      sourceMention: claim.sourceMention ? exportSpan(a.text, claim.sourceMention) : null,
      cue: claim.cue ? exportSpan(a.text, claim.cue) : null,
    },
    source: claim.source,
    proposition: claim.proposition,
    annotations: claim.annotations,
    adjudicated: claim.adjudication,
    ...(claim.layers
      ? {
          inGoldLayer: claim.inLayer ?? false,
          layers: claim.layers,
          submissions: claim.submissions ?? [],
        }
      : {}),
  };
}

export function toCanonicalEntityLine(entity: UnclaimedEntity): TCanonicalEntityLine {
  const schemaVersion = CANONICAL_SCHEMA_VERSION;
  switch (entity.kind) {
    case "article": {
      const { article } = entity;
      // An article line always carries its text (no claim line does it for it).
      return {
        schemaVersion,
        kind: "article",
        article: { ...canonicalArticle(article, false), text: article.text },
      };
    }
    case "source":
      return { schemaVersion, kind: "source", source: entity.source };
    case "proposition":
      return { schemaVersion, kind: "proposition", proposition: entity.proposition };
  }
}

export function createCanonicalJsonlFormatter(): ExportFormatter {
  return {
    format: "jsonl",
    extension: ".jsonl",
    mediaType: "application/x-ndjson; charset=utf-8",
    begin: () => "",
    claim: (claim, firstOfArticle) => `${JSON.stringify(toCanonicalLine(claim, firstOfArticle))}\n`,
    entity: (entity) => `${JSON.stringify(toCanonicalEntityLine(entity))}\n`,
    end: () => "",
  };
}
