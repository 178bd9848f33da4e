/**
 * An analyst's export under the blind rule: the claims are loaded unscoped (iterateExportClaims)
 * and narrowed here, claim by claim — other analysts' annotations only where the analyst has
 * submitted their own (and then only submitted ones), the adjudication likewise, and the
 * annotation facets of the filter (stance, likelihood, tag) matched on what the analyst may see.
 * Adjudicators, admins and the worker CLI export everything; viewers see submitted annotations.
 */
import {
  type AnnotationReader,
  claimMatchesFilter,
  type DbExecutor,
  type ExportClaim,
  isBlindRole,
  seesDrafts,
  visibleAnnotationsOf,
} from "@claimdesk/db";
import type { TClaimFilter } from "@claimdesk/types";

const usesAnnotationFacets = (filter: TClaimFilter) =>
  Boolean(filter.sourceStance?.length || filter.likelihood?.length || filter.tag?.length);

/** The claims as `reader` may see them; unchanged without a reader or for adjudicators/admins. */
export function* visibleExportClaims(
  db: DbExecutor,
  claims: Iterable<ExportClaim>,
  filter: TClaimFilter,
  reader: AnnotationReader | undefined,
): Generator<ExportClaim> {
  if (!reader || seesDrafts(reader.role)) {
    yield* claims;
    return;
  }
  const recheck = isBlindRole(reader.role) && usesAnnotationFacets(filter);
  for (const claim of claims) {
    if (recheck && !claimMatchesFilter(db, claim.id, filter, { blindAnalystId: reader.id }))
      continue;
    const visible = visibleAnnotationsOf(db, claim.id, reader);
    yield {
      ...claim,
      annotations: claim.annotations.filter((a) => visible.ids.has(a.id)),
      adjudication: visible.seesOthers ? claim.adjudication : null,
    };
  }
}
