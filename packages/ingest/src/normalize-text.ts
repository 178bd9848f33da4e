/** Text normalisation: NFC, one line-ending convention, tidy whitespace, no invisible characters. */

// Every line-separator flavour (CRLF, CR, VT, FF, NEL, LS, PS) becomes "\n".
// biome-ignore lint/suspicious/noControlCharactersInRegex: VT and FF are line breaks here
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
// C0/C1 controls (tab and newline kept), soft hyphen, zero-width space, word joiner, BOM,
// Mongolian vowel separator and bidi embedding/isolate controls: invisible, and they break matching.
const INVISIBLES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// ZWNJ/ZWJ carry meaning in Persian, Indic scripts and emoji sequences; next to ASCII they are
// scraping debris (and would split "said" into two tokens), so only those go.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range on purpose
const STRAY_JOINERS = /[\u200C\u200D]+(?=[\u0000-\u007F]|$)|(?<=[\u0000-\u007F]|^)[\u200C\u200D]+/g;
// Tabs and the Unicode space separators (NBSP, thin, narrow, ideographic…) collapse to one space.
// Written to match only runs that need rewriting, so the many single spaces cost nothing.
const SPACE_RUNS =
  / {2,}|[ ]*[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000][ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*/g;
// After SPACE_RUNS a line edge holds at most one space; the text's own edges go with trim().
const LINE_EDGE_SPACES = / ?\n ?/g;
const EXTRA_BLANK_LINES = /\n{3,}/g;

/**
 * Normalises raw article text. Quote characters are left exactly as they are: offsets and the
 * analysts' view depend on the stored text, and curly vs straight quotes carry information.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .replace(INVISIBLES, "")
    .replace(STRAY_JOINERS, "")
    .replace(SPACE_RUNS, " ")
    .replace(LINE_EDGE_SPACES, "\n")
    .replace(EXTRA_BLANK_LINES, "\n\n")
    .trim();
}
