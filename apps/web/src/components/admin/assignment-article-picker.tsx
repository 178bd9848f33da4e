"use client";
/** Choose articles one by one: search the corpus, tick articles, see and edit what is chosen. */
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useDebounced } from "../shared/use-debounced";

const SHOWN = 25;

export type ChosenArticles = ReadonlyMap<number, string | null>;

export function AssignmentArticlePicker({
  chosen,
  onChange,
  describedBy,
}: {
  chosen: ChosenArticles;
  onChange: (next: ChosenArticles) => void;
  describedBy?: string;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [query, setQuery] = useState("");
  const debounced = useDebounced(query.trim(), 250);
  const list = useQuery(
    trpc.article.list.queryOptions({ query: debounced || undefined, limit: SHOWN }),
  );
  const items = list.data?.items ?? [];
  const titleOf = (title: string | null, articleId: number) =>
    title?.trim() || `Untitled article #${articleId}`;

  const set = (entries: [number, string | null][], on: boolean) => {
    const next = new Map(chosen);
    for (const [articleId, title] of entries) {
      if (on) next.set(articleId, title);
      else next.delete(articleId);
    }
    onChange(next);
  };
  const allShownChosen = items.length > 0 && items.every((a) => chosen.has(a.id));

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor={`${id}-q`} className="mb-0.5 block text-xs font-medium text-slate-600">
            Search articles
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Title or text"
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </div>
        <button
          type="button"
          disabled={items.length === 0}
          onClick={() =>
            set(
              items.map((a) => [a.id, a.title]),
              !allShownChosen,
            )
          }
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50"
        >
          {allShownChosen ? "Clear all shown" : `Choose all ${items.length} shown`}
        </button>
      </div>
      <fieldset aria-describedby={describedBy}>
        <legend className="sr-only">Articles</legend>
        <div className="max-h-64 overflow-y-auto rounded border border-slate-200 bg-white">
          {list.isPending ? (
            <p className="px-2 py-2 text-sm text-slate-500">Loading articles…</p>
          ) : list.isError ? (
            <p role="alert" className="px-2 py-2 text-sm text-red-700">
              The articles could not be loaded: {list.error.message}
            </p>
          ) : items.length === 0 ? (
            <p className="px-2 py-2 text-sm text-slate-500">No article matches.</p>
          ) : (
            items.map((a) => (
              <label
                key={a.id}
                className="flex items-center gap-2 border-b border-slate-100 px-2 py-1 text-sm last:border-0 hover:bg-slate-50"
              >
                <input
                  type="checkbox"
                  checked={chosen.has(a.id)}
                  onChange={(event) => set([[a.id, a.title]], event.target.checked)}
                />
                <span className="min-w-0 flex-1 truncate">{titleOf(a.title, a.id)}</span>
                <span className="shrink-0 text-xs tabular-nums text-slate-500">
                  {a.claimCount} claims
                </span>
              </label>
            ))
          )}
        </div>
        {list.data && list.data.total > items.length ? (
          <p className="mt-1 text-xs text-slate-500">
            Showing {items.length} of {list.data.total}; search to find others.
          </p>
        ) : null}
      </fieldset>
      <div>
        <p className="text-xs font-medium text-slate-600" aria-live="polite">
          {chosen.size} {chosen.size === 1 ? "article" : "articles"} chosen
        </p>
        {chosen.size > 0 ? (
          <ul className="mt-1 flex flex-wrap gap-1" aria-label="Chosen articles">
            {[...chosen].map(([articleId, title]) => (
              <li
                key={articleId}
                className="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2 pr-1 text-xs text-indigo-900"
              >
                <span className="max-w-56 truncate">{titleOf(title, articleId)}</span>
                <button
                  type="button"
                  onClick={() => set([[articleId, title]], false)}
                  aria-label={`Remove ${titleOf(title, articleId)}`}
                  className="rounded-full px-1 hover:bg-indigo-100"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
