import { describe, expect, it } from "vitest";
import { nudgeSpan } from "./span-nudge";

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
