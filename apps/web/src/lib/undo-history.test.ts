import { describe, expect, it } from "vitest";
import { annotationValues, holds, UndoHistory } from "./undo-history";

describe("UndoHistory", () => {
  it("undoes newest first, redoes what was undone, and a new change drops the redo stack", () => {
    const h = new UndoHistory();
    const entry = (n: number) =>
      ({
        kind: "claim",
        claimId: n,
        before: { quoteType: "indirect" },
        after: { quoteType: "direct" },
      }) as const;
    h.record(entry(1));
    h.record(entry(2));
    expect(h.peekUndo()?.claimId).toBe(2);
    h.undone();
    expect(h.peekUndo()?.claimId).toBe(1);
    expect(h.peekRedo()?.claimId).toBe(2);
    h.redone();
    expect(h.sizes).toEqual({ undo: 2, redo: 0 });
    h.undone();
    h.record(entry(3));
    expect(h.sizes).toEqual({ undo: 2, redo: 0 });
    expect(h.peekRedo()).toBeUndefined();
  });
});

describe("holds", () => {
  it("compares spans by offsets and tags as lists", () => {
    expect(
      holds({ cue: { start: 1, end: 4, exact: "say" } }, { cue: { start: 1, end: 4, exact: "" } }),
    ).toBe(true);
    expect(
      holds(
        { cue: { start: 1, end: 5, exact: "says" } },
        { cue: { start: 1, end: 4, exact: "say" } },
      ),
    ).toBe(false);
    expect(holds({ tags: ["a", "b"] }, { tags: ["a", "b"] })).toBe(true);
    expect(holds({ likelihood: "likely" }, { likelihood: null })).toBe(false);
  });
  it("reads a missing annotation as empty fields", () => {
    expect(annotationValues(null, ["likelihood", "tags"])).toEqual({ likelihood: null, tags: [] });
  });
});
