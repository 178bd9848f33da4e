/** One page of articles: title, publisher, date, claim count and a snippet with search hits marked. */
import Link from "next/link";
import { formatDate } from "~/lib/format-date";
import { splitSnippet } from "~/lib/snippet-hits";
import type { ArticleListItem } from "~/trpc/types";

function Snippet({ text, highlightHits }: { text: string; highlightHits: boolean }) {
  // Snippets are untrusted article text: only ever React text children, hits as <mark>.
  if (!highlightHits) return <>{text}</>;
  return (
    <>
      {splitSnippet(text).map((part, i) =>
        part.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function ArticleList({
  items,
  highlightHits,
}: {
  items: readonly ArticleListItem[];
  highlightHits: boolean;
}) {
  return (
    <ul
      aria-label="Articles"
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
    >
      {items.map((item) => {
        const date = formatDate(item.publishedAt) || `imported ${formatDate(item.createdAt)}`;
        return (
          <li
            key={item.id}
            data-testid="article-row"
            className="group relative px-4 py-3 hover:bg-slate-50"
          >
            <div className="flex items-baseline justify-between gap-4">
              <h3 className="min-w-0 font-medium text-slate-900">
                {/* The link's box covers the row, so the whole row is clickable. */}
                <Link
                  href={`/articles/${item.id}`}
                  className="rounded after:absolute after:inset-0 group-hover:text-indigo-700"
                >
                  {item.title?.trim() || `Untitled article #${item.id}`}
                </Link>
              </h3>
              <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 tabular-nums">
                {item.claimCount} {item.claimCount === 1 ? "claim" : "claims"}
              </span>
            </div>
            <p className="mt-0.5 text-xs text-slate-500">
              {[item.publisher, date].filter(Boolean).join(" · ")}
            </p>
            <p className="mt-1 line-clamp-2 text-sm text-slate-600">
              <Snippet text={item.snippet} highlightHits={highlightHits} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
