/**
 * The article's language in its header ("Arabic"), and on an article in another language than
 * English the plain statement that the claim suggester only knows English, so an empty claim list
 * is not mistaken for "no claims in this article".
 */

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag; // not a well-formed tag: show it as stored
  }
}

/** Mirrors @claimdesk/ingest's suggesterKnows (not imported: it would bring the ingest pipeline into the bundle). */
const isEnglish = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() === "en";

export function ArticleLanguage({ language }: { language: string | null }) {
  if (language === null) return null;
  return (
    <span data-testid="article-language" lang="en">
      {languageName(language)}
    </span>
  );
}

export function SuggesterLanguageNotice({ language }: { language: string | null }) {
  if (language === null || isEnglish(language)) return null;
  return (
    <p
      role="note"
      className="mt-2 rounded border border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900"
    >
      The claim suggester only knows English: no suggestions were made for this{" "}
      {languageName(language)} article. Select text to mark its claims.
    </p>
  );
}
