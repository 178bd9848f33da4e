import { describe, expect, it } from "vitest";
import { claimsViewFromText } from "./assignment-filter";

describe("claimsViewFromText", () => {
  it("reads a pasted /claims URL, a bare query string, or no filter at all", () => {
    expect(
      claimsViewFromText("http://localhost:3000/claims?status=accepted&q=drones&sort=id&dir=asc#x"),
    ).toEqual({
      filter: { status: ["accepted"], query: "drones" },
      search: "q=drones&status=accepted",
    });
    expect(claimsViewFromText("  publisher=Daily&from=2024-01-01 ")).toEqual({
      filter: { publisher: ["Daily"], dateFrom: "2024-01-01" },
      search: "publisher=Daily&from=2024-01-01",
    });
    expect(claimsViewFromText("/claims")).toEqual({ filter: {}, search: "" });
    // Values that do not parse are dropped, as the claims table drops them.
    expect(claimsViewFromText("?status=bogus&articleId=-3")).toEqual({ filter: {}, search: "" });
  });
});
