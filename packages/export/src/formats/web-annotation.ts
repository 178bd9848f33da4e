/**
 * W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), one annotation a line
 * (JSON Lines of complete JSON-LD documents). The target is the article (its url, else a
 * urn naming the text hash) with a TextQuoteSelector and a TextPositionSelector whose start/end
 * count Unicode code points, as the model requires; `cd:textSha256` pins the exact text snapshot.
 * The body carries the claim in the Claimdesk vocabulary (prefix `cd:`, see CLAIMDESK_VOCAB).
 */
import type { ExportArticle, ExportClaim } from "@claimdesk/db";
import { codePointConverter } from "../code-points";
import type { ExportFormatter } from "../format";
import { exportSpan } from "./canonical-jsonl";

export const ANNO_CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld";
/** The Claimdesk vocabulary's namespace: a URN, so nothing ever tries to dereference it. */
export const CLAIMDESK_VOCAB = "urn:claimdesk:vocab:";

const CONTEXT = [ANNO_CONTEXT_URL, { cd: CLAIMDESK_VOCAB }] as const;

/** The IRI an export uses for an article: its url when it has one, else a URN of its text hash. */
export function articleIri(article: Pick<ExportArticle, "url" | "textSha256">): string {
  return article.url ?? `urn:claimdesk:article:sha256:${article.textSha256}`;
}

export function claimIri(claim: ExportClaim): string {
  return `urn:claimdesk:claim:${claim.article.textSha256}:${claim.id}`;
}

export function toWebAnnotation(claim: ExportClaim, toCodePoint: (n: number) => number) {
  const text = claim.article.text;
  const content = exportSpan(text, claim.content);
  const cpSpan = (s: { start: number; end: number; exact: string } | null) =>
    s === null
      ? null
      : { "cd:start": toCodePoint(s.start), "cd:end": toCodePoint(s.end), "cd:exact": s.exact };
  return {
    "@context": CONTEXT,
    id: claimIri(claim),
    type: "Annotation",
    motivation: "identifying",
    created: claim.createdAt,
    modified: claim.updatedAt,
    body: {
      type: "cd:AttributedClaim",
      "cd:status": claim.status,
      "cd:origin": claim.origin,
      "cd:score": claim.score,
      "cd:quoteType": claim.quoteType,
      "cd:cueLemma": claim.cueLemma,
      "cd:cue": cpSpan(claim.cue),
      "cd:sourceMention": cpSpan(claim.sourceMention),
      "cd:source":
        claim.source === null
          ? null
          : {
              "cd:name": claim.source.name,
              "cd:aliases": claim.source.aliases,
              "cd:kind": claim.source.kind,
              "cd:affiliation": claim.source.affiliation,
              "cd:country": claim.source.country,
              "cd:reliability": claim.source.reliability,
            },
      "cd:proposition": claim.proposition?.text ?? null,
      "cd:annotations": claim.annotations.map((a) => ({
        "cd:analyst": a.analyst.name,
        "cd:sourceStance": a.sourceStance,
        "cd:reportingStance": a.reportingStance,
        "cd:likelihood": a.likelihood,
        "cd:analyticConfidence": a.analyticConfidence,
        "cd:verdict": a.verdict,
        "cd:credibility": a.credibility,
        "cd:note": a.note,
        "cd:tags": a.tags,
        "cd:updated": a.updatedAt,
        "cd:submitted": a.submittedAt,
      })),
    },
    target: {
      type: "SpecificResource",
      source: articleIri(claim.article),
      "cd:textSha256": claim.article.textSha256,
      selector: [
        {
          type: "TextQuoteSelector",
          exact: content.exact,
          prefix: content.prefix,
          suffix: content.suffix,
        },
        {
          type: "TextPositionSelector",
          start: toCodePoint(content.start),
          end: toCodePoint(content.end),
        },
      ],
    },
  };
}

export function createWebAnnotationFormatter(): ExportFormatter {
  let articleId = -1;
  let toCodePoint: (n: number) => number = (n) => n;
  return {
    format: "webanno",
    extension: ".jsonld.jsonl",
    mediaType: "application/x-ndjson; charset=utf-8",
    begin: () => "",
    claim: (claim) => {
      if (claim.article.id !== articleId) {
        articleId = claim.article.id;
        toCodePoint = codePointConverter(claim.article.text);
      }
      return `${JSON.stringify(toWebAnnotation(claim, toCodePoint))}\n`;
    },
    end: () => "",
  };
}
