/**
 * An article's language from its text, by eld (Efficient Language Detector: n-gram statistics of
 * 60 languages shipped inside the package, nothing fetched at run time), as an ISO 639-1 tag
 * ("en", "ar", "fa", "fr"), or null when the text cannot tell.
 */
import { eld } from "eld/small";

/** Enough of the text to tell its language; the rest only costs time (2 M-character articles). */
const SAMPLE_CHARS = 600;
/**
 * Guards against calling English "not English" (which would also switch the suggester off): a
 * non-English verdict needs eld's own reliability test, English scoring clearly lower (eld's
 * scores, relative to the winner), enough letters, and letters for most of the text (Reuters'
 * earnings tables, "Shr 36 cts vs 43 cts / Net 1.3 mln", score as Dutch).
 */
const ENGLISH_TIE = 0.8;
const MIN_LETTERS = 60;
const MIN_LETTER_SHARE = 0.7;

/** The language the text is written in, or null when it is too short or too close to call. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const result = eld.detect(sample);
  const language = result.language;
  if (language === "") return null;
  if (language === "en") return "en";
  if (!result.isReliable()) return null;
  const scores = result.getScores();
  const best = scores[language] ?? 0;
  if (best <= 0 || (scores.en ?? 0) / best > ENGLISH_TIE) return null;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const visible = sample.match(/\S/gu)?.length ?? 0;
  if (letters < MIN_LETTERS || letters < MIN_LETTER_SHARE * visible) return null;
  return language;
}

/**
 * The language to store: the detected one, keeping a declared tag that names the same language
 * ("en-GB" over "en"); the declared one when the text cannot tell.
 */
export function articleLanguage(text: string, declared: string | undefined): string | null {
  const detected = detectLanguage(text);
  const given = declared?.trim() || undefined;
  if (detected === null) return given ?? null;
  if (given !== undefined && primarySubtag(given) === detected) return given;
  return detected;
}

const primarySubtag = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() ?? "";

/** Whether the claim suggester (English rules only) applies: English, or a language not known. */
export function suggesterKnows(language: string | null): boolean {
  return language === null || primarySubtag(language) === "en";
}
