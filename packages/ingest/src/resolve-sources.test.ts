/** Source resolution within one article: name variants, descriptions, and the registry name. */
import { describe, expect, it } from "vitest";
import { claimsIn } from "./test-support/expect-valid";

const sourcesOf = (text: string) =>
  claimsIn(text).claims.map((c) => ({
    mention: c.sourceMention?.exact,
    name: c.sourceName,
    kind: c.sourceKindGuess,
    description: c.sourceIsDescription ?? false,
  }));

describe("resolveSources", () => {
  it("resolves a surname (with or without a title, even in the headline) to the full name of the same article", () => {
    const found = sourcesOf(
      "Blair defends the war. Tony Blair said the war was legal. Later Mr Blair said he was sure. Blair said more was needed.",
    );
    expect(found.filter((s) => s.mention !== "he").map((s) => [s.mention, s.name, s.kind])).toEqual(
      [
        ["Blair", "Tony Blair", "named_person"],
        ["Tony Blair", "Tony Blair", "named_person"],
        ["Mr Blair", "Tony Blair", "named_person"],
        ["Blair", "Tony Blair", "named_person"],
      ],
    );
  });

  it("leaves a surname shared by two people of the article unresolved", () => {
    const found = sourcesOf(
      "Gordon Brown said taxes would fall. Nick Brown said they would not. Brown said it was fine.",
    );
    expect(found.at(-1)).toMatchObject({ mention: "Brown", name: "Brown" });
  });

  it("takes a single word the article titles elsewhere for a person (“Reagan” was an organisation)", () => {
    const found = sourcesOf("President Reagan met them on Monday. Reagan said he was sure.");
    expect(found.find((s) => s.mention === "Reagan")).toMatchObject({
      name: "Reagan",
      kind: "named_person",
    });
  });

  it("marks descriptions so the registry does not collect them across articles", () => {
    const found = sourcesOf(
      "The company said profits rose. Analysts said the deal was good. Officials said it was over. The Bank said rates would rise. Sources said talks had stalled.",
    );
    expect(found.map((s) => [s.mention, s.description])).toEqual([
      ["The company", true],
      ["Analysts", true],
      ["Officials", true],
      ["The Bank", true],
      ["Sources", true],
    ]);
    expect(sourcesOf("Yukos said it would appeal.")[0]).toMatchObject({ description: false });
  });

  it("keeps “Standard and Poor's” whole and finds its claim (“'s said” is not a possessive)", () => {
    expect(sourcesOf("Standard and Poor's said it would cut the rating.")).toEqual([
      {
        mention: "Standard and Poor's",
        name: "Standard and Poor's",
        kind: "named_organization",
        description: false,
      },
    ]);
    expect(sourcesOf("S and P said it downgraded the debt.")[0]).toMatchObject({
      name: "S and P",
      kind: "named_organization",
    });
    expect(sourcesOf("Moody's said it downgraded the debt.")[0]?.name).toBe("Moody's");
  });
});
