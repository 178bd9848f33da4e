"use client";
/** The article list: debounced full-text search kept in the URL, results and paging. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { Pagination } from "../shared/pagination";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { ArticleList } from "./article-list";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

function pageFrom(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

function listHref(pathname: string, query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export function ArticleBrowser() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.get("q")?.trim() ?? "";
  const page = pageFrom(searchParams.get("page"));
  const [draft, setDraft] = useState(query);
  const inputId = useId();

  // Back/forward changes the URL under us: follow it unless the box already says the same.
  const [seenQuery, setSeenQuery] = useState(query);
  if (query !== seenQuery) {
    setSeenQuery(query);
    if (draft.trim() !== query) setDraft(query);
  }

  // Typing updates the URL after a pause; replace (not push) so history is not one entry a key.
  useEffect(() => {
    const next = draft.trim();
    if (next === query) return;
    const timer = setTimeout(
      () => router.replace(listHref(pathname, next, 1), { scroll: false }),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, query, router, pathname]);

  const list = useQuery(
    trpc.article.list.queryOptions(
      { query: query || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );

  return (
    <section aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="sr-only">
        Search and results
      </h2>
      <search className="mb-4 block">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            router.replace(listHref(pathname, draft.trim(), 1), { scroll: false });
          }}
        >
          <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-700">
            Search articles
          </label>
          <input
            id={inputId}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="Words in the title or text, e.g. Quds"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus-visible:border-indigo-500"
          />
        </form>
      </search>

      {list.isPending ? (
        <LoadingState label="Loading articles…" />
      ) : list.isError ? (
        <ErrorState
          title="The articles could not be loaded."
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.items.length === 0 ? (
        query ? (
          <EmptyState title={`No articles match “${query}”.`}>
            Try fewer or different words.
          </EmptyState>
        ) : (
          <EmptyState title="No articles yet.">
            Import some with <code className="font-mono">pnpm worker import &lt;files…&gt;</code>.
          </EmptyState>
        )
      ) : (
        <div aria-busy={list.isFetching} className={list.isPlaceholderData ? "opacity-60" : ""}>
          <p className="mb-2 text-xs text-slate-500" aria-live="polite">
            {list.data.total.toLocaleString("en")} {list.data.total === 1 ? "article" : "articles"}
            {query ? ` matching “${query}”` : ""}
          </p>
          <ArticleList items={list.data.items} highlightHits={query !== ""} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            hrefFor={(p) => listHref(pathname, query, p)}
          />
        </div>
      )}
    </section>
  );
}
