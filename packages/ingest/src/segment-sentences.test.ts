import { describe, expect, it } from "vitest";
import { segmentSentences } from "./segment-sentences";

const split = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

describe("segmentSentences", () => {
  it("does not split after titles and month abbreviations", () => {
    expect(split("He met Gen. Smith and Lt. Col. Jones. They talked.")).toEqual([
      "He met Gen. Smith and Lt. Col. Jones.",
      "They talked.",
    ]);
    expect(split("On Feb. 6 talks resumed. Dr. Ruiz and Sen. Park attended.")).toEqual([
      "On Feb. 6 talks resumed.",
      "Dr. Ruiz and Sen. Park attended.",
    ]);
  });

  it("does not split after initials and initialisms that continue the sentence", () => {
    expect(split("John F. Kennedy spoke. The U.S. Embassy said no.")).toEqual([
      "John F. Kennedy spoke.",
      "The U.S. Embassy said no.",
    ]);
    expect(split("Impact on Iraqi-U.S. Relations")).toEqual(["Impact on Iraqi-U.S. Relations"]);
    expect(split("The vote is at 3 p.m. Monday. It may pass.")).toEqual([
      "The vote is at 3 p.m. Monday.",
      "It may pass.",
    ]);
  });

  it("still splits when an initialism ends a sentence", () => {
    expect(split("Groups halted attacks on the U.S. The next day, talks began.")).toEqual([
      "Groups halted attacks on the U.S.",
      "The next day, talks began.",
    ]);
  });

  it("keeps a quoted question with its lower-case attribution", () => {
    expect(split('"Why now?" he asked. Then he left.')).toEqual([
      '"Why now?" he asked.',
      "Then he left.",
    ]);
    expect(split("“Who pays?” asked one farmer. “Not us!” she said.")).toEqual([
      "“Who pays?” asked one farmer.",
      "“Not us!” she said.",
    ]);
  });

  it("treats every line as a paragraph boundary", () => {
    expect(split("Headline Without A Period\nBody one. Body two.\n\nNext para")).toEqual([
      "Headline Without A Period",
      "Body one.",
      "Body two.",
      "Next para",
    ]);
  });

  it("returns trimmed UTF-16 offsets into the text", () => {
    const text = "  First “quoted” 🙂 sentence.   Second one.  \n\n Third. ";
    const sentences = segmentSentences(text);
    expect(sentences).toHaveLength(3);
    for (const s of sentences) {
      const exact = text.slice(s.start, s.end);
      expect(exact).toBe(exact.trim());
      expect(exact).not.toContain("\n");
    }
    expect(text.slice(sentences[0]?.start, sentences[0]?.end)).toBe("First “quoted” 🙂 sentence.");
  });

  it("returns nothing for empty text", () => {
    expect(segmentSentences("")).toEqual([]);
    expect(segmentSentences("\n\n")).toEqual([]);
  });
});
