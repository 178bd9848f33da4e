import { describe, expect, it } from "vitest";
import {
  fieldKeyHint,
  type KeyInput,
  resolveShortcut,
  SHORTCUT_GROUPS,
  VALUE_FIELDS,
  type ValueField,
} from "./shortcut-map";

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key,
  code: /^[0-9]$/.test(key) ? `Digit${key}` : "",
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...extra,
});

describe("resolveShortcut", () => {
  it("maps navigation and review keys", () => {
    expect(resolveShortcut(press("j"), "normal")).toEqual({ type: "next" });
    expect(resolveShortcut(press("ArrowUp"), "normal")).toEqual({ type: "previous" });
    expect(resolveShortcut(press("a"), "normal")).toEqual({ type: "accept" });
    expect(resolveShortcut(press("x"), "normal")).toEqual({ type: "reject" });
    expect(resolveShortcut(press("Enter"), "normal")).toEqual({ type: "edit" });
    expect(resolveShortcut(press("?"), "normal")).toEqual({ type: "help" });
    expect(resolveShortcut(press("N", { shiftKey: true }), "normal")).toEqual({
      type: "nextArticle",
    });
    expect(resolveShortcut(press("n"), "normal")).toEqual({ type: "newClaim" });
    expect(resolveShortcut(press("w"), "normal")).toEqual({ type: "sourcePicker" });
  });

  it("reads digits as likelihood and Shift+digits (by key code) as credibility", () => {
    expect(resolveShortcut(press("5"), "normal")).toEqual({
      type: "setValue",
      field: "likelihood",
      value: "likely",
    });
    expect(resolveShortcut(press("7"), "normal")).toEqual({
      type: "setValue",
      field: "likelihood",
      value: "almost_certain",
    });
    expect(resolveShortcut(press("8"), "normal")).toBeNull();
    expect(resolveShortcut(press("!", { code: "Digit1", shiftKey: true }), "normal")).toEqual({
      type: "setValue",
      field: "credibility",
      value: "1",
    });
    expect(resolveShortcut(press("&", { code: "Digit7", shiftKey: true }), "normal")).toBeNull();
  });

  it("a field key arms its field and changes nothing; the next digit is its value, 0 clears", () => {
    expect(resolveShortcut(press("s"), "normal")).toEqual({ type: "arm", field: "sourceStance" });
    expect(resolveShortcut(press("q"), "normal")).toEqual({ type: "arm", field: "quoteType" });
    expect(resolveShortcut(press("2"), { armed: "sourceStance" })).toEqual({
      type: "setValue",
      field: "sourceStance",
      value: "deny",
    });
    expect(resolveShortcut(press("0"), { armed: "verdict" })).toEqual({
      type: "setValue",
      field: "verdict",
      value: null,
    });
    // Quote type cannot be empty; a digit past the values does nothing.
    expect(resolveShortcut(press("0"), { armed: "quoteType" })).toBeNull();
    expect(resolveShortcut(press("9"), { armed: "analyticConfidence" })).toBeNull();
    // Any other key disarms and does its normal job.
    expect(resolveShortcut(press("j"), { armed: "verdict" })).toEqual({ type: "next" });
    expect(resolveShortcut(press("Escape"), { armed: "verdict" })).toEqual({ type: "escape" });
  });

  it("gives every field a distinct key, none shared with another shortcut", () => {
    const keys = Object.values(VALUE_FIELDS).map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [field, { key }] of Object.entries(VALUE_FIELDS))
      expect(resolveShortcut(press(key), "normal")).toEqual({ type: "arm", field });
    expect(fieldKeyHint("likelihood")).toBe("l 0–7");
    expect(fieldKeyHint("quoteType")).toBe("q 1–3");
  });

  it("marks spans after m, and leaves mark mode on any other key", () => {
    expect(resolveShortcut(press("m"), "normal")).toEqual({ type: "markMode" });
    expect(resolveShortcut(press("s"), "mark")).toEqual({ type: "mark", role: "sourceMention" });
    expect(resolveShortcut(press("c"), "mark")).toEqual({ type: "mark", role: "cue" });
    expect(resolveShortcut(press("x"), "mark")).toEqual({ type: "escape" });
  });

  it("new-claim mode: sentences with j/k, edges with brackets, Enter confirms, 0 skips", () => {
    expect(resolveShortcut(press("j"), "newClaim")).toEqual({ type: "next" });
    expect(resolveShortcut(press("ArrowUp"), "newClaim")).toEqual({ type: "previous" });
    expect(resolveShortcut(press("]"), "newClaim")).toEqual({
      type: "nudge",
      edge: "start",
      direction: 1,
    });
    expect(resolveShortcut(press("Enter"), "newClaim")).toEqual({ type: "confirm" });
    expect(resolveShortcut(press("Backspace"), "newClaim")).toEqual({ type: "none" });
    expect(resolveShortcut(press("0"), "newClaim")).toEqual({ type: "none" });
    // Field keys mean nothing while marking a new claim (no stray change).
    expect(resolveShortcut(press("s"), "newClaim")).toBeNull();
    expect(resolveShortcut(press("a"), "newClaim")).toBeNull();
  });

  it("nudges span edges with brackets and Alt+arrows", () => {
    expect(resolveShortcut(press("}"), "normal")).toEqual({
      type: "nudge",
      edge: "end",
      direction: 1,
    });
    expect(resolveShortcut(press("ArrowLeft", { altKey: true, shiftKey: true }), "normal")).toEqual(
      { type: "nudge", edge: "end", direction: -1 },
    );
  });

  it("undo and redo on Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y; submit on Ctrl+Enter", () => {
    expect(resolveShortcut(press("z", { ctrlKey: true }), "normal")).toEqual({ type: "undo" });
    expect(resolveShortcut(press("Z", { ctrlKey: true, shiftKey: true }), "normal")).toEqual({
      type: "redo",
    });
    expect(resolveShortcut(press("y", { ctrlKey: true }), "normal")).toEqual({ type: "redo" });
    expect(resolveShortcut(press("z", { metaKey: true }), "normal")).toEqual({ type: "undo" });
    expect(resolveShortcut(press("Enter", { ctrlKey: true }), "normal")).toEqual({
      type: "submit",
    });
    expect(resolveShortcut(press("Enter", { ctrlKey: true }), "mark")).toBeNull();
  });

  it("leaves browser shortcuts and unknown keys alone", () => {
    expect(resolveShortcut(press("r", { ctrlKey: true }), "normal")).toBeNull();
    expect(resolveShortcut(press("c", { metaKey: true }), "normal")).toBeNull();
    expect(resolveShortcut(press("z"), "normal")).toBeNull();
    expect(resolveShortcut(press("u"), "normal")).toBeNull();
  });

  it("documents every single key it handles in normal and new-claim mode", () => {
    const documented = new Set([
      ...SHORTCUT_GROUPS.flatMap((g) => g.items.flatMap((i) => i.keys)),
      ...(Object.keys(VALUE_FIELDS) as ValueField[]).map((f) => VALUE_FIELDS[f].key),
    ]);
    const printable = [..."abcdefghijklmnopqrstuvwxyz[]{}?"];
    for (const key of printable) {
      for (const mode of ["normal", "newClaim"] as const) {
        if (resolveShortcut(press(key), mode) !== null)
          expect(documented, `${key} (${mode})`).toContain(key);
      }
    }
    expect(documented).toContain("Shift+N");
  });
});
