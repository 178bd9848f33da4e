"use client";
/** The article page: text with highlighted claims beside the claim panel, linked by hover and selection. */
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { formatDate } from "~/lib/format-date";
import type { TextSpan } from "~/lib/selection-offsets";
import { fieldMessage, isNotFound } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { Article } from "~/trpc/types";
import { useArticleCache } from "~/trpc/use-article-cache";
import { ArticleText, type ClaimSelection } from "./article-text";
import { ClaimPanel } from "./claim-panel";
import { ErrorState, LoadingState } from "./query-states";

/** Only http(s) links: an imported URL is untrusted and must not become `javascript:`. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function ArticleHeader({ article }: { article: Article }) {
  const href = safeHref(article.url);
  const date = formatDate(article.publishedAt);
  const meta = [article.publisher, article.byline, date].filter(Boolean);
  return (
    <header className="border-b border-slate-200 bg-white px-6 py-4">
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-500">
        <Link href="/" className="rounded hover:text-indigo-700 hover:underline">
          Articles
        </Link>{" "}
        / #{article.id}
      </nav>
      <h1 className="text-xl font-semibold leading-snug tracking-tight text-slate-900">
        {article.title?.trim() || `Untitled article #${article.id}`}
      </h1>
      <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-500">
        {meta.length > 0 ? <span>{meta.join(" · ")}</span> : null}
        <span>imported {formatDate(article.createdAt)}</span>
        {href ? (
          <a
            href={href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="rounded text-indigo-700 hover:underline"
          >
            original ↗
          </a>
        ) : null}
      </p>
    </header>
  );
}

export function ArticleWorkbench({ articleId }: { articleId: number }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.article.byId.queryOptions({ id: articleId }));
  const cache = useArticleCache(articleId);
  const [selection, setSelection] = useState<ClaimSelection>(null);
  const [hoveredId, setHoveredId] = useState<number | null>(null);
  const createClaim = useMutation(trpc.claim.create.mutationOptions());

  const onCreate = useCallback(
    async (span: TextSpan): Promise<boolean> => {
      try {
        const claim = await createClaim.mutateAsync({ articleId, content: span });
        cache.putClaim(claim);
        setSelection({ id: claim.id, from: "text" });
        return true;
      } catch {
        return false; // shown from createClaim.error
      }
    },
    [articleId, cache, createClaim],
  );

  if (detail.isPending) return <LoadingState label="Loading the article…" />;
  if (detail.isError) {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        {isNotFound(detail.error) ? (
          <>
            <h1 className="text-lg font-semibold">Article not found</h1>
            <p className="mt-1 text-sm text-slate-600">
              There is no article #{articleId}.{" "}
              <Link href="/" className="text-indigo-700 underline">
                Back to the articles
              </Link>
            </p>
          </>
        ) : (
          <ErrorState
            title="The article could not be loaded."
            error={detail.error}
            onRetry={() => void detail.refetch()}
          />
        )}
      </div>
    );
  }

  const { article, claims } = detail.data;
  return (
    <>
      <title>{`${article.title?.trim() || `Article #${article.id}`} · Claimdesk`}</title>
      <ArticleHeader article={article} />
      <div className="mx-auto grid max-w-[96rem] lg:grid-cols-[minmax(0,1fr)_minmax(24rem,30rem)]">
        <section aria-label="Article text" className="min-w-0 px-6 py-6 lg:px-10">
          <div className="mx-auto max-w-[44rem]">
            <p className="mb-4 text-xs text-slate-500">
              Hover or click a highlight to find its claim. Select a passage to create a new claim.
            </p>
            <ArticleText
              text={article.text}
              claims={claims}
              selection={selection}
              hoveredId={hoveredId}
              onHover={setHoveredId}
              onSelect={(id) => setSelection({ id, from: "text" })}
              onCreate={onCreate}
              creating={createClaim.isPending}
              createError={createClaim.error ? fieldMessage(createClaim.error, "content") : null}
            />
          </div>
        </section>
        <div className="border-l border-slate-200 lg:sticky lg:top-12 lg:h-[calc(100vh-3rem)] lg:overflow-y-auto">
          <ClaimPanel
            claims={claims}
            selection={selection}
            hoveredId={hoveredId}
            onHover={setHoveredId}
            onSelect={(id) => setSelection(id === null ? null : { id, from: "panel" })}
          />
        </div>
      </div>
    </>
  );
}
