/** The article pipeline: (extract|unwrap) → normalise → clean → title → hash → segment → suggest claims. */
import { MAX_ARTICLE_CHARS, type TArticleFields, type TProcessedArticle } from "@claimdesk/types";
import { isAbbreviation } from "./abbreviations";
import { type CleanedText, cleanBoilerplate, crumbMatchesTitle } from "./clean-boilerplate";
import { articleLanguage, suggesterKnows } from "./detect-language";
import { extractHtml, READABILITY_VERSION } from "./extract-html";
import { hashText } from "./hash-text";
import { normalizeText } from "./normalize-text";
import { segmentSentences } from "./segment-sentences";
import { suggestClaims } from "./suggest-claims";
import { unwrapHardWrappedLines } from "./unwrap-lines";

export const TEXT_EXTRACTOR = "claimdesk-text@1";
export const HTML_EXTRACTOR = `claimdesk-html@1+readability@${READABILITY_VERSION}`;

export interface ArticleMeta {
  /** Only used to name the file in error messages. */
  readonly filename?: string;
  readonly url?: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly publishedAt?: string;
  readonly byline?: string;
  readonly externalId?: string;
  readonly collection?: string;
  readonly language?: string;
}

const MAX_TITLE_CHARS = 200;
const FINAL_PUNCTUATION = /[.!?:;,]$/;
const LAST_WORD_BEFORE_PERIOD = /([\p{L}.]+)\.$/u;

/** A headline does not end like a sentence, unless its last word is an abbreviation ("U.S."). */
function looksLikeTitle(paragraph: string): boolean {
  if (paragraph.length === 0 || paragraph.length >= MAX_TITLE_CHARS) return false;
  if (!FINAL_PUNCTUATION.test(paragraph)) return true;
  const word = LAST_WORD_BEFORE_PERIOD.exec(paragraph)?.[1];
  return word !== undefined && isAbbreviation(word);
}

/** Splits off the first paragraph as the title when it is one; `given` (from metadata) wins. */
function splitTitle(
  cleaned: CleanedText,
  given: string | undefined,
): { title: string | null; body: string } {
  const text = cleaned.text;
  const newline = text.indexOf("\n");
  if (newline < 0) return { title: given?.trim() || null, body: text };
  const first = text.slice(0, newline);
  const rest = text.slice(newline + 1).replace(/^\n+/, "");
  if (given?.trim()) {
    const title = normalizeText(given);
    return { title, body: first === title ? rest : text };
  }
  // A crumb repeating the headline ("HomeWorldIran commander requests…") proves the title even
  // when it ends with a period.
  const crumbSaysTitle = cleaned.removed.some(
    (r) => r.rule.startsWith("nav-crumb") && crumbMatchesTitle(r.text, first),
  );
  if (crumbSaysTitle || looksLikeTitle(first)) return { title: first, body: rest };
  return { title: null, body: text };
}

/**
 * Runs the whole plain-text pipeline on one article. Throws an Error naming the reason (and the
 * file, when given) when nothing is left to store.
 */
export function processPlainText(raw: string, meta: ArticleMeta = {}): TProcessedArticle {
  checkSize(raw, meta);
  return processNormalized(normalizeText(unwrapHardWrappedLines(raw)), meta, TEXT_EXTRACTOR);
}

/**
 * Extracts the article of an HTML page and runs the pipeline on its text. Metadata passed in
 * `meta` wins over what the page says. Throws like processPlainText.
 */
export function processHtml(html: string, meta: ArticleMeta = {}): TProcessedArticle {
  const page = extractHtml(html);
  checkSize(page.text, meta);
  const merged: ArticleMeta = {
    ...definedOnly({
      title: page.title,
      byline: page.byline,
      publisher: page.publisher,
      publishedAt: page.publishedAt,
      url: page.url,
      language: page.language,
    }),
    ...definedOnly(meta),
  };
  return processNormalized(normalizeText(page.text), merged, HTML_EXTRACTOR);
}

/** A structured record (JSONL object, CSV row): `body` is plain text and gets the same cleaning. */
export function processArticleFields(
  fields: Partial<TArticleFields> & { body: string },
  meta: Pick<ArticleMeta, "filename" | "collection"> = {},
): TProcessedArticle {
  const { body, ...rest } = fields;
  return processPlainText(body, { ...definedOnly(rest), ...meta });
}

function definedOnly<T extends object>(record: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, value]) => value !== null && value !== undefined && value !== "",
    ),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
}

function checkSize(text: string, meta: ArticleMeta): void {
  if (text.length > MAX_ARTICLE_CHARS) {
    const where = meta.filename ? `${meta.filename}: ` : "";
    const mb = (text.length / 1_000_000).toFixed(1);
    throw new Error(
      `${where}too large: ${mb} M characters of text, over the 2 M limit for one article`,
    );
  }
}

function processNormalized(
  normalized: string,
  meta: ArticleMeta,
  extractor: string,
): TProcessedArticle {
  const where = meta.filename ? `${meta.filename}: ` : "";
  if (normalized.length === 0) throw new Error(`${where}empty input: the text has no content`);
  // Normalised first so the line rules see tidy lines; cleaning keeps the text normalised.
  const cleaned = cleanBoilerplate(normalized);
  if (cleaned.text.length === 0) {
    throw new Error(`${where}empty after cleaning: every line was boilerplate`);
  }
  const { title, body } = splitTitle(cleaned, meta.title);
  if (body.length === 0) throw new Error(`${where}empty body: the text is only its title`);
  const sentences = segmentSentences(body);
  const language = articleLanguage(body, meta.language);
  return {
    title,
    byline: meta.byline ?? null,
    publisher: meta.publisher ?? null,
    publishedAt: meta.publishedAt ?? null,
    url: meta.url ?? null,
    ...(meta.externalId === undefined ? {} : { externalId: meta.externalId }),
    ...(meta.collection === undefined ? {} : { collection: meta.collection }),
    // Detected from the text (a declared tag naming the same language is kept).
    language,
    text: body,
    textSha256: hashText(body),
    extractor,
    sentences,
    // The rules are English-only: another language gets no suggestions (the UI says so).
    claims: suggesterKnows(language) ? suggestClaims(body, sentences) : [],
  };
}
