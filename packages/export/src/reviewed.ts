/**
 * What an export selects by default: the reviewed claims (accepted or rejected in the gold layer),
 * not the unreviewed suggestions. `all` (the worker's `--all`, `all=1` on /api/export) keeps
 * everything; a status filter given explicitly is kept as it is.
 */
import type { TClaimFilter, TClaimStatus } from "@claimdesk/types";

export const REVIEWED_STATUSES: readonly TClaimStatus[] = ["accepted", "rejected"];

export function exportSelection(
  filter: TClaimFilter,
  all: boolean,
): { filter: TClaimFilter; reviewedOnly: boolean } {
  if (all || (filter.status !== undefined && filter.status.length > 0))
    return { filter, reviewedOnly: false };
  return { filter: { ...filter, status: [...REVIEWED_STATUSES] }, reviewedOnly: true };
}
