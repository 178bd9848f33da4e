/**
 * CSV (RFC 4180, via csv-stringify): one row per claim with flat claim, article, span and source
 * columns. Annotations vary in number, so each row carries `annotation_count`, the consensus
 * columns (see consensus.ts) and every analyst's annotation serialised as a JSON array in
 * `annotations_json` (the canonical line's `annotations`), then the adjudicator's decision in
 * `adjudicated_*` columns (empty when the claim was not adjudicated). Fields holding commas, quotes or
 * newlines are quoted, with quotes doubled. A text cell a spreadsheet would read as a formula gets
 * a leading apostrophe (see neutraliseFormula); the canonical JSONL keeps the exact text.
 */
import type { ExportClaim } from "@claimdesk/db";
import { FEVER_LABELS } from "@claimdesk/types";
import { stringify } from "csv-stringify/sync";
import { consensusLikelihood, consensusVerdict } from "../consensus";
import type { ExportFormatter } from "../format";

export const CSV_COLUMNS = [
  "claim_id",
  "status",
  "origin",
  "score",
  "quote_type",
  "cue_lemma",
  "parent_claim_id",
  "version",
  "created_at",
  "updated_at",
  "article_id",
  "article_external_id",
  "article_collection",
  "article_url",
  "article_title",
  "article_publisher",
  "article_published_at",
  "article_text_sha256",
  "content_start",
  "content_end",
  "content_text",
  "source_mention_start",
  "source_mention_end",
  "source_mention_text",
  "cue_start",
  "cue_end",
  "cue_text",
  "source_name",
  "source_kind",
  "source_affiliation",
  "source_country",
  "source_reliability",
  "proposition_text",
  "annotation_count",
  "consensus_likelihood",
  "consensus_verdict",
  "fever_label",
  "annotations_json",
  "adjudicated_by",
  "adjudicated_at",
  "adjudicated_source_stance",
  "adjudicated_reporting_stance",
  "adjudicated_likelihood",
  "adjudicated_analytic_confidence",
  "adjudicated_credibility",
  "adjudicated_verdict",
  "adjudicated_note",
] as const;

/** The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP "CSV Injection": = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * OWASP's advice against CSV formula injection: a text cell starting with a formula character is
 * written with a leading apostrophe, which spreadsheets show as text and do not evaluate
 * (`=HYPERLINK(…)` becomes `'=HYPERLINK(…)`). Numbers are left alone.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

export function toCsvRow(claim: ExportClaim): Row {
  const a = claim.article;
  const likelihood = consensusLikelihood(claim);
  const verdict = consensusVerdict(claim);
  const d = claim.adjudication;
  return {
    claim_id: claim.id,
    status: claim.status,
    origin: claim.origin,
    score: claim.score,
    quote_type: claim.quoteType,
    cue_lemma: claim.cueLemma,
    parent_claim_id: claim.parentClaimId,
    version: claim.version,
    created_at: claim.createdAt,
    updated_at: claim.updatedAt,
    article_id: a.id,
    article_external_id: a.externalId,
    article_collection: a.collection,
    article_url: a.url,
    article_title: a.title,
    article_publisher: a.publisher,
    article_published_at: a.publishedAt,
    article_text_sha256: a.textSha256,
    content_start: claim.content.start,
    content_end: claim.content.end,
    content_text: claim.content.exact,
    source_mention_start: claim.sourceMention?.start ?? null,
    source_mention_end: claim.sourceMention?.end ?? null,
    source_mention_text: claim.sourceMention?.exact ?? null,
    cue_start: claim.cue?.start ?? null,
    cue_end: claim.cue?.end ?? null,
    cue_text: claim.cue?.exact ?? null,
    source_name: claim.source?.name ?? null,
    source_kind: claim.source?.kind ?? null,
    source_affiliation: claim.source?.affiliation ?? null,
    source_country: claim.source?.country ?? null,
    source_reliability: claim.source?.reliability ?? null,
    proposition_text: claim.proposition?.text ?? null,
    annotation_count: claim.annotations.length,
    consensus_likelihood: likelihood?.value ?? null,
    consensus_verdict: verdict?.value ?? null,
    fever_label: verdict ? FEVER_LABELS[verdict.value] : null,
    annotations_json: JSON.stringify(claim.annotations),
    adjudicated_by: d?.adjudicator.name ?? null,
    adjudicated_at: d?.updatedAt ?? null,
    adjudicated_source_stance: d?.sourceStance ?? null,
    adjudicated_reporting_stance: d?.reportingStance ?? null,
    adjudicated_likelihood: d?.likelihood ?? null,
    adjudicated_analytic_confidence: d?.analyticConfidence ?? null,
    adjudicated_credibility: d?.credibility ?? null,
    adjudicated_verdict: d?.verdict ?? null,
    adjudicated_note: d?.note ?? null,
  };
}

export function createCsvFormatter(): ExportFormatter {
  const columns = [...CSV_COLUMNS];
  const cast = { string: neutraliseFormula };
  return {
    format: "csv",
    extension: ".csv",
    mediaType: "text/csv; charset=utf-8",
    begin: () => stringify([columns], { cast }),
    claim: (claim) => stringify([toCsvRow(claim)], { columns, cast }),
    end: () => "",
  };
}
