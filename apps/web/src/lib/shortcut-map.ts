/**
 * The workbench's keyboard map: which key does what, as data (for the help dialog and the hints
 * beside each field) and as a pure function from a key event to an action (for the handler).
 *
 * Every field value has a key, without a dialog: a field key then a value digit (INCEpTION binds
 * a key to each feature value; here `s 1` is source stance 1, `c 2` confidence 2, `0` clears).
 * A field key alone changes nothing, so a stray key cannot change data; Ctrl+Z undoes what did.
 * Likelihood (1–7) and credibility (Shift+1–6) also take a bare digit: one key per decision.
 */
import {
  ANALYTIC_CONFIDENCES,
  CREDIBILITIES,
  LIKELIHOODS,
  QUOTE_TYPES,
  REPORTING_STANCES,
  SOURCE_STANCES,
  VERDICTS,
} from "@claimdesk/types";

export type SpanRole = "content" | "sourceMention" | "cue";

/** The fields whose values are picked by a field key then a digit. */
export const VALUE_FIELDS = {
  sourceStance: { key: "s", values: SOURCE_STANCES, clearable: true },
  reportingStance: { key: "r", values: REPORTING_STANCES, clearable: true },
  likelihood: { key: "l", values: LIKELIHOODS, clearable: true },
  analyticConfidence: { key: "c", values: ANALYTIC_CONFIDENCES, clearable: true },
  credibility: { key: "i", values: CREDIBILITIES, clearable: true },
  verdict: { key: "v", values: VERDICTS, clearable: true },
  quoteType: { key: "q", values: QUOTE_TYPES, clearable: false },
} as const;
export type ValueField = keyof typeof VALUE_FIELDS;
const FIELD_BY_KEY = new Map<string, ValueField>(
  (Object.keys(VALUE_FIELDS) as ValueField[]).map((f) => [VALUE_FIELDS[f].key, f]),
);

/** The hint shown beside a field: its key and the digits it takes ("s 1–4", "q 1–3"). */
export function fieldKeyHint(field: ValueField): string {
  const { key, values, clearable } = VALUE_FIELDS[field];
  return `${key} ${clearable ? "0" : "1"}–${values.length}`;
}

export type ShortcutAction =
  | { type: "next" }
  | { type: "previous" }
  | { type: "accept" }
  | { type: "reject" }
  | { type: "edit" }
  | { type: "sourcePicker" }
  | { type: "propositionPicker" }
  | { type: "tags" }
  /** A field key: wait for its value digit. */
  | { type: "arm"; field: ValueField }
  /** A field's value (null clears it). */
  | { type: "setValue"; field: ValueField; value: string | null }
  | { type: "markMode" }
  | { type: "mark"; role: Exclude<SpanRole, "content"> }
  | { type: "cycleSpan" }
  | { type: "nudge"; edge: "start" | "end"; direction: -1 | 1 }
  | { type: "newClaim" }
  /** In new-claim mode: confirm the span shown (content, then source, then cue). */
  | { type: "confirm" }
  /** In new-claim mode: no source / no cue. */
  | { type: "none" }
  | { type: "undo" }
  | { type: "redo" }
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

/**
 * "mark" after `m` (the next key says which span the selection becomes); "newClaim" while a new
 * claim is being marked from the keyboard; `{ armed }` after a field key (the next digit is its value).
 */
export type ShortcutMode = "normal" | "mark" | "newClaim" | { armed: ValueField };

const digitOf = (code: string): number | null => {
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code)?.[1];
  return digit === undefined ? null : Number(digit);
};

function nudgeFor(key: string): ShortcutAction | null {
  switch (key) {
    case "[":
      return { type: "nudge", edge: "start", direction: -1 };
    case "]":
      return { type: "nudge", edge: "start", direction: 1 };
    case "{":
      return { type: "nudge", edge: "end", direction: -1 };
    case "}":
      return { type: "nudge", edge: "end", direction: 1 };
    default:
      return null;
  }
}

/**
 * The action for a key, or null when the key is not a shortcut (and must be left alone). Digits
 * are read from `code` so Shift+1 is credibility 1 on any layout (Shift turns "1" into "!" or "&").
 */
export function resolveShortcut(input: KeyInput, mode: ShortcutMode): ShortcutAction | null {
  const ctrl = input.ctrlKey || input.metaKey;
  const { key, code } = input;
  if (ctrl) {
    const lower = key.toLowerCase();
    // Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y): undo / redo my last changes (outside text fields).
    if (lower === "z" && !input.altKey) return { type: input.shiftKey ? "redo" : "undo" };
    if (lower === "y" && !input.altKey && !input.shiftKey) return { type: "redo" };
    // Ctrl+Enter (⌘+Enter on a Mac): submit my layer of the article — as in a chat or mail form.
    if (key === "Enter" && mode === "normal") return { type: "submit" };
    return null;
  }
  if (key === "Escape") return { type: "escape" };
  if (mode === "mark") {
    if (key === "s" || key === "S") return { type: "mark", role: "sourceMention" };
    if (key === "c" || key === "C") return { type: "mark", role: "cue" };
    return { type: "escape" }; // Any other key leaves mark mode.
  }
  if (mode === "newClaim") {
    if (input.altKey) return null;
    if (key === "Enter") return { type: "confirm" };
    if (key === "Backspace" || key === "Delete" || digitOf(code) === 0) return { type: "none" };
    if (key === "j" || key === "ArrowDown") return { type: "next" };
    if (key === "k" || key === "ArrowUp") return { type: "previous" };
    if (key === "?") return { type: "help" };
    return nudgeFor(key);
  }
  if (typeof mode === "object") {
    const n = digitOf(code);
    if (n !== null && !input.altKey) {
      const { values, clearable } = VALUE_FIELDS[mode.armed];
      if (n === 0) return clearable ? { type: "setValue", field: mode.armed, value: null } : null;
      const value = values[n - 1];
      return value === undefined ? null : { type: "setValue", field: mode.armed, value };
    }
    // Any other key disarms the field and does what it does in normal mode.
    return resolveShortcut(input, "normal");
  }
  if (input.altKey) {
    if (key === "ArrowLeft" || key === "ArrowRight") {
      const direction = key === "ArrowLeft" ? -1 : 1;
      return { type: "nudge", edge: input.shiftKey ? "end" : "start", direction };
    }
    return null;
  }
  const n = digitOf(code);
  if (n !== null) {
    if (input.shiftKey) {
      const value = CREDIBILITIES[n - 1];
      return value ? { type: "setValue", field: "credibility", value } : null;
    }
    const value = LIKELIHOODS[n - 1];
    return value ? { type: "setValue", field: "likelihood", value } : null;
  }
  const field = FIELD_BY_KEY.get(key);
  if (field) return { type: "arm", field };
  switch (key) {
    case "j":
    case "ArrowDown":
      return { type: "next" };
    case "k":
    case "ArrowUp":
      return { type: "previous" };
    case "a":
      return { type: "accept" };
    case "x":
      return { type: "reject" };
    case "e":
    case "Enter":
      return { type: "edit" };
    case "w":
      return { type: "sourcePicker" };
    case "p":
      return { type: "propositionPicker" };
    case "t":
      return { type: "tags" };
    case "m":
      return { type: "markMode" };
    case "g":
      return { type: "cycleSpan" };
    case "n":
      return { type: "newClaim" };
    case "N":
      return { type: "nextArticle" };
    case "?":
      return { type: "help" };
    default:
      return nudgeFor(key);
  }
}

export interface ShortcutGroup {
  title: string;
  items: Array<{ keys: string[]; does: string }>;
}

/** Every shortcut, as the help dialog lists them (each field's values are listed there too). */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: "Move",
    items: [
      { keys: ["j", "↓"], does: "Next claim" },
      { keys: ["k", "↑"], does: "Previous claim" },
      { keys: ["Shift+N"], does: "Next article in the review queue" },
      { keys: ["Esc"], does: "Leave a field, cancel a field key or marking, close this help" },
      { keys: ["?"], does: "Show this help" },
    ],
  },
  {
    title: "Review",
    items: [
      { keys: ["a"], does: "Accept the claim" },
      { keys: ["x"], does: "Reject the claim" },
      { keys: ["e", "Enter"], does: "Edit (correct) the claim: go to its span adjuster" },
      { keys: ["c"], does: "With text selected: create a claim from it" },
      {
        keys: ["Ctrl+Enter"],
        does: "Submit the article: your layer of it becomes final, and the other submitted layers are shown beside it",
      },
      { keys: ["Ctrl+Z"], does: "Undo your last change (claim fields and annotation)" },
      { keys: ["Ctrl+Shift+Z", "Ctrl+Y"], does: "Redo" },
    ],
  },
  {
    title: "New claim from the keyboard",
    items: [
      { keys: ["n"], does: "New claim: start on the selected claim's sentence" },
      { keys: ["j", "k"], does: "Next / previous sentence" },
      { keys: ["[", "]", "{", "}"], does: "Move the start / end a word" },
      { keys: ["Enter"], does: "Confirm: content, then source mention, then cue (creates it)" },
      { keys: ["0", "Backspace"], does: "No source / no cue" },
    ],
  },
  {
    title: "Spans",
    items: [
      { keys: ["m", "s"], does: "Mark the selected text as the source mention" },
      { keys: ["m", "c"], does: "Mark the selected text as the cue" },
      { keys: ["g"], does: "Choose the span to adjust: content → source → cue" },
      { keys: ["[", "]"], does: "Move the span's start a word left / right" },
      { keys: ["{", "}"], does: "Move the span's end a word left / right" },
      { keys: ["Alt+←", "Alt+→"], does: "Move the start (with Shift: the end) a word" },
    ],
  },
  {
    title: "Annotate",
    items: [
      { keys: ["w"], does: "Source (who says it): pick from the registry or create one" },
      { keys: ["p"], does: "Proposition: pick or create one" },
      { keys: ["t"], does: "Tags" },
      { keys: ["1", "…", "7"], does: "Likelihood (ICD 203), one key" },
      { keys: ["Shift+1", "…", "Shift+6"], does: "Credibility (Admiralty 1–6), one key" },
      { keys: ["field key", "digit"], does: "Any field's value: see “Field values” (0 clears)" },
    ],
  },
];
