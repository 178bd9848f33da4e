import { describe, expect, it } from "vitest";
import { analyseMention, guessSourceKind, isPronoun } from "./guess-source-kind";

describe("guessSourceKind", () => {
  const cases: [string, ReturnType<typeof guessSourceKind>][] = [
    ["Tehran", "named_organization"],
    ["Iran", "named_organization"],
    ["Kataib Hezbollah", "named_organization"],
    ["the Pentagon", "named_organization"],
    ["The United States", "named_organization"],
    ["Iran’s foreign ministry", "named_organization"],
    ["the senior Iraqi security source", "unnamed_official"],
    ["U.S. officials", "unnamed_official"],
    ["a spokesman", "unnamed_official"],
    ["a spokesman for the Pentagon", "unnamed_official"],
    ["sources familiar with the matter", "unnamed_official"],
    ["a witness", "unnamed_non_official"],
    ["residents", "unnamed_non_official"],
    ["Reuters", "media_outlet"],
    ["state TV", "media_outlet"],
    ["the Lindmark Courier", "media_outlet"],
    ["the report", "document"],
    ["a statement from the ministry", "official_statement"],
    ["critics", "generic"],
    ["Experts", "generic"],
    ["John Smith", "named_person"],
    ["Iraqi Prime Minister Mohammed Shia al-Sudani", "named_person"],
    ["Pentagon spokesman John Kirby", "named_person"],
    [
      "senior Kataib Hezbollah official and PMF military chief Abdul Aziz al-Mohammedawi",
      "named_person",
    ],
    ["he", null],
    // Descriptions of an organisation are not its name (issue 13: "the company" was named).
    ["the company", "unnamed_official"],
    ["The firm", "unnamed_official"],
    ["the Bank", "unnamed_official"],
    ["MPs", "unnamed_official"],
    ["Iran’s foreign ministry", "named_organization"],
    // Party names are organisations, not people ("Lib Dems" was a named person).
    ["Lib Dems", "named_organization"],
    ["Liberal Democrats", "named_organization"],
    ["Standard and Poor's", "named_organization"],
    ["Dealers", "generic"],
  ];
  for (const [mention, kind] of cases) {
    it(`${mention} → ${kind}`, () => expect(guessSourceKind(mention)).toBe(kind));
  }
});

describe("analyseMention (registry names)", () => {
  it("reduces people to their name, without titles or descriptors", () => {
    expect(analyseMention("Iraqi Prime Minister Mohammed Shia al-Sudani").name).toBe(
      "Mohammed Shia al-Sudani",
    );
    expect(
      analyseMention(
        "senior Kataib Hezbollah official and PMF military chief Abdul Aziz al-Mohammedawi",
      ).name,
    ).toBe("Abdul Aziz al-Mohammedawi");
    expect(analyseMention("Brian Smith").name).toBe("Brian Smith");
    expect(analyseMention("Treasury Secretary James Baker").name).toBe("James Baker");
  });

  it("names organisations by their capitalised name without a leading “the”", () => {
    expect(analyseMention("the Pentagon").name).toBe("Pentagon");
    expect(analyseMention("elite Iran-backed group Kataib Hezbollah").name).toBe(
      "Kataib Hezbollah",
    );
    expect(analyseMention("the Associated Press").name).toBe("Associated Press");
  });

  it("keeps unnamed sources exactly as written", () => {
    expect(analyseMention("the senior Iraqi security source").name).toBe(
      "the senior Iraqi security source",
    );
  });

  it("reads appositives part by part", () => {
    expect(analyseMention("Its chair, Tomas Egerly")).toMatchObject({
      kind: "named_person",
      name: "Tomas Egerly",
    });
    expect(analyseMention("Riders United, a passenger group")).toMatchObject({
      kind: "named_organization",
      name: "Riders United",
    });
    expect(analyseMention("A patients’ group, Heartline")).toMatchObject({
      kind: "named_organization",
      name: "Heartline",
    });
  });
});

describe("analyseMention: names joined by “and” (issue 13: “S and P” became “P”)", () => {
  it("keeps a company's name whole", () => {
    const cases: [string, string][] = [
      ["Standard and Poor's", "Standard and Poor's"],
      ["Standard and Poor's Corp", "Standard and Poor's Corp"],
      ["S and P", "S and P"],
      ["Johnson and Johnson", "Johnson and Johnson"],
      ["Procter and Gamble Co", "Procter and Gamble Co"],
      ["ratings agency Standard & Poor's", "Standard & Poor's"],
    ];
    for (const [mention, name] of cases)
      expect(analyseMention(mention)).toMatchObject({ name, kind: "named_organization" });
  });
  it("leaves a coordination of two names alone", () => {
    expect(analyseMention("Nick Brown and Gordon Brown").name).toBe("Gordon Brown");
    expect(analyseMention("Labour and the Tories").name).toBe("Tories");
  });
  it("marks descriptions as unnamed", () => {
    for (const mention of ["the company", "The Bank", "analysts", "officials", "sources", "MPs"])
      expect(analyseMention(mention).named).toBe(false);
    expect(analyseMention("Iran’s foreign ministry").named).toBe(true);
  });
});

describe("isPronoun", () => {
  it("recognises bare personal pronouns only", () => {
    expect(isPronoun("He")).toBe(true);
    expect(isPronoun("they")).toBe(true);
    expect(isPronoun("the official")).toBe(false);
  });
});
