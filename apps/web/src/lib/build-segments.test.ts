/** buildSegments: cutting text at span boundaries, with overlaps, nesting, adjacency and cuts. */
import { describe, expect, it } from "vitest";
import { buildSegments, groupByParagraph, paragraphRanges, textBlocks } from "./build-segments";

const text = "Tehran says it has funded allies.";
// "Tehran" 0–6, "says" 7–11, content 12–32 ("it has funded allies")

describe("buildSegments", () => {
  it("returns no segments for empty text", () => {
    expect(buildSegments("", [{ claimId: 1, role: "content", start: 0, end: 3 }])).toEqual([]);
  });

  it("returns one bare segment when there are no spans", () => {
    expect(buildSegments(text, [])).toEqual([{ start: 0, end: text.length, roles: [] }]);
  });

  it("cuts at every boundary of adjacent spans", () => {
    const segments = buildSegments(text, [
      { claimId: 1, role: "source", start: 0, end: 6 },
      { claimId: 1, role: "cue", start: 7, end: 11 },
      { claimId: 1, role: "content", start: 12, end: 32 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 6, roles: [{ claimId: 1, role: "source" }] },
      { start: 6, end: 7, roles: [] },
      { start: 7, end: 11, roles: [{ claimId: 1, role: "cue" }] },
      { start: 11, end: 12, roles: [] },
      { start: 12, end: 32, roles: [{ claimId: 1, role: "content" }] },
      { start: 32, end: 33, roles: [] },
    ]);
  });

  it("keeps touching spans apart (end is exclusive)", () => {
    const segments = buildSegments("abcdef", [
      { claimId: 1, role: "content", start: 0, end: 3 },
      { claimId: 2, role: "content", start: 3, end: 6 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 3, roles: [{ claimId: 1, role: "content" }] },
      { start: 3, end: 6, roles: [{ claimId: 2, role: "content" }] },
    ]);
  });

  it("lists every covering span on overlapping parts, in input order", () => {
    const segments = buildSegments("abcdefghij", [
      { claimId: 2, role: "content", start: 4, end: 10 },
      { claimId: 1, role: "content", start: 0, end: 6 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 4, roles: [{ claimId: 1, role: "content" }] },
      {
        start: 4,
        end: 6,
        roles: [
          { claimId: 2, role: "content" },
          { claimId: 1, role: "content" },
        ],
      },
      { start: 6, end: 10, roles: [{ claimId: 2, role: "content" }] },
    ]);
  });

  it("handles nested spans (a claim inside another's content)", () => {
    const segments = buildSegments("0123456789", [
      { claimId: 1, role: "content", start: 0, end: 10 },
      { claimId: 2, role: "source", start: 2, end: 4 },
      { claimId: 2, role: "content", start: 5, end: 8 },
    ]);
    expect(
      segments.map((s) => [s.start, s.end, s.roles.map((r) => `${r.claimId}${r.role}`)]),
    ).toEqual([
      [0, 2, ["1content"]],
      [2, 4, ["1content", "2source"]],
      [4, 5, ["1content"]],
      [5, 8, ["1content", "2content"]],
      [8, 10, ["1content"]],
    ]);
  });

  it("covers the text exactly once, whatever the spans", () => {
    const segments = buildSegments(text, [
      { claimId: 1, role: "content", start: 3, end: 20 },
      { claimId: 2, role: "content", start: 3, end: 20 },
      { claimId: 3, role: "cue", start: 10, end: 15 },
    ]);
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(text.length);
    for (const [i, s] of segments.entries()) {
      expect(s.end).toBeGreaterThan(s.start);
      if (i > 0) expect(s.start).toBe(segments[i - 1]?.end);
    }
    expect(segments.find((s) => s.start === 3)?.roles).toHaveLength(2);
  });

  it("clamps spans to the text and ignores empty or inverted ones", () => {
    const segments = buildSegments("abcdef", [
      { claimId: 1, role: "content", start: 4, end: 99 },
      { claimId: 2, role: "content", start: 2, end: 2 },
      { claimId: 3, role: "content", start: 5, end: 1 },
      { claimId: 4, role: "content", start: -3, end: 1 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 1, roles: [{ claimId: 4, role: "content" }] },
      { start: 1, end: 4, roles: [] },
      { start: 4, end: 6, roles: [{ claimId: 1, role: "content" }] },
    ]);
  });

  it("also cuts at extra offsets such as paragraph edges", () => {
    const segments = buildSegments(
      "ab\ncd",
      [{ claimId: 1, role: "content", start: 0, end: 5 }],
      [2, 3, 0, 5, 42],
    );
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 3],
      [3, 5],
    ]);
    expect(segments.every((s) => s.roles.length === 1)).toBe(true);
  });
});

describe("paragraphs", () => {
  const article = "Title\n\nFirst para.\n   \nSecond para.";

  it("finds non-blank lines", () => {
    expect(paragraphRanges(article)).toEqual([
      { start: 0, end: 5 },
      { start: 7, end: 18 },
      { start: 23, end: 35 },
    ]);
  });

  it("groups segments under their paragraph and drops the breaks between them", () => {
    const paragraphs = paragraphRanges(article);
    const cuts = paragraphs.flatMap((p) => [p.start, p.end]);
    const segments = buildSegments(
      article,
      [{ claimId: 1, role: "content", start: 13, end: 30 }],
      cuts,
    );
    const groups = groupByParagraph(segments, paragraphs);
    expect(groups.map((g) => g.segments.map((s) => article.slice(s.start, s.end)))).toEqual([
      ["Title"],
      ["First ", "para."],
      ["Second ", "para."],
    ]);
    expect(groups[2]?.segments[0]?.roles).toEqual([{ claimId: 1, role: "content" }]);
  });
});

describe("textBlocks", () => {
  it("keeps short paragraphs whole", () => {
    const t = "One.\n\nTwo two.";
    expect(textBlocks(t, paragraphRanges(t), 100)).toEqual([
      { start: 0, end: 4, last: true },
      { start: 6, end: 14, last: true },
    ]);
  });

  it("cuts a long paragraph after a sentence, covering it exactly, no piece over the cap", () => {
    const t = `${"Alpha said it. ".repeat(300)}End`;
    const blocks = textBlocks(t, paragraphRanges(t), 200);
    expect(blocks.length).toBeGreaterThan(20);
    expect(blocks[0]?.start).toBe(0);
    expect(blocks.at(-1)).toMatchObject({ end: t.length, last: true });
    for (const [i, b] of blocks.entries()) {
      expect(b.end - b.start).toBeLessThanOrEqual(200);
      if (i > 0) expect(b.start).toBe(blocks[i - 1]?.end);
      if (i < blocks.length - 1) {
        expect(b.last).toBe(false);
        expect(t.slice(b.start, b.end)).toMatch(/it\. $/);
      }
    }
  });

  it("cuts text with no space at the cap, never inside a surrogate pair", () => {
    const t = "😀".repeat(150); // 300 UTF-16 units, no spaces
    const blocks = textBlocks(t, paragraphRanges(t), 101);
    for (const b of blocks) {
      expect(b.end - b.start).toBeLessThanOrEqual(101);
      expect(t.slice(b.start, b.end)).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
    expect(blocks.map((b) => t.slice(b.start, b.end)).join("")).toBe(t);
  });
});

describe("buildSegments within a range", () => {
  it("cuts only the range, as the whole text's segments there", () => {
    const spans = [
      { claimId: 1, role: "source" as const, start: 0, end: 6 },
      { claimId: 1, role: "content" as const, start: 12, end: 32 },
      { claimId: 2, role: "content" as const, start: 5, end: 20 },
    ];
    const whole = buildSegments(text, spans, [3, 25]).filter((s) => s.start >= 3 && s.end <= 25);
    const part = buildSegments(text, spans, [], { start: 3, end: 25 });
    expect(part[0]).toEqual({ start: 3, end: 5, roles: [{ claimId: 1, role: "source" }] });
    expect(part).toEqual(whole);
    expect(part.at(-1)).toEqual({ start: 20, end: 25, roles: [{ claimId: 1, role: "content" }] });
    expect(buildSegments(text, spans, [], { start: 40, end: 50 })).toEqual([]);
  });
});
