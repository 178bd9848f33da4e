import { describe, expect, it } from "vitest";
import {
  claimFilterFromSearchParams,
  claimFilterToSearchParams,
  claimSortFromSearchParams,
  withSearchParams,
} from "./claim-filter-url";

describe("claim filter ⇄ URL", () => {
  it("round-trips every facet with repeated keys", () => {
    const filter = {
      query: "drones overnight",
      status: ["accepted", "suggested"],
      sourceId: [3, 12],
      sourceKind: ["unnamed_official"],
      sourceStance: ["deny"],
      likelihood: ["likely", "very_unlikely"],
      propositionId: [7],
      articleId: [1],
      publisher: ["Reuters", "AP"],
      tag: ["funding"],
      dateFrom: "2024-01-01",
      dateTo: "2024-02-29",
    } as const;
    const params = claimFilterToSearchParams({
      ...filter,
      status: [...filter.status],
      sourceId: [...filter.sourceId],
      sourceKind: [...filter.sourceKind],
      sourceStance: [...filter.sourceStance],
      likelihood: [...filter.likelihood],
      propositionId: [...filter.propositionId],
      articleId: [...filter.articleId],
      publisher: [...filter.publisher],
      tag: [...filter.tag],
    });
    expect(params.toString()).toBe(
      "q=drones+overnight&status=accepted&status=suggested&sourceId=3&sourceId=12&sourceKind=unnamed_official&stance=deny&likelihood=likely&likelihood=very_unlikely&propositionId=7&articleId=1&publisher=Reuters&publisher=AP&tag=funding&from=2024-01-01&to=2024-02-29",
    );
    expect(claimFilterFromSearchParams(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it("reads an empty URL as the unfiltered view and writes it back as nothing", () => {
    expect(claimFilterFromSearchParams(new URLSearchParams(""))).toEqual({});
    expect(claimFilterToSearchParams({}).toString()).toBe("");
    expect(withSearchParams("/export", claimFilterToSearchParams({}))).toBe("/export");
    expect(withSearchParams("/export", claimFilterToSearchParams({ status: ["accepted"] }))).toBe(
      "/export?status=accepted",
    );
  });

  it("drops values that do not parse and duplicates", () => {
    const params = new URLSearchParams(
      "status=accepted&status=bogus&status=accepted&sourceId=0&sourceId=x&sourceId=4&likelihood=maybe&from=yesterday&to=2024-05-01&q=%20%20&publisher=%20",
    );
    expect(claimFilterFromSearchParams(params)).toEqual({
      status: ["accepted"],
      sourceId: [4],
      dateTo: "2024-05-01",
    });
  });

  it("keeps the sort in the URL unless it is the default", () => {
    const params = claimFilterToSearchParams(
      { status: ["rejected"] },
      { field: "publishedAt", direction: "asc" },
    );
    expect(params.toString()).toBe("status=rejected&sort=publishedAt&dir=asc");
    expect(claimSortFromSearchParams(params)).toEqual({ field: "publishedAt", direction: "asc" });
    expect(claimFilterToSearchParams({}, { field: "id", direction: "desc" }).toString()).toBe("");
    expect(claimSortFromSearchParams(new URLSearchParams("sort=content&dir=asc"))).toEqual({
      field: "id",
      direction: "desc",
    });
  });
});
