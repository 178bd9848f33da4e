"use client";
/**
 * The claim's annotations side by side: one column per analyst (mine first), one row per field,
 * values that differ between analysts marked, and the adjudicator's decision last when there is
 * one. The server applies the blind rule: until I have submitted mine, the others (and the
 * decision) are not sent, and this says so.
 */
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { formatValue } from "./annotation-format";

type ClaimAnnotations = RouterOutputs["annotation"]["forClaim"];
type Row = ClaimAnnotations["others"][number];

const COMPARED = [
  ["sourceStance", "Source stance"],
  ["reportingStance", "Reporting stance"],
  ["likelihood", "Likelihood"],
  ["analyticConfidence", "Confidence"],
  ["credibility", "Credibility"],
  ["verdict", "Verdict"],
  ["tags", "Tags"],
  ["note", "Note"],
] as const;

export function AnnotationCompare({ claimId }: { claimId: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.annotation.forClaim.queryOptions({ claimId }));
  const decisionQuery = useQuery(trpc.adjudication.byClaim.queryOptions({ claimId }));
  const data = query.data;
  const decision = decisionQuery.data ?? null;
  const headingId = `annotations-${claimId}`;

  let body: React.ReactNode;
  if (query.isPending) body = <p className="text-xs text-slate-500">Loading annotations…</p>;
  else if (query.isError)
    body = (
      <p role="alert" className="text-xs text-red-700">
        Annotations could not be loaded: {query.error.message}
      </p>
    );
  else if (data?.othersHidden)
    body = (
      <p data-testid="annotations-hidden" className="text-xs text-slate-600">
        Other analysts’ annotations are hidden until you submit yours (blind annotation).
      </p>
    );
  else {
    const columns: Row[] = [...(data?.own ? [data.own] : []), ...(data?.others ?? [])];
    body =
      columns.length < 2 && data?.own && decision === null ? (
        <p className="text-xs text-slate-500">No other analyst has annotated this claim yet.</p>
      ) : columns.length === 0 ? (
        <p className="text-xs text-slate-500">No analyst has annotated this claim yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="annotations-table" className="w-full text-left text-xs">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Field
                </th>
                {columns.map((a) => (
                  <th key={a.id} scope="col" className="py-1 pr-2 font-semibold text-slate-800">
                    {a.analystId === data?.own?.analystId
                      ? `${a.analystName} (you)`
                      : a.analystName}
                    {a.submittedAt ? null : (
                      <span className="ml-1 font-normal text-amber-700">draft</span>
                    )}
                  </th>
                ))}
                {decision ? (
                  <th
                    scope="col"
                    data-testid="annotations-decision"
                    className="py-1 pr-2 font-semibold text-emerald-800"
                  >
                    Decision ({decision.adjudicator.name})
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {COMPARED.map(([field, label]) => {
                const values = columns.map((a) => formatValue(field, a[field]));
                const differ = new Set(values.filter((v) => v !== "—")).size > 1;
                return (
                  <tr key={field} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-2 font-medium text-slate-600">
                      {label}
                      {differ ? (
                        <span className="ml-1 text-amber-700" title="The analysts differ">
                          ≠<span className="sr-only"> (analysts differ)</span>
                        </span>
                      ) : null}
                    </th>
                    {values.map((v, i) => (
                      <td
                        key={columns[i]?.id}
                        className="py-1 pr-2 whitespace-pre-wrap break-words"
                      >
                        {v}
                      </td>
                    ))}
                    {decision ? (
                      <td className="py-1 pr-2 whitespace-pre-wrap break-words text-emerald-900">
                        {field === "tags" ? "—" : formatValue(field, decision[field])}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      );
  }

  return (
    <section
      aria-labelledby={headingId}
      data-testid="annotation-compare"
      className="space-y-1 border-t border-slate-200 px-3 py-2"
    >
      <h3
        id={headingId}
        className="text-[11px] font-semibold uppercase tracking-wide text-slate-500"
      >
        Annotations
      </h3>
      {body}
    </section>
  );
}
