"use client";
/**
 * /propositions/[id]: who supports and who denies one proposition across articles — claims grouped
 * by source and stance with first appearance, a timeline by stance, and the claims themselves.
 */
import { SOURCE_KIND_LABELS, SOURCE_STANCE_LABELS } from "@claimdesk/types";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import {
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { claimFilterToSearchParams, withSearchParams } from "~/lib/claim-filter-url";
import { formatDate } from "~/lib/format-date";
import { stanceTimeline } from "~/lib/stance-timeline";
import { isNotFound } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { stanceBars } from "./stance-chart";

const stanceLabel = (stance: keyof typeof SOURCE_STANCE_LABELS | null) =>
  stance ? SOURCE_STANCE_LABELS[stance].label : "Not assessed";

export function PropositionsOverview({ id }: { id: number }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.corpus.proposition.queryOptions({ id }));
  if (overview.isPending) return <LoadingState label="Loading the proposition…" />;
  if (overview.isError)
    return isNotFound(overview.error) ? (
      <EmptyState title={`Proposition ${id} does not exist`}>
        <Link href="/propositions" className="text-indigo-700 hover:underline">
          All propositions
        </Link>
      </EmptyState>
    ) : (
      <ErrorState
        title="Could not load the proposition"
        error={overview.error}
        onRetry={() => void overview.refetch()}
      />
    );
  const data = overview.data;
  const timeline = stanceTimeline(data.timeline);
  const supporters = data.bySource.filter((r) => r.stance === "support");
  const deniers = data.bySource.filter((r) => r.stance === "deny");

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-500">
          <Link href="/propositions" className="hover:underline">
            Propositions
          </Link>
        </p>
        <h1 className="text-xl font-semibold tracking-tight">{data.proposition.text}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {data.claimCount} claim{data.claimCount === 1 ? "" : "s"}
          {data.firstAppearance ? ` · first appeared ${formatDate(data.firstAppearance)}` : ""} ·{" "}
          <Link
            href={withSearchParams("/claims", claimFilterToSearchParams({ propositionId: [id] }))}
            className="text-indigo-700 hover:underline"
          >
            open in the claims table
          </Link>
        </p>
      </header>
      {data.claimCount === 0 ? (
        <EmptyState title="No claims bear on this proposition yet">
          Set it on claims from the claims table or an article.
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            {[
              ["Who supports it", supporters],
              ["Who denies it", deniers],
            ].map(([title, rows]) => (
              <section key={String(title)} className="rounded border border-slate-200 bg-white p-3">
                <h2 className="mb-2 font-medium">{String(title)}</h2>
                {Array.isArray(rows) && rows.length > 0 ? (
                  <ul className="space-y-1 text-sm">
                    {rows.map((r) => (
                      <li key={`${r.sourceId}-${r.stance}`}>
                        <span className="font-medium">{r.sourceName ?? "No source"}</span> —{" "}
                        {r.claims} claim{r.claims === 1 ? "" : "s"} in {r.articles} article
                        {r.articles === 1 ? "" : "s"}, since {formatDate(r.firstAppearance)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-sm text-slate-500">No source, as assessed so far.</p>
                )}
              </section>
            ))}
          </div>
          <section>
            <h2 className="mb-2 font-medium">By source and stance</h2>
            <table className="w-full rounded border border-slate-200 bg-white text-sm">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th className="px-2 py-1">Source</th>
                  <th className="px-2 py-1">Kind</th>
                  <th className="px-2 py-1">Stance</th>
                  <th className="px-2 py-1 text-right">Claims</th>
                  <th className="px-2 py-1 text-right">Articles</th>
                  <th className="px-2 py-1">First appearance</th>
                </tr>
              </thead>
              <tbody>
                {data.bySource.map((r) => (
                  <tr key={`${r.sourceId}-${r.stance}`} className="border-t border-slate-100">
                    <td className="px-2 py-1">{r.sourceName ?? "No source"}</td>
                    <td className="px-2 py-1">
                      {r.sourceKind ? SOURCE_KIND_LABELS[r.sourceKind].label : "—"}
                    </td>
                    <td className="px-2 py-1">{stanceLabel(r.stance)}</td>
                    <td className="px-2 py-1 text-right">{r.claims}</td>
                    <td className="px-2 py-1 text-right">{r.articles}</td>
                    <td className="px-2 py-1">{formatDate(r.firstAppearance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h2 className="mb-2 font-medium">Claims per {timeline.granularity} by stance</h2>
            <div
              className="h-64 rounded border border-slate-200 bg-white p-2"
              data-testid="proposition-timeline"
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={timeline.rows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="period" fontSize={12} />
                  <YAxis allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Legend />
                  {stanceBars("Not assessed")}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </section>
          <section>
            <h2 className="mb-2 font-medium">Claims, earliest first</h2>
            <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm">
              {data.claims.map((c) => (
                <li key={c.id} className="px-3 py-2">
                  <Link
                    href={`/articles/${c.articleId}?claim=${c.id}`}
                    className="text-slate-900 hover:underline"
                  >
                    {c.contentText}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {c.sourceName ?? "No source"} · {stanceLabel(c.stance)} ·{" "}
                    {c.articleTitle ?? `Article ${c.articleId}`} · {formatDate(c.appeared)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
