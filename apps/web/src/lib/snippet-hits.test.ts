/** splitSnippet: FTS5 `[hit]` markers become parts, never HTML. */
import { describe, expect, it } from "vitest";
import { splitSnippet } from "./snippet-hits";

describe("splitSnippet", () => {
  it("marks bracketed hits", () => {
    expect(splitSnippet("the [Quds] Force visited [Baghdad]")).toEqual([
      { text: "the ", hit: false },
      { text: "Quds", hit: true },
      { text: " Force visited ", hit: false },
      { text: "Baghdad", hit: true },
    ]);
  });

  it("leaves text without markers whole, HTML included", () => {
    expect(splitSnippet("<b>no hits</b>")).toEqual([{ text: "<b>no hits</b>", hit: false }]);
  });

  it("keeps an unmatched bracket literal", () => {
    expect(splitSnippet("a [b")).toEqual([{ text: "a [b", hit: false }]);
  });

  it("returns nothing for an empty snippet", () => {
    expect(splitSnippet("")).toEqual([]);
  });
});
