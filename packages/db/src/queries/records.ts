/**
 * The JSON-safe records the query functions return (and the API sends): rows with timestamps as
 * ISO 8601 strings, because the tRPC link has no transformer and a Date would arrive as a string.
 */
import type { annotations, articles, claims, sources } from "../schema";

type ArticleRow = typeof articles.$inferSelect;
type ClaimRow = typeof claims.$inferSelect;
type SourceRow = typeof sources.$inferSelect;
type AnnotationRow = typeof annotations.$inferSelect;

export type Article = Omit<ArticleRow, "importJobId" | "createdAt"> & { createdAt: string };

export type ArticleListItem = Pick<ArticleRow, "id" | "title" | "publisher" | "publishedAt"> & {
  createdAt: string;
  claimCount: number;
  /** FTS5 snippet with `[` `]` around hits when searching, else the text's first 200 chars. */
  snippet: string;
};

export type Source = Pick<
  SourceRow,
  "id" | "name" | "aliases" | "kind" | "affiliation" | "country" | "reliability"
> & { claimCount: number };

export type Annotation = Omit<AnnotationRow, "createdAt" | "updatedAt" | "submittedAt"> & {
  updatedAt: string;
  /** When the analyst submitted it (ISO); null while it is a draft. */
  submittedAt: string | null;
};

export type Claim = Omit<ClaimRow, "createdBy" | "createdAt" | "updatedAt"> & {
  createdAt: string;
  updatedAt: string;
};

/** The team's judgement of a claim, in the gold view. */
export interface GoldJudgement {
  basis: "single" | "unanimous" | "adjudicated" | null;
  sourceStance: AnnotationRow["sourceStance"];
  reportingStance: AnnotationRow["reportingStance"];
  likelihood: AnnotationRow["likelihood"];
  analyticConfidence: AnnotationRow["analyticConfidence"];
  credibility: AnnotationRow["credibility"];
  verdict: AnnotationRow["verdict"];
  note: string | null;
}

export type ClaimWithDetails = Claim & {
  /** Where the decided values come from: the bare proposal, the reader's layer, or gold. */
  layer: "proposal" | "analyst" | "gold";
  /** In the gold view: the team's judgement. */
  gold: GoldJudgement | null;
  source: Source | null;
  /** The calling analyst's own annotation. */
  annotation: Annotation | null;
};

export function toArticle(row: ArticleRow): Article {
  const { importJobId: _job, createdAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString() };
}

export function toSource(row: SourceRow, claimCount: number): Source {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    kind: row.kind,
    affiliation: row.affiliation,
    country: row.country,
    reliability: row.reliability,
    claimCount,
  };
}

export function toAnnotation(row: AnnotationRow): Annotation {
  const { createdAt: _created, updatedAt, submittedAt, ...rest } = row;
  return {
    ...rest,
    submittedAt: submittedAt?.toISOString() ?? null,
    updatedAt: updatedAt.toISOString(),
  };
}

export function toClaim(row: ClaimRow): Claim {
  const { createdBy: _by, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}
