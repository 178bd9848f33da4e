/**
 * An article's language from its text, by franc-min (trigram statistics of the 82 languages with 8 M
 * speakers or more, shipped in the package: nothing fetched at run time, under 2 MB of heap), as a
 * BCP 47 tag: ISO 639-1 where there is one ("en", "ar", "fa", "fr"), else the ISO 639-3 code; null
 * when the text cannot tell. (eld was faster but holds 30–46 MB of heap in each processing thread.)
 */
import { francAll } from "franc-min";
import { iso6393To1 } from "iso-639-3";

/**
 * Enough of the text to tell its language: franc's cost grows with the sample (about 0.3 ms a
 * per article on an idle core), and the first paragraphs say it as well as the whole.
 */
const SAMPLE_CHARS = 300;
/** Below this many characters franc's guesses among Latin-script languages are noise. */
const MIN_CHARS = 60;
/**
 * A non-English winner whose English score is this close (franc's scores are relative to the
 * winner's 1) is a tie, not a verdict: short English news text, and Reuters' earnings tables
 * ("Shr 36 cts vs 43 cts / Net 1.3 mln"), often score as German or Dutch by a hair. A false "not
 * English" would also switch the English suggester off.
 */
const ENGLISH_TIE = 0.9;
const MIN_LETTERS = 80;
const MIN_LETTER_SHARE = 0.75;

/** franc-min names individual languages whose macrolanguage carries the ISO 639-1 code. */
const MACROLANGUAGE_CODES: Readonly<Record<string, string>> = {
  arb: "ar",
  pes: "fa",
  cmn: "zh",
  swh: "sw",
  fuv: "ff",
  ckb: "ku",
  uzn: "uz",
  zlm: "ms",
  azj: "az",
  plt: "mg",
  pbu: "ps",
  npi: "ne",
  koi: "kv",
  qug: "qu",
  zyb: "za",
};

const toTag = (code: string) => MACROLANGUAGE_CODES[code] ?? iso6393To1[code] ?? code;

/**
 * The commonest English words. Running prose has a third or more of them, French or German a few
 * percent, Dutch about a tenth: a sample at least FUNCTION_WORD_SHARE of them is English without
 * asking franc, whose trigram comparison would otherwise cost more than the rest of the pipeline on
 * a short article (Reuters: 6.4 of 10 s CPU; with this check 0.3 s).
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "the of and to a in that is was for on it with as he by at said from his be are have has " +
    "this an not they but were had which its will their who would been we i you she her"
  ).split(" "),
);
const FUNCTION_WORD_SHARE = 0.25;
const MIN_WORDS = 12;
/** Counting words is cheap: a longer look than franc's sees past a foreign name at the top. */
const WORD_SAMPLE_CHARS = 1000;

function looksEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  if (words === null || words.length < MIN_WORDS) return false;
  let hits = 0;
  for (const word of words) if (ENGLISH_FUNCTION_WORDS.has(word)) hits++;
  return hits >= FUNCTION_WORD_SHARE * words.length;
}

/** The language the text is written in, or null when it is too short or too close to call. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (looksEnglish(text.slice(0, WORD_SAMPLE_CHARS))) return "en";
  const ranked = francAll(sample, { minLength: MIN_CHARS });
  const best = ranked[0]?.[0];
  if (best === undefined || best === "und") return null;
  if (best !== "eng") {
    const english = ranked.find(([code]) => code === "eng");
    if (english !== undefined && english[1] >= ENGLISH_TIE) return null;
    // Few words among figures ("Net loss 705,496 vs loss 182,766 / Sales …") say no language.
    const letters = sample.match(/\p{L}/gu)?.length ?? 0;
    const visible = sample.match(/\S/gu)?.length ?? 0;
    if (letters < MIN_LETTERS || letters < MIN_LETTER_SHARE * visible) return null;
  }
  return toTag(best);
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
