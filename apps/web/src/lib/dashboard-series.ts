/**
 * Shapes corpus.stats into chart rows: labelled, in the vocabularies' own order (ICD 203 for
 * likelihood), with zero rows kept so every chart shows the whole scale.
 */
import {
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  LIKELIHOOD_LABELS,
  LIKELIHOOD_RANGES,
  LIKELIHOODS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type TClaimStatus,
  type TLikelihood,
  type TSourceKind,
  type TSourceStance,
} from "@claimdesk/types";
import type { StanceKey } from "./stance-timeline";

export interface StatsInput {
  totalClaims: number;
  annotated: number;
  byStatus: { status: TClaimStatus; count: number }[];
  bySourceKind: { kind: TSourceKind | null; count: number }[];
  byKindAndStance: { kind: TSourceKind | null; stance: TSourceStance | null; count: number }[];
  byLikelihood: { likelihood: TLikelihood; count: number }[];
}

const NO_SOURCE = "No source";

export function progressSeries(stats: StatsInput) {
  const counts = new Map(stats.byStatus.map((r) => [r.status, r.count]));
  return [
    ...CLAIM_STATUSES.map((s) => ({
      name: CLAIM_STATUS_LABELS[s].label,
      count: counts.get(s) ?? 0,
    })),
    { name: "Annotated by anyone", count: stats.annotated },
  ];
}

/** Rows per source kind (only kinds with claims), with total claims and annotated ones by stance. */
export function kindStanceSeries(stats: StatsInput) {
  const rows = new Map<string, { name: string; claims: number } & Record<StanceKey, number>>();
  const rowFor = (kind: TSourceKind | null) => {
    const name = kind ? SOURCE_KIND_LABELS[kind].label : NO_SOURCE;
    let row = rows.get(name);
    if (!row) {
      row = { name, claims: 0, support: 0, deny: 0, query: 0, comment: 0, unassessed: 0 };
      rows.set(name, row);
    }
    return row;
  };
  for (const r of stats.bySourceKind) rowFor(r.kind).claims += r.count;
  for (const r of stats.byKindAndStance) rowFor(r.kind)[r.stance ?? "unassessed"] += r.count;
  const order = [...SOURCE_KINDS.map((k) => SOURCE_KIND_LABELS[k].label), NO_SOURCE];
  return [...rows.values()].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/** Every ICD 203 term, lowest first, with its range in the label. */
export function likelihoodSeries(stats: StatsInput) {
  const counts = new Map(stats.byLikelihood.map((r) => [r.likelihood, r.count]));
  return LIKELIHOODS.map((l) => {
    const [low, high] = LIKELIHOOD_RANGES[l];
    return {
      name: LIKELIHOOD_LABELS[l].label,
      range: `${low}–${high} %`,
      count: counts.get(l) ?? 0,
    };
  });
}
