"use client";
/** Every assignment set, newest first, with each analyst's progress on their share. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDate } from "~/lib/format-date";
import { useTRPC } from "~/trpc/react";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { AssignmentProgress } from "./assignment-progress";

export function AssignmentSetList() {
  const trpc = useTRPC();
  const sets = useQuery(trpc.assignment.list.queryOptions());
  if (sets.isPending) return <LoadingState label="Loading assignment sets…" />;
  if (sets.isError)
    return (
      <ErrorState
        title="The assignment sets could not be loaded."
        error={sets.error}
        onRetry={() => void sets.refetch()}
      />
    );
  if (sets.data.length === 0)
    return <EmptyState title="No assignment sets yet.">Create one above.</EmptyState>;

  return (
    <ul className="space-y-3" aria-label="Assignment sets">
      {sets.data.map((set) => (
        <li key={set.id}>
          <article
            aria-labelledby={`assignment-set-${set.id}`}
            data-testid="assignment-set"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h3 id={`assignment-set-${set.id}`} className="font-medium">
              {set.label}
            </h3>
            <p className="mt-0.5 text-xs text-slate-500">
              {set.articles} articles · {set.doubleAnnotated} double-annotated ({set.overlapPercent}
              % overlap) · {formatDate(set.createdAt)}
              {set.createdBy ? ` by ${set.createdBy}` : ""}
              {set.filter !== null ? (
                <>
                  {" · "}
                  <Link
                    href={set.filter ? `/claims?${set.filter}` : "/claims"}
                    className="text-indigo-700 underline"
                  >
                    chosen by a claims filter
                  </Link>
                </>
              ) : (
                " · chosen article by article"
              )}
            </p>
            <table className="mt-3 w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th scope="col" className="py-1 font-medium">
                    Analyst
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Articles
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Claims
                  </th>
                  <th scope="col" className="py-1 pl-4 font-medium">
                    Assessed
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Submitted
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Still to review
                  </th>
                </tr>
              </thead>
              <tbody>
                {set.analysts.map((a) => (
                  <tr key={a.analystId} className="border-t border-slate-100">
                    <th scope="row" className="py-1.5 text-left font-normal">
                      {a.name}
                    </th>
                    <td className="py-1.5 text-right tabular-nums">{a.articles}</td>
                    <td className="py-1.5 text-right tabular-nums">{a.claims}</td>
                    <td className="py-1.5 pl-4">
                      <AssignmentProgress
                        annotated={a.annotated}
                        claims={a.claims}
                        label={`${a.name}'s progress in ${set.label}`}
                      />
                    </td>
                    <td className="py-1.5 text-right tabular-nums">{a.submitted}</td>
                    <td className="py-1.5 text-right tabular-nums">{a.pending}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        </li>
      ))}
    </ul>
  );
}
