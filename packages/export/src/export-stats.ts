/** Counts gathered while an export streams: per split, and per label of every labelled field. */
import type { ExportClaim } from "@claimdesk/db";
import { FEVER_LABELS } from "@claimdesk/types";
import { consensusVerdict } from "./consensus";
import type { SplitName } from "./splits";

export const LABELLED_FIELDS = [
  "status",
  "quoteType",
  "sourceKind",
  "sourceAffiliation",
  "reliability",
  "sourceStance",
  "reportingStance",
  "likelihood",
  "analyticConfidence",
  "verdict",
  "credibility",
  "feverLabel",
] as const;
export type LabelledField = (typeof LABELLED_FIELDS)[number];

export interface SplitCounts {
  articles: number;
  claims: number;
  /** Records written to the file (FEVER and ClaimReview leave claims without a judgement out). */
  records: number;
}

export class ExportStats {
  readonly total: SplitCounts = { articles: 0, claims: 0, records: 0 };
  readonly splits = new Map<SplitName, SplitCounts>();
  readonly labels = new Map<LabelledField, Map<string, number>>(
    LABELLED_FIELDS.map((f) => [f, new Map()]),
  );
  annotations = 0;
  /** The exported articles (the dataset card's agreement figures are theirs). */
  readonly articleIds = new Set<number>();

  private bump(field: LabelledField, value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    const m = this.labels.get(field);
    if (m) m.set(value, (m.get(value) ?? 0) + 1);
  }

  add(claim: ExportClaim, firstOfArticle: boolean, written: boolean, split?: SplitName): void {
    const targets = [this.total];
    if (split !== undefined) {
      let s = this.splits.get(split);
      if (!s) {
        s = { articles: 0, claims: 0, records: 0 };
        this.splits.set(split, s);
      }
      targets.push(s);
    }
    this.articleIds.add(claim.article.id);
    for (const t of targets) {
      t.claims++;
      if (firstOfArticle) t.articles++;
      if (written) t.records++;
    }
    this.bump("status", claim.status);
    this.bump("quoteType", claim.quoteType);
    this.bump("sourceKind", claim.source?.kind);
    this.bump("sourceAffiliation", claim.source?.affiliation);
    this.bump("reliability", claim.source?.reliability);
    for (const a of claim.annotations) {
      this.annotations++;
      this.bump("sourceStance", a.sourceStance);
      this.bump("reportingStance", a.reportingStance);
      this.bump("likelihood", a.likelihood);
      this.bump("analyticConfidence", a.analyticConfidence);
      this.bump("verdict", a.verdict);
      this.bump("credibility", a.credibility);
    }
    const verdict = consensusVerdict(claim);
    if (verdict) this.bump("feverLabel", FEVER_LABELS[verdict.value]);
  }

  count(field: LabelledField, value: string): number {
    return this.labels.get(field)?.get(value) ?? 0;
  }
}
