import { describe, expect, it } from "vitest";
import type { TextSpan } from "./selection-offsets";
import {
  adjacentSentence,
  firstWord,
  guessSpan,
  nudgeSpan,
  sentenceAt,
  withoutFinalStop,
  wordBefore,
} from "./span-nudge";

const TEXT = "Tehran says it has funded, advised and trained allies.";
const span = (exact: string) => {
  const start = TEXT.indexOf(exact);
  return { start, end: start + exact.length };
};

describe("nudgeSpan", () => {
  it("extends and shrinks the start by a word", () => {
    expect(nudgeSpan(TEXT, span("has funded"), "start", -1)?.exact).toBe("it has funded");
    expect(nudgeSpan(TEXT, span("has funded"), "start", 1)?.exact).toBe("funded");
  });

  it("extends and shrinks the end by a word, treating punctuation as its own word", () => {
    expect(nudgeSpan(TEXT, span("has funded"), "end", 1)?.exact).toBe("has funded,");
    expect(nudgeSpan(TEXT, span("has funded,"), "end", 1)?.exact).toBe("has funded, advised");
    expect(nudgeSpan(TEXT, span("has funded, advised"), "end", -1)?.exact).toBe("has funded,");
  });

  it("snaps a boundary that sits inside a word to that word's edge", () => {
    const inside = { start: TEXT.indexOf("unded"), end: TEXT.indexOf("unded") + 5 };
    expect(nudgeSpan(TEXT, inside, "start", -1)?.exact).toBe("funded");
    expect(nudgeSpan(TEXT, inside, "end", 1)?.exact).toBe("unded,");
  });

  it("returns offsets that match the text", () => {
    const moved = nudgeSpan(TEXT, span("allies"), "start", -1);
    expect(moved).toEqual({
      start: TEXT.indexOf("trained"),
      end: TEXT.indexOf("allies") + 6,
      exact: "trained allies",
    });
  });

  it("refuses to empty the span or move past the text", () => {
    expect(nudgeSpan(TEXT, span("funded"), "start", 1)).toBeNull();
    expect(nudgeSpan(TEXT, span("funded"), "end", -1)).toBeNull();
    expect(nudgeSpan(TEXT, span("Tehran"), "start", -1)).toBeNull();
    expect(nudgeSpan(TEXT, span("allies."), "end", 1)).toBeNull();
  });

  it("keeps words with inner apostrophes and hyphens whole", () => {
    const text = "the group's anti-US stance";
    expect(nudgeSpan(text, { start: 0, end: 3 }, "end", 1)?.exact).toBe("the group's");
    expect(nudgeSpan(text, { start: 0, end: 11 }, "end", 1)?.exact).toBe("the group's anti-US");
  });
});

describe("sentences", () => {
  const ARTICLE =
    "Heading without a stop\n\nThe United States asserts that Iran has control. Tehran says it has funded allies. “We are safe,” the source said.";
  const at = (needle: string) => ARTICLE.indexOf(needle);

  it("finds the sentence around an offset, headings and paragraphs apart", () => {
    expect(sentenceAt(ARTICLE, at("Iran has"))?.exact).toBe(
      "The United States asserts that Iran has control.",
    );
    expect(sentenceAt(ARTICLE, 3)?.exact).toBe("Heading without a stop");
    expect(sentenceAt(ARTICLE, at("funded"))?.exact).toBe("Tehran says it has funded allies.");
  });

  it("moves to the next and previous sentence, null past either end", () => {
    const second = sentenceAt(ARTICLE, at("Tehran")) as TextSpan;
    expect(adjacentSentence(ARTICLE, second, 1)?.exact).toBe("“We are safe,” the source said.");
    expect(adjacentSentence(ARTICLE, second, -1)?.exact).toBe(
      "The United States asserts that Iran has control.",
    );
    const first = sentenceAt(ARTICLE, 0) as TextSpan;
    expect(adjacentSentence(ARTICLE, first, -1)).toBeNull();
    const last = sentenceAt(ARTICLE, ARTICLE.length - 2) as TextSpan;
    expect(adjacentSentence(ARTICLE, last, 1)).toBeNull();
  });

  it("finds the first word of a range and the word before an offset", () => {
    const s = sentenceAt(ARTICLE, at("Tehran")) as TextSpan;
    expect(firstWord(ARTICLE, s)?.exact).toBe("Tehran");
    expect(wordBefore(ARTICLE, at("it has"), s.start)?.exact).toBe("says");
    expect(wordBefore(ARTICLE, at("Tehran"), s.start)).toBeNull();
  });
});

describe("guessSpan", () => {
  const T = "Tehran says it has funded allies. “We are safe,” the senior source said.";
  const claimOf = (content: string, source: string | null = null) => {
    const c = T.indexOf(content);
    const s = source === null ? null : T.indexOf(source);
    return {
      contentStart: c,
      contentEnd: c + content.length,
      sourceStart: s,
      sourceEnd: s === null || source === null ? null : s + source.length,
    };
  };
  it("proposes the subject before the content and the verb before it as the cue", () => {
    expect(guessSpan(T, claimOf("it has funded allies"), "sourceMention")?.exact).toBe("Tehran");
    expect(guessSpan(T, claimOf("it has funded allies", "Tehran"), "cue")?.exact).toBe("says");
  });
  it("after a leading quote, proposes the first word after it and the sentence's last word", () => {
    const quote = claimOf("“We are safe,”");
    expect(guessSpan(T, quote, "sourceMention")?.exact).toBe("the");
    expect(guessSpan(T, claimOf("“We are safe,”", "the senior source"), "cue")?.exact).toBe("said");
  });
});

describe("withoutFinalStop", () => {
  it("drops a sentence's closing stop, keeps other endings", () => {
    const s = (exact: string) => ({ start: 10, end: 10 + exact.length, exact });
    expect(withoutFinalStop(s("Tehran says it has funded allies.")).exact).toBe(
      "Tehran says it has funded allies",
    );
    expect(withoutFinalStop(s("Is it over?")).end).toBe(10 + "Is it over".length);
    expect(withoutFinalStop(s("A heading"))).toEqual(s("A heading"));
    expect(withoutFinalStop(s("“Safe.”")).exact).toBe("“Safe.”");
  });
});
