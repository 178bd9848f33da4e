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

describe("isPronoun", () => {
  it("recognises bare personal pronouns only", () => {
    expect(isPronoun("He")).toBe(true);
    expect(isPronoun("they")).toBe(true);
    expect(isPronoun("the official")).toBe(false);
  });
});
