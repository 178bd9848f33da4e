"use client";
/** /dashboard: progress, claims by source kind and stance, and likelihood — from corpus.stats. */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { kindStanceSeries, likelihoodSeries, progressSeries } from "~/lib/dashboard-series";
import { useTRPC } from "~/trpc/react";
import { stanceBars, TILTED_CATEGORY_AXIS } from "../propositions/stance-chart";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";

function ChartCard({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="rounded border border-slate-200 bg-white p-3" data-testid={testId}>
      <h2 className="mb-2 font-medium">{title}</h2>
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </section>
  );
}

export function DashboardCharts() {
  const trpc = useTRPC();
  const stats = useQuery(trpc.corpus.stats.queryOptions());
  if (stats.isPending) return <LoadingState label="Counting claims…" />;
  if (stats.isError)
    return (
      <ErrorState
        title="Could not load the dashboard"
        error={stats.error}
        onRetry={() => void stats.refetch()}
      />
    );
  const data = stats.data;
  if (data.totalClaims === 0)
    return (
      <EmptyState title="No claims yet">
        Import articles to see their claims counted here.
      </EmptyState>
    );
  const progress = progressSeries(data);
  const kinds = kindStanceSeries(data);
  const likelihood = likelihoodSeries(data);
  const pct = (n: number) => `${((100 * n) / data.totalClaims).toFixed(1)} %`;
  const accepted = data.byStatus.find((r) => r.status === "accepted")?.count ?? 0;

  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Claims", data.totalClaims.toLocaleString("en")],
          ["Accepted", `${accepted.toLocaleString("en")} (${pct(accepted)})`],
          [
            "Annotated by anyone",
            `${data.annotated.toLocaleString("en")} (${pct(data.annotated)})`,
          ],
          ["Source kinds in use", String(data.bySourceKind.filter((r) => r.kind !== null).length)],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard title="Review progress" testId="chart-progress">
          <BarChart data={progress} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="name" width={140} fontSize={12} />
            <Tooltip />
            <Bar dataKey="count" name="Claims" fill="#4f46e5" />
          </BarChart>
        </ChartCard>
        <ChartCard title="Likelihood (ICD 203), lowest first" testId="chart-likelihood">
          <BarChart data={likelihood}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" {...TILTED_CATEGORY_AXIS} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip
              labelFormatter={(label) => {
                const row = likelihood.find((r) => r.name === label);
                return row ? `${label} (${row.range})` : String(label);
              }}
            />
            <Bar dataKey="count" name="Annotations" fill="#0891b2" />
          </BarChart>
        </ChartCard>
        <ChartCard title="Claims by source kind" testId="chart-source-kind">
          <BarChart data={kinds}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" {...TILTED_CATEGORY_AXIS} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar dataKey="claims" name="Claims" fill="#6366f1" />
          </BarChart>
        </ChartCard>
        <ChartCard title="Annotated claims by source kind and stance" testId="chart-kind-stance">
          <BarChart data={kinds}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" {...TILTED_CATEGORY_AXIS} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            {stanceBars("No stance")}
          </BarChart>
        </ChartCard>
      </div>
    </div>
  );
}
