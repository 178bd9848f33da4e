/** Article extraction from an HTML page: Readability over linkedom, plus the page's metadata. */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlToText, type TextNodeLike } from "./html-to-text";

export const READABILITY_VERSION = "0.6.0";

export interface ExtractedHtml {
  readonly title: string | null;
  readonly byline: string | null;
  /** Readability's siteName (og:site_name, JSON-LD publisher). */
  readonly publisher: string | null;
  /** Readability's publishedTime (article:published_time, JSON-LD datePublished). */
  readonly publishedAt: string | null;
  readonly language: string | null;
  /** link rel=canonical, else og:url. */
  readonly url: string | null;
  /** Main text, paragraphs separated by a blank line; not yet normalised or cleaned. */
  readonly text: string;
}

interface ElementLike extends TextNodeLike {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
interface DocumentLike {
  readonly documentElement: ElementLike | null;
  readonly body: ElementLike | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
};

function attribute(doc: DocumentLike, selector: string, name: string): string | null {
  return blankToNull(doc.querySelector(selector)?.getAttribute(name));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * "Iraq talks to resume | Example News" → "Iraq talks to resume": Readability keeps a short
 * title whole; the site's name is the publisher, not part of the headline.
 */
function withoutSiteName(title: string, site: string): string {
  const name = escapeRegExp(site);
  const stripped = title
    .replace(new RegExp(`\\s+[|\\-–—·:»/]\\s+${name}$`, "i"), "")
    .replace(new RegExp(`^${name}\\s+[|\\-–—·:»/]\\s+`, "i"), "");
  return stripped.length > 0 ? stripped : title;
}

/** Extracts the article of one page. Never throws for odd markup; an empty `text` means nothing was found.
 * (A fallback to the whole page's text when Readability returns under 500 characters was tried
 * and dropped: it lowered the article-extraction-benchmark F1, see bench/results/extract.md.) */
export function extractHtml(html: string): ExtractedHtml {
  const doc = parseHTML(html).document as unknown as DocumentLike;
  // Metadata first: Readability rewrites the document as it goes.
  const url =
    attribute(doc, "link[rel=canonical]", "href") ??
    attribute(doc, 'meta[property="og:url"]', "content");
  const pageLanguage =
    blankToNull(doc.documentElement?.getAttribute("lang")) ??
    attribute(doc, 'meta[http-equiv="content-language" i]', "content");

  // The serializer hands back Readability's content element, walked below for paragraph breaks.
  const reader = new Readability<TextNodeLike>(doc as never, {
    serializer: (node) => node as never,
  });
  const article = reader.parse();
  const text = article?.content ? htmlToText(article.content) : "";
  const publisher = blankToNull(article?.siteName);
  const title = blankToNull(article?.title) ?? blankToNull(doc.querySelector("title")?.textContent);
  return {
    title: title === null || publisher === null ? title : withoutSiteName(title, publisher),
    byline: blankToNull(article?.byline),
    publisher,
    publishedAt: blankToNull(article?.publishedTime),
    language: blankToNull(article?.lang) ?? pageLanguage,
    url,
    text,
  };
}
