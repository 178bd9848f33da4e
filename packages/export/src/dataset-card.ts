/**
 * The dataset card (README.md) written beside a folder export: what the files are, every label
 * with its meaning (read from the label tables in packages/types) and its count, how the splits
 * were made, the filters used, the Claimdesk version, the export date and the schema version.
 */
import type { agreementOfArticles } from "@claimdesk/db";
import {
  AGREEMENT_FIELD_INFO,
  ANALYTIC_CONFIDENCE_LABELS,
  CANONICAL_SCHEMA_VERSION,
  CLAIM_STATUS_LABELS,
  CREDIBILITY_LABELS,
  FEVER_LABELS,
  type LabelInfo,
  LIKELIHOOD_LABELS,
  QUOTE_TYPE_LABELS,
  RELIABILITY_LABELS,
  REPORTING_STANCE_LABELS,
  SOURCE_AFFILIATION_LABELS,
  SOURCE_KIND_LABELS,
  SOURCE_STANCE_LABELS,
  type TClaimFilter,
  type TExportFormat,
  VERDICT_LABELS,
} from "@claimdesk/types";
import type { ExportStats, LabelledField } from "./export-stats";
import { SPLIT_NAMES, type SplitRatios } from "./splits";

const FORMAT_DESCRIPTIONS: Record<TExportFormat, string> = {
  jsonl:
    'Canonical JSONL: one claim a line (JSON Schema `claimdesk-claim.v1.schema.json`). The first line of each article in a file carries the article\'s full text in `article.text`; later lines of that article leave it out. An unfiltered export then adds `"kind": "article"` lines (articles with no claims, with their text, in their article\'s split) and `"kind": "source"` / `"kind": "proposition"` lines (those no claim uses, in train); a line without `kind` is a claim. `pnpm worker import --format claimdesk <file-or-folder>` imports it back without loss.',
  csv: "CSV (RFC 4180): one row per claim; every analyst's annotation is serialised as a JSON array in `annotations_json`, with `annotation_count` and the consensus columns beside it, and the adjudicator's decision in the `adjudicated_*` columns.",
  webanno:
    "W3C Web Annotation JSON-LD, one annotation a line: target = the article with a TextQuoteSelector and a TextPositionSelector (offsets in Unicode code points) and `cd:textSha256`; body = the claim in the Claimdesk vocabulary (`cd:` = `urn:claimdesk:vocab:`).",
  fever:
    "FEVER-style JSONL `{id, claim, label, evidence}` for claims with a consensus verdict: the adjudicated verdict where an adjudicator gave one, else the analysts' majority (ties are left out).",
  claimreview:
    "schema.org ClaimReview JSON-LD, one review a line, for claims with a likelihood or a verdict: reviewRating = the adjudicated likelihood, else the consensus (lower median) likelihood on 1 (almost no chance) … 7 (almost certain), else the consensus verdict as alternateName.",
};

const FIELDS: { field: LabelledField; title: string; labels: Record<string, LabelInfo> }[] = [
  { field: "status", title: "Claim status", labels: CLAIM_STATUS_LABELS },
  { field: "quoteType", title: "Quote type [PARC]", labels: QUOTE_TYPE_LABELS },
  { field: "sourceKind", title: "Source kind", labels: SOURCE_KIND_LABELS },
  { field: "sourceAffiliation", title: "Source affiliation", labels: SOURCE_AFFILIATION_LABELS },
  {
    field: "reliability",
    title: "Source reliability [Admiralty code]",
    labels: RELIABILITY_LABELS,
  },
  { field: "sourceStance", title: "Source stance [RumourEval]", labels: SOURCE_STANCE_LABELS },
  {
    field: "reportingStance",
    title: "Reporting stance [PARC authorial stance]",
    labels: REPORTING_STANCE_LABELS,
  },
  { field: "likelihood", title: "Likelihood [ICD 203]", labels: LIKELIHOOD_LABELS },
  {
    field: "analyticConfidence",
    title: "Analytic confidence [ICD 203]",
    labels: ANALYTIC_CONFIDENCE_LABELS,
  },
  { field: "verdict", title: "Verdict [FEVER]", labels: VERDICT_LABELS },
  {
    field: "credibility",
    title: "Information credibility [Admiralty code]",
    labels: CREDIBILITY_LABELS,
  },
];

export interface DatasetCardInput {
  format: TExportFormat;
  filter: TClaimFilter;
  split?: { ratios: SplitRatios; seed: number; files: Record<string, string> };
  /** File name of the single export file when there is no split. */
  file?: string;
  stats: ExportStats;
  claimdeskVersion: string;
  exportedAt: Date;
  /** True when the selection is the default one: reviewed claims only (see reviewed.ts). */
  reviewedOnly?: boolean;
  /** The agreement figures of the exported articles (agreementOfArticles). */
  agreement?: ReturnType<typeof agreementOfArticles>;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

const figure = (x: number | null) => (x === null ? "—" : x.toFixed(3));

/** How far the analysts agreed on the exported articles (their submitted layers). */
function agreementSection(agreement: DatasetCardInput["agreement"]): string[] {
  const out = ["## Agreement", ""];
  if (!agreement || agreement.analysts < 2) {
    out.push(
      "No exported article was annotated by two analysts who both submitted it: there is no inter-annotator agreement to report.",
      "",
    );
    return out;
  }
  out.push(
    `Over the submitted layers of the exported articles (${agreement.analysts} analysts). Two analysts' claims are the same unit when they decide on the same rule suggestion, or, added by hand, when their contents overlap. Krippendorff's alpha per field (existence: accepted vs rejected, a hand-made claim another analyst did not make counting as their no):`,
    "",
    "| field | level | alpha | units | pairable values |",
    "|---|---|---:|---:|---:|",
  );
  for (const f of agreement.fields)
    out.push(
      `| ${AGREEMENT_FIELD_INFO[f.field].label} | ${f.level} | ${f.alpha === null ? `— (${f.reason?.replaceAll("_", " ")})` : f.alpha.toFixed(3)} | ${f.units} | ${f.pairableValues} |`,
    );
  out.push("");
  if (agreement.spans) {
    out.push(
      "Span agreement between analysts' accepted claims, pooled over every pair (micro F1; exact = same offsets, overlap = one-to-one, greedy by overlap):",
      "",
      "| part | exact F1 | overlap F1 |",
      "|---|---:|---:|",
    );
    for (const [part, label] of [
      ["content", "content"],
      ["sourceMention", "source mention"],
      ["cue", "cue"],
    ] as const)
      out.push(
        `| ${label} | ${figure(agreement.spans[part].exact.f1)} | ${figure(agreement.spans[part].overlap.f1)} |`,
      );
    out.push("");
  }
  return out;
}

export function renderDatasetCard(input: DatasetCardInput): string {
  const { stats } = input;
  const out: string[] = [];
  out.push("# Claimdesk dataset export", "");
  out.push(
    `- Exported: ${input.exportedAt.toISOString()}`,
    `- Claimdesk version: ${input.claimdeskVersion}`,
    `- Schema version: ${CANONICAL_SCHEMA_VERSION}`,
    `- Format: \`${input.format}\` — ${FORMAT_DESCRIPTIONS[input.format]}`,
    `- Articles: ${stats.total.articles} · claims: ${stats.total.claims} · records written: ${stats.total.records} · analyst annotations: ${stats.annotations}`,
    "",
  );
  out.push("## Selection", "");
  const filters = Object.entries(input.filter).filter(
    ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  if (input.reviewedOnly)
    out.push(
      "Reviewed claims only: those accepted or rejected in the gold layer (the team's final decisions). Unreviewed rule suggestions are left out; `pnpm worker export --all` (or “Include unreviewed suggestions” on /export) includes them.",
      "",
    );
  if (filters.length === 0) out.push("All claims (no filter), unreviewed suggestions included.");
  else {
    out.push("Claims matching every one of these filters (the claims table's filter):", "");
    for (const [k, v] of filters)
      out.push(`- \`${k}\`: ${Array.isArray(v) ? v.join(", ") : String(v)}`);
  }
  out.push("");
  out.push(...agreementSection(input.agreement));
  out.push("## Files and splits", "");
  if (input.split) {
    const [a, b, c] = input.split.ratios;
    out.push(
      `Split by article, never by claim: an article goes to train/dev/test by sha256(\`${input.split.seed}:<article textSha256>\`) read as a number in [0, 1) against the ratios ${a}/${b}/${c} (seed ${input.split.seed}). The same seed always gives the same split; all claims of an article are in one file.`,
      "",
      "| split | file | articles | claims | records |",
      "|---|---|---:|---:|---:|",
    );
    for (const name of SPLIT_NAMES) {
      const s = stats.splits.get(name) ?? { articles: 0, claims: 0, records: 0 };
      out.push(
        `| ${name} | ${input.split.files[name] ?? ""} | ${s.articles} | ${s.claims} | ${s.records} |`,
      );
    }
  } else {
    out.push(`One file${input.file ? `: \`${input.file}\`` : ""}; no split.`);
  }
  out.push("");
  out.push(
    "## Offsets",
    "",
    "Span offsets in the canonical JSONL and CSV are UTF-16 code-unit indices into the article text (as stored); Web Annotation TextPositionSelectors count Unicode code points. Every span also keeps its `exact` text and ~32 characters of prefix/suffix so it can be re-anchored. `textSha256` is the SHA-256 of the article text.",
    "",
  );
  out.push(
    "## Labels",
    "",
    "Counts are over the exported claims (annotation fields: over every analyst's annotation).",
    "",
  );
  for (const { field, title, labels } of FIELDS) {
    out.push(`### ${title}`, "", "| value | label | meaning | count |", "|---|---|---|---:|");
    for (const [value, info] of Object.entries(labels))
      out.push(
        `| \`${value}\` | ${cell(info.label)} | ${cell(info.description)} | ${stats.count(field, value)} |`,
      );
    out.push("");
  }
  out.push(
    "### FEVER label (consensus verdict)",
    "",
    "The adjudicated verdict where an adjudicator decided one (the canonical line's `adjudicated`), else the majority of the analysts' verdicts; a tie has no label.",
    "",
    "| label | verdict | count |",
    "|---|---|---:|",
  );
  for (const [verdict, label] of Object.entries(FEVER_LABELS))
    out.push(`| \`${label}\` | \`${verdict}\` | ${stats.count("feverLabel", label)} |`);
  out.push("");
  return out.join("\n");
}
