/** Selection offset math: boundary points (segment start + offset in node) to a trimmed span. */
import { describe, expect, it } from "vitest";
import { selectionToSpan } from "./selection-offsets";

const text = "Tehran says it has funded allies. They decide.";

describe("selectionToSpan", () => {
  it("adds each boundary's offset to its segment's start", () => {
    expect(
      selectionToSpan(
        text,
        { segmentStart: 7, offsetInNode: 5 },
        { segmentStart: 12, offsetInNode: 20 },
      ),
    ).toEqual({ start: 12, end: 32, exact: "it has funded allies" });
  });

  it("accepts a backward selection (focus before anchor)", () => {
    expect(
      selectionToSpan(
        text,
        { segmentStart: 12, offsetInNode: 6 },
        { segmentStart: 0, offsetInNode: 0 },
      ),
    ).toEqual({ start: 0, end: 18, exact: "Tehran says it has" });
  });

  it("trims surrounding whitespace", () => {
    expect(
      selectionToSpan(
        text,
        { segmentStart: 6, offsetInNode: 0 },
        { segmentStart: 6, offsetInNode: 6 },
      ),
    ).toEqual({ start: 7, end: 11, exact: "says" });
  });

  it("returns null for an empty or whitespace-only selection", () => {
    expect(
      selectionToSpan(
        text,
        { segmentStart: 6, offsetInNode: 0 },
        { segmentStart: 6, offsetInNode: 1 },
      ),
    ).toBeNull();
    expect(
      selectionToSpan(
        text,
        { segmentStart: 3, offsetInNode: 2 },
        { segmentStart: 5, offsetInNode: 0 },
      ),
    ).toBeNull();
  });

  it("clamps to the text", () => {
    expect(
      selectionToSpan(
        text,
        { segmentStart: 39, offsetInNode: 0 },
        { segmentStart: 39, offsetInNode: 99 },
      ),
    ).toEqual({ start: 39, end: 46, exact: "decide." });
  });

  it("counts UTF-16 code units, as the DOM and the stored offsets do", () => {
    const emoji = "Hi 👋 there";
    // "👋" is two UTF-16 code units (3–5); "there" starts at 6.
    expect(
      selectionToSpan(
        emoji,
        { segmentStart: 3, offsetInNode: 0 },
        { segmentStart: 3, offsetInNode: 8 },
      ),
    ).toEqual({ start: 3, end: 11, exact: "👋 there" });
  });
});
