"use client";
/** The queue's counts and the Start link (focused on arrival, so Enter starts reviewing). */
import { CLAIM_STATUS_LABELS } from "@claimdesk/types";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { AssignmentMySets } from "~/components/admin/assignment-my-sets";
import { EmptyState, ErrorState, LoadingState } from "~/components/shared/query-states";
import { useTRPC } from "~/trpc/react";

export function QueueOverview() {
  const trpc = useTRPC();
  const summary = useQuery({ ...trpc.queue.summary.queryOptions(), staleTime: 0 });
  const startRef = useRef<HTMLAnchorElement>(null);
  const ready = summary.data?.next != null;
  // The page exists to be started: Enter does it (React's autoFocus skips links).
  useEffect(() => {
    if (ready) startRef.current?.focus();
  }, [ready]);

  if (summary.isPending) return <LoadingState label="Counting what needs review…" />;
  if (summary.isError)
    return (
      <div className="mt-6">
        <ErrorState
          title="The review queue could not be loaded."
          error={summary.error}
          onRetry={() => void summary.refetch()}
        />
      </div>
    );

  const { articles, claims, suggested, unannotated, next, upcoming, assigned } = summary.data;
  const titleOf = (a: { title: string | null; articleId: number }) =>
    a.title?.trim() || `Untitled article #${a.articleId}`;
  if (!next)
    return (
      <div className="mt-6 space-y-4">
        <AssignmentMySets />
        <EmptyState title="Nothing needs your attention.">
          {assigned
            ? "Every suggested claim in your assigned articles is reviewed and every accepted one has your assessment. "
            : "Every suggested claim is reviewed and every accepted claim has your assessment. "}
          <Link href="/" className="text-indigo-700 underline">
            Browse the articles
          </Link>
        </EmptyState>
      </div>
    );

  return (
    <div className="mt-6 space-y-4">
      <AssignmentMySets />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="queue-counts">
        {[
          ["Articles", articles],
          ["Claims to review", claims],
          [CLAIM_STATUS_LABELS.suggested.label, suggested],
          [`${CLAIM_STATUS_LABELS.accepted.label}, not assessed`, unannotated],
        ].map(([label, n]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
        <div className="min-w-0 flex-1 text-sm">
          <p className="text-slate-500">First up</p>
          <p className="truncate font-medium">{titleOf(next)}</p>
          <p className="text-xs text-slate-500">{next.pending} claims to review</p>
        </div>
        <Link
          ref={startRef}
          href={`/articles/${next.articleId}?claim=${next.firstClaimId}`}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
        >
          Start reviewing
        </Link>
      </div>
      <section aria-labelledby="queue-upcoming-heading">
        <h2 id="queue-upcoming-heading" className="text-sm font-semibold">
          {upcoming.length < articles
            ? `The next ${upcoming.length} of ${articles} articles`
            : `Articles in your queue`}
          {assigned ? " (assigned to you)" : ""}
        </h2>
        <ol
          className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          data-testid="queue-articles"
        >
          {upcoming.map((a) => (
            <li key={a.articleId} className="flex items-center gap-3 px-3 py-1.5 text-sm">
              <Link
                href={`/articles/${a.articleId}?claim=${a.firstClaimId}`}
                className="min-w-0 flex-1 truncate text-indigo-700 hover:underline"
              >
                {titleOf(a)}
              </Link>
              <span className="shrink-0 text-xs tabular-nums text-slate-500">
                {a.pending} to review
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
