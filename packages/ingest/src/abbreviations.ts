/** English abbreviations that end in a period without ending the sentence. */
import { wordSet } from "./word-set";

/** Titles before a name: a period after them never ends a sentence ("Gen. Smith"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = wordSet(`
  Mr Mrs Ms Mx Dr Prof Gen Lt Col Sgt Capt Cmdr Cdr Maj Adm Brig Cpl Pvt Sen Rep Gov Rev Hon Pres
  Supt Insp Det Fr Amb Atty Lieut Messrs
`);

/**
 * Abbreviations that usually continue the sentence but can end one ("a deal with Acme Inc.").
 * A split after them is undone unless the next word typically starts a sentence.
 */
export const OTHER_ABBREVIATIONS: ReadonlySet<string> = wordSet(`
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos St Ste Inc Corp Co Ltd Jr Sr Bros Ave
  Blvd Rd Mt Ft etc vs approx dept Dept est fig Fig Vol vol Univ Assn Inst
`);

// "U.S", "U.N", "e.g", "p.m" (the last period is outside).
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_INITIAL = /^\p{Lu}$/u;
// In "Iraqi-U.S" or "Jan/Feb" only the last part can be the abbreviation.
const LAST_PART = /[^-–/]+$/;

/**
 * Is `word` (without its final period) an abbreviation or initialism? Looks at the part after a
 * hyphen or slash ("Iraqi-U.S"). A single capital ("F" in "John F. Kennedy") counts unless
 * `allowInitial` is false.
 */
export function isAbbreviation(word: string, allowInitial = true): boolean {
  const part = LAST_PART.exec(word)?.[0] ?? word;
  return (
    TITLE_ABBREVIATIONS.has(part) ||
    OTHER_ABBREVIATIONS.has(part) ||
    INITIALISM.test(part) ||
    (allowInitial && SINGLE_INITIAL.test(part))
  );
}

/** Is `word` (without its final period) a title such as "Gen" or "Dr", which never ends a sentence? */
export function isTitleAbbreviation(word: string): boolean {
  return TITLE_ABBREVIATIONS.has(LAST_PART.exec(word)?.[0] ?? word);
}

/** Words that, capitalised after a period, signal a new sentence rather than a continuation. */
export const SENTENCE_STARTERS: ReadonlySet<string> = wordSet(`
  The A An It Its He She They We I You This That These Those There Their His Her Our My But And Or
  So Yet In On At For With By From After Before While When If As Although Though However Meanwhile
  Since Because Some Many Most Other Others One Two Three Not Still Also Then Now Last Earlier
  Later According Asked What Why How Who Where Both Each All Any Such Under Over During Despite
  Following Instead Neither Nor Several Officials Until Without Among Once Even Only More Much
`);
