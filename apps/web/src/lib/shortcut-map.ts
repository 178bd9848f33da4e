/**
 * The workbench's keyboard map: which key does what, as data (for the help dialog) and as a pure
 * function from a key event to an action (for the handler). Single keys, no chords to remember
 * beyond "m then s/c" (mark) — the pattern of Gmail and GitHub, not of an editor.
 */
import { CREDIBILITIES, LIKELIHOODS, type TCredibility, type TLikelihood } from "@claimdesk/types";

export type SpanRole = "content" | "sourceMention" | "cue";

export type ShortcutAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "accept" }
  | { type: "reject" }
  | { type: "edit" }
  | { type: "sourcePicker" }
  | { type: "propositionPicker" }
  | { type: "tags" }
  | { type: "quoteType" }
  | { type: "likelihood"; value: TLikelihood }
  | { type: "credibility"; value: TCredibility }
  | { type: "markMode" }
  | { type: "mark"; role: Exclude<SpanRole, "content"> }
  | { type: "cycleSpan" }
  | { type: "nudge"; edge: "start" | "end"; direction: -1 | 1 }
  | { type: "nextArticle" }
  | { type: "submit" }
  | { type: "help" }
  | { type: "escape" };

/** The parts of a KeyboardEvent the map reads (so tests need no DOM). */
export interface KeyInput {
  key: string;
  code: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** "mark" after `m`: the next key says which span the selection becomes. */
export type ShortcutMode = "normal" | "mark";

/**
 * The action for a key, or null when the key is not a shortcut (and must be left alone). Digits
 * are read from `code` so Shift+1 is credibility 1 on any layout (Shift turns "1" into "!" or "&").
 */
export function resolveShortcut(input: KeyInput, mode: ShortcutMode): ShortcutAction | null {
  // Ctrl+Enter (⌘+Enter on a Mac): submit my annotation — the one chord, as in a chat or mail form.
  if ((input.ctrlKey || input.metaKey) && input.key === "Enter" && mode === "normal")
    return { type: "submit" };
  if (input.ctrlKey || input.metaKey) return null;
  const { key, code } = input;
  if (key === "Escape") return { type: "escape" };
  if (mode === "mark") {
    if (key === "s" || key === "S") return { type: "mark", role: "sourceMention" };
    if (key === "c" || key === "C") return { type: "mark", role: "cue" };
    return { type: "escape" }; // Any other key leaves mark mode.
  }
  if (input.altKey) {
    if (key === "ArrowLeft" || key === "ArrowRight") {
      const direction = key === "ArrowLeft" ? -1 : 1;
      return { type: "nudge", edge: input.shiftKey ? "end" : "start", direction };
    }
    return null;
  }
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  if (digit !== undefined) {
    const n = Number(digit);
    if (input.shiftKey) {
      const value = CREDIBILITIES[n - 1];
      return value ? { type: "credibility", value } : null;
    }
    const value = LIKELIHOODS[n - 1];
    return value ? { type: "likelihood", value } : null;
  }
  switch (key) {
    case "j":
    case "ArrowDown":
      return { type: "next" };
    case "k":
    case "ArrowUp":
      return { type: "previous" };
    case "a":
      return { type: "accept" };
    case "r":
      return { type: "reject" };
    case "e":
    case "Enter":
      return { type: "edit" };
    case "s":
      return { type: "sourcePicker" };
    case "p":
      return { type: "propositionPicker" };
    case "t":
      return { type: "tags" };
    case "q":
      return { type: "quoteType" };
    case "m":
      return { type: "markMode" };
    case "v":
      return { type: "cycleSpan" };
    case "[":
      return { type: "nudge", edge: "start", direction: -1 };
    case "]":
      return { type: "nudge", edge: "start", direction: 1 };
    case "{":
      return { type: "nudge", edge: "end", direction: -1 };
    case "}":
      return { type: "nudge", edge: "end", direction: 1 };
    case "n":
      return { type: "nextArticle" };
    case "?":
      return { type: "help" };
    default:
      return null;
  }
}

export interface ShortcutGroup {
  title: string;
  items: Array<{ keys: string[]; does: string }>;
}

/** Every shortcut, as the help dialog lists them (digits are listed with their labels there). */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: "Move",
    items: [
      { keys: ["j", "↓"], does: "Next claim" },
      { keys: ["k", "↑"], does: "Previous claim" },
      { keys: ["n"], does: "Next article in the review queue" },
      { keys: ["Esc"], does: "Leave a field, cancel marking, close this help" },
      { keys: ["?"], does: "Show this help" },
    ],
  },
  {
    title: "Review",
    items: [
      { keys: ["a"], does: "Accept the claim" },
      { keys: ["r"], does: "Reject the claim" },
      { keys: ["e", "Enter"], does: "Edit (correct) the claim: focus its editor" },
      { keys: ["c"], does: "Create a claim from the selected text" },
      {
        keys: ["Ctrl+Enter"],
        does: "Submit your annotation (then the other analysts’ are shown beside it)",
      },
    ],
  },
  {
    title: "Spans",
    items: [
      { keys: ["m", "s"], does: "Mark the selected text as the source mention" },
      { keys: ["m", "c"], does: "Mark the selected text as the cue" },
      { keys: ["v"], does: "Choose the span to adjust: content → source → cue" },
      { keys: ["[", "]"], does: "Move the span's start a word left / right" },
      { keys: ["{", "}"], does: "Move the span's end a word left / right" },
      { keys: ["Alt+←", "Alt+→"], does: "Move the start (with Shift: the end) a word" },
    ],
  },
  {
    title: "Annotate",
    items: [
      { keys: ["s"], does: "Source: pick from the registry or create one" },
      { keys: ["p"], does: "Proposition: pick or create one" },
      { keys: ["t"], does: "Tags" },
      { keys: ["q"], does: "Quote type: direct → indirect → mixed" },
      { keys: ["1", "…", "7"], does: "Likelihood (ICD 203)" },
      { keys: ["Shift+1", "…", "Shift+6"], does: "Credibility (Admiralty 1–6)" },
    ],
  },
];
