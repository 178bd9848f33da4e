/** @claimdesk/ingest: the pure text pipeline (decode, clean, normalise, segment, suggest claims). */
export { isAbbreviation } from "./abbreviations";
export {
  BOILERPLATE_RULES,
  type BoilerplateRule,
  type CleanedText,
  cleanBoilerplate,
  crumbMatchesTitle,
  matchBoilerplateLine,
  type RemovedBoilerplate,
} from "./clean-boilerplate";
export { decodeHtml, sniffHtmlCharset } from "./decode-html";
export {
  type DecodedText,
  type DecodeOptions,
  decodeText,
  firstInvalidUtf8Offset,
} from "./decode-text";
export { articleLanguage, detectLanguage, suggesterKnows } from "./detect-language";
export { type ExtractedHtml, extractHtml, READABILITY_VERSION } from "./extract-html";
export {
  analyseMention,
  guessSourceKind,
  isPronoun,
  type MentionAnalysis,
} from "./guess-source-kind";
export { hashText } from "./hash-text";
export { htmlToText, type TextNodeLike } from "./html-to-text";
export { normalizeText } from "./normalize-text";
export {
  type ArticleMeta,
  HTML_EXTRACTOR,
  processArticleFields,
  processHtml,
  processPlainText,
  TEXT_EXTRACTOR,
} from "./process-text";
export {
  ACCORDING_TO,
  lookupReportingVerb,
  REPORTING_VERBS,
  type ReportingCue,
} from "./reporting-verbs";
export { segmentSentences } from "./segment-sentences";
export { findSpanProblems } from "./span-invariants";
export {
  CLAIM_RULES,
  type ClaimRule,
  MAX_SENTENCE_CHARS,
  quoteTypeOf,
  suggestClaims,
} from "./suggest-claims";
export { looksHardWrapped, unwrapHardWrappedLines } from "./unwrap-lines";
