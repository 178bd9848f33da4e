/** Formatting for the Agreement page: figures with 3 decimals, never NaN, and how to read alpha. */

/** A figure with exactly 3 decimals; "—" when it is undefined (null) or not a finite number. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = value.toFixed(3);
  // -0.0004 rounds to "-0.000": show it as 0.
  return text === "-0.000" ? "0.000" : text;
}

export type AlphaReading = "reliable" | "tentative" | "unreliable" | "undefined";

/**
 * Krippendorff's (2004, Content Analysis, 2nd ed., p. 241) guideline: rely on variables with
 * α ≥ 0.800; consider those with 0.667 ≤ α < 0.800 only for tentative conclusions; discard the rest.
 */
export function readAlpha(alpha: number | null | undefined): AlphaReading {
  if (alpha === null || alpha === undefined || !Number.isFinite(alpha)) return "undefined";
  if (alpha >= 0.8) return "reliable";
  if (alpha >= 0.667) return "tentative";
  return "unreliable";
}

export const ALPHA_READING_LABELS: Record<AlphaReading, string> = {
  reliable: "Reliable (≥ 0.800)",
  tentative: "Tentative (0.667–0.800)",
  unreliable: "Unreliable (< 0.667)",
  undefined: "Not enough data",
};

/** Why a figure is undefined, in words. */
export function undefinedReason(reason: string | null): string {
  switch (reason) {
    case "no_pairable_values":
      return "No unit has values from two analysts yet.";
    case "no_items":
      return "The two analysts have coded no item in common.";
    case "no_variation":
      return "Everyone gave the same value to everything, so agreement cannot be told from chance.";
    default:
      return "";
  }
}
