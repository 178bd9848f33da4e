/** Reads a claims-table view — a pasted `/claims?…` URL, or just its query string — into the
 * filter an assignment set selects its articles by, and the canonical query string kept with it. */
import type { TClaimFilter } from "@claimdesk/types";
import { claimFilterFromSearchParams, claimFilterToSearchParams } from "../../lib/claim-filter-url";

export interface ClaimsView {
  filter: TClaimFilter;
  /** The filter's canonical query string (sort dropped: it does not change the articles). */
  search: string;
}

export function claimsViewFromText(text: string): ClaimsView {
  const trimmed = text.trim();
  const at = trimmed.indexOf("?");
  let query: string;
  if (at >= 0) query = trimmed.slice(at + 1);
  else if (/^(https?:\/\/|\/)/i.test(trimmed)) query = "";
  else query = trimmed;
  const filter = claimFilterFromSearchParams(new URLSearchParams(query.split("#")[0]));
  return { filter, search: claimFilterToSearchParams(filter).toString() };
}
