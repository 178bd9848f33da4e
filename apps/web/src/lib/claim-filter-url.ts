/**
 * The claim filter ⇄ URL search params, shared by the claims table and /export so that a view's
 * URL is its selection. Simple on purpose: one key per facet, repeated for several values —
 * `status=accepted&status=suggested&q=drones&sourceId=3&from=2024-01-01&to=2024-02-01` — and
 * the table's sort as `sort=publishedAt&dir=asc`. Values that do not parse are dropped.
 */
import {
  CLAIM_SORT_FIELDS,
  type TClaimFilter,
  type TClaimSort,
  ZClaimStatusSchema,
  ZLikelihoodSchema,
  ZSourceKindSchema,
  ZSourceStanceSchema,
} from "@claimdesk/types";
import type { z } from "zod";

/** Read-only view of URLSearchParams (Next's ReadonlyURLSearchParams fits). */
export interface SearchParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

/** URL key of each list facet of the filter. */
export const FILTER_PARAM_KEYS = {
  status: "status",
  sourceId: "sourceId",
  sourceKind: "sourceKind",
  sourceStance: "stance",
  likelihood: "likelihood",
  propositionId: "propositionId",
  articleId: "articleId",
  publisher: "publisher",
  tag: "tag",
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function enumValues<S extends z.ZodType>(params: SearchParamsLike, key: string, schema: S) {
  return unique(
    params.getAll(key).flatMap((raw) => {
      const parsed = schema.safeParse(raw);
      return parsed.success ? [parsed.data as z.infer<S>] : [];
    }),
  );
}

function idValues(params: SearchParamsLike, key: string): number[] {
  return unique(
    params
      .getAll(key)
      .map((raw) => Number(raw))
      .filter((n) => Number.isInteger(n) && n > 0),
  );
}

function textValues(params: SearchParamsLike, key: string): string[] {
  return unique(
    params
      .getAll(key)
      .map((raw) => raw.trim())
      .filter((v) => v.length > 0),
  );
}

/** The filter a URL describes; facets that are absent (or have no valid value) are left out. */
export function claimFilterFromSearchParams(params: SearchParamsLike): TClaimFilter {
  const k = FILTER_PARAM_KEYS;
  const filter: TClaimFilter = {
    query: params.get("q")?.trim().slice(0, 500) || undefined,
    status: enumValues(params, k.status, ZClaimStatusSchema),
    sourceId: idValues(params, k.sourceId),
    sourceKind: enumValues(params, k.sourceKind, ZSourceKindSchema),
    sourceStance: enumValues(params, k.sourceStance, ZSourceStanceSchema),
    likelihood: enumValues(params, k.likelihood, ZLikelihoodSchema),
    propositionId: idValues(params, k.propositionId),
    articleId: idValues(params, k.articleId),
    publisher: textValues(params, k.publisher),
    tag: textValues(params, k.tag),
    dateFrom: ISO_DATE.test(params.get("from") ?? "")
      ? (params.get("from") ?? undefined)
      : undefined,
    dateTo: ISO_DATE.test(params.get("to") ?? "") ? (params.get("to") ?? undefined) : undefined,
  };
  return compactClaimFilter(filter);
}

/** The same filter without empty facets, so equal views compare (and cache) equal. */
export function compactClaimFilter(filter: TClaimFilter): TClaimFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as TClaimFilter;
}

/** URL params for `filter` (and the table's `sort` when given and not the default). */
export function claimFilterToSearchParams(
  filter: TClaimFilter,
  sort?: TClaimSort,
): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.query?.trim()) params.set("q", filter.query.trim());
  for (const [field, key] of Object.entries(FILTER_PARAM_KEYS) as [
    keyof typeof FILTER_PARAM_KEYS,
    string,
  ][]) {
    for (const value of filter[field] ?? []) params.append(key, String(value));
  }
  if (filter.dateFrom) params.set("from", filter.dateFrom);
  if (filter.dateTo) params.set("to", filter.dateTo);
  if (sort && (sort.field !== DEFAULT_SORT.field || sort.direction !== DEFAULT_SORT.direction)) {
    params.set("sort", sort.field);
    params.set("dir", sort.direction);
  }
  return params;
}

export const DEFAULT_SORT: TClaimSort = { field: "id", direction: "desc" };

/** The table's sort from `sort=` and `dir=`, else newest first. */
export function claimSortFromSearchParams(params: SearchParamsLike): TClaimSort {
  const field = params.get("sort");
  const dir = params.get("dir");
  const known = CLAIM_SORT_FIELDS.find((f) => f === field);
  if (!known) return DEFAULT_SORT;
  return { field: known, direction: dir === "asc" ? "asc" : "desc" };
}

/** `path?params`, or just `path` when there are none. */
export function withSearchParams(path: string, params: URLSearchParams): string {
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
