import { describe, expect, it } from "vitest";
import { type KeyInput, resolveShortcut, SHORTCUT_GROUPS } from "./shortcut-map";

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
    expect(resolveShortcut(press("r"), "normal")).toEqual({ type: "reject" });
    expect(resolveShortcut(press("Enter"), "normal")).toEqual({ type: "edit" });
    expect(resolveShortcut(press("?"), "normal")).toEqual({ type: "help" });
    expect(resolveShortcut(press("n"), "normal")).toEqual({ type: "nextArticle" });
  });

  it("reads digits as likelihood and Shift+digits (by key code) as credibility", () => {
    expect(resolveShortcut(press("5"), "normal")).toEqual({ type: "likelihood", value: "likely" });
    expect(resolveShortcut(press("7"), "normal")).toEqual({
      type: "likelihood",
      value: "almost_certain",
    });
    expect(resolveShortcut(press("8"), "normal")).toBeNull();
    expect(resolveShortcut(press("!", { code: "Digit1", shiftKey: true }), "normal")).toEqual({
      type: "credibility",
      value: "1",
    });
    expect(resolveShortcut(press("^", { code: "Digit6", shiftKey: true }), "normal")).toEqual({
      type: "credibility",
      value: "6",
    });
    expect(resolveShortcut(press("&", { code: "Digit7", shiftKey: true }), "normal")).toBeNull();
  });

  it("marks spans after m, and leaves mark mode on any other key", () => {
    expect(resolveShortcut(press("m"), "normal")).toEqual({ type: "markMode" });
    expect(resolveShortcut(press("s"), "mark")).toEqual({ type: "mark", role: "sourceMention" });
    expect(resolveShortcut(press("c"), "mark")).toEqual({ type: "mark", role: "cue" });
    expect(resolveShortcut(press("x"), "mark")).toEqual({ type: "escape" });
    expect(resolveShortcut(press("s"), "normal")).toEqual({ type: "sourcePicker" });
  });

  it("nudges span edges with brackets and Alt+arrows", () => {
    expect(resolveShortcut(press("["), "normal")).toEqual({
      type: "nudge",
      edge: "start",
      direction: -1,
    });
    expect(resolveShortcut(press("}"), "normal")).toEqual({
      type: "nudge",
      edge: "end",
      direction: 1,
    });
    expect(resolveShortcut(press("ArrowRight", { altKey: true }), "normal")).toEqual({
      type: "nudge",
      edge: "start",
      direction: 1,
    });
    expect(resolveShortcut(press("ArrowLeft", { altKey: true, shiftKey: true }), "normal")).toEqual(
      {
        type: "nudge",
        edge: "end",
        direction: -1,
      },
    );
  });

  it("submits the annotation on Ctrl+Enter or ⌘+Enter, not in mark mode", () => {
    expect(resolveShortcut(press("Enter", { ctrlKey: true }), "normal")).toEqual({
      type: "submit",
    });
    expect(resolveShortcut(press("Enter", { metaKey: true }), "normal")).toEqual({
      type: "submit",
    });
    expect(resolveShortcut(press("Enter", { ctrlKey: true }), "mark")).toBeNull();
    expect(resolveShortcut(press("Enter"), "normal")).toEqual({ type: "edit" });
  });

  it("leaves browser shortcuts and unknown keys alone", () => {
    expect(resolveShortcut(press("r", { ctrlKey: true }), "normal")).toBeNull();
    expect(resolveShortcut(press("c", { metaKey: true }), "normal")).toBeNull();
    expect(resolveShortcut(press("z"), "normal")).toBeNull();
    expect(resolveShortcut(press("c"), "normal")).toBeNull();
  });

  it("documents every key it handles", () => {
    const documented = SHORTCUT_GROUPS.flatMap((g) => g.items.flatMap((i) => i.keys));
    for (const key of [
      "j",
      "k",
      "a",
      "r",
      "e",
      "s",
      "p",
      "t",
      "q",
      "m",
      "v",
      "n",
      "?",
      "[",
      "]",
      "{",
      "}",
      "c",
    ])
      expect(documented).toContain(key);
  });
});
