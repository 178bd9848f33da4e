/**
 * Validation messages in the user's language: zod's defaults ("Too big: expected string to have
 * <=200 characters") rewritten as a form would say them ("Use at most 200 characters"), and the
 * field a message belongs to named as a label ("Country", "Aliases, item 2").
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

const plural = (n: number | bigint, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${Number(n) === 1 ? one : many}`;

/** zod's own default messages start like these; a schema's custom message is kept as written. */
const DEFAULT_MESSAGE = /^(?:Too big|Too small|Invalid|Unrecognized key|Expected|Required$)/;

/** The message of one issue, readable: the schema's own message, else a plain sentence. */
export function readableIssueMessage(issue: Issue): string {
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_big": {
      const n = issue.maximum;
      if (issue.origin === "string") return `Use at most ${plural(n, "character")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Give at most ${plural(n, "item")}`;
      return issue.inclusive === false ? `Must be below ${n}` : `Must be at most ${n}`;
    }
    case "too_small": {
      const n = issue.minimum;
      if (issue.origin === "string")
        return Number(n) <= 1 ? "Required" : `Use at least ${plural(n, "character")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Give at least ${plural(n, "item")}`;
      return issue.inclusive === false ? `Must be above ${n}` : `Must be at least ${n}`;
    }
    case "invalid_type":
      return issue.input === undefined ? "Required" : `Expected ${issue.expected}`;
    case "invalid_value":
      return issue.values.length <= 8
        ? `Choose one of ${issue.values.map((v) => String(v)).join(", ")}`
        : "Choose one of the listed values";
    case "invalid_format":
      return issue.format === "regex"
        ? "Not in the expected format"
        : `Not a valid ${issue.format}`;
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    default:
      return issue.message;
  }
}

/** "sourceMention" → "Source mention"; `["aliases", 1]` → "Aliases, item 2". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const part of path) {
    if (typeof part === "number") parts.push(`item ${part + 1}`);
    else {
      const words = String(part)
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/[_-]+/g, " ")
        .toLowerCase();
      parts.push(words.charAt(0).toUpperCase() + words.slice(1));
    }
  }
  return parts.join(", ");
}

/** The path's containers dropped when they only wrap the fields ("patch", "values", "input"). */
const WRAPPERS = new Set(["patch", "values", "input"]);

/** One line for all of an error's issues: "Name: Use at most 300 characters. Country: …". */
export function readableIssues(issues: readonly Issue[]): string {
  const lines = issues.map((issue) => {
    const path = issue.path.filter((p, i) => !(i === 0 && WRAPPERS.has(String(p))));
    const message = readableIssueMessage(issue);
    return path.length > 0 ? `${fieldLabel(path)}: ${message}` : message;
  });
  return [...new Set(lines)].map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join(" ");
}
