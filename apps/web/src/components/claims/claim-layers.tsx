"use client";
/**
 * The selected claim in every layer the reader may see, side by side: my layer (the panel's own
 * claim), the other analysts' layers and the gold layer (`article.layers`, matched by claim id).
 * One row per decision: whether it is a claim, its spans, registry source, quote type,
 * proposition and the judgement fields. The server applies the blind rule: an analyst gets the
 * others' layers of the article only once they submitted theirs (then only submitted layers);
 * adjudicators and admins get every layer; viewers, whose own view is gold, get nothing more.
 */
import { JUDGEMENT_FIELD_LABELS, JUDGEMENT_FIELDS, type TJudgementField } from "@claimdesk/types";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import type { ClaimDetail } from "~/trpc/types";
import { formatTime, formatValue } from "./annotation-format";

type Row = {
  key: string;
  label: string;
  value: (claim: ClaimDetail | undefined) => string;
};

const span = (text: string | null, start: number | null, end: number | null) =>
  text === null || start === null || end === null ? "none" : `“${text}” (${start}–${end})`;

/** The judgement a layer holds for a claim: an analyst's annotation, or gold's judgement. */
function judgement(claim: ClaimDetail, field: TJudgementField): string | null {
  if (claim.layer === "gold") return claim.gold?.[field] ?? null;
  return claim.annotation?.[field] ?? null;
}

const ROWS: Row[] = [
  {
    key: "status",
    label: "Decision",
    value: (c) =>
      c === undefined
        ? "not in this layer"
        : c.layer === "proposal"
          ? "no opinion (untouched)"
          : formatValue("status", c.status),
  },
  {
    key: "content",
    label: "Content",
    value: (c) => (c ? span(c.contentText, c.contentStart, c.contentEnd) : "—"),
  },
  {
    key: "sourceMention",
    label: "Source mention",
    value: (c) => (c ? span(c.sourceText, c.sourceStart, c.sourceEnd) : "—"),
  },
  {
    key: "cue",
    label: "Cue",
    value: (c) => (c ? span(c.cueText, c.cueStart, c.cueEnd) : "—"),
  },
  {
    key: "source",
    label: "Registry source",
    value: (c) => (c ? (c.source?.name ?? "none") : "—"),
  },
  {
    key: "quoteType",
    label: "Quote type",
    value: (c) => (c ? formatValue("quoteType", c.quoteType) : "—"),
  },
  {
    key: "proposition",
    label: "Proposition",
    value: (c) => (c ? (c.propositionId === null ? "none" : `#${c.propositionId}`) : "—"),
  },
  ...JUDGEMENT_FIELDS.map(
    (field): Row => ({
      key: field,
      label: JUDGEMENT_FIELD_LABELS[field],
      value: (c) => (c ? formatValue(field, judgement(c, field)) : "—"),
    }),
  ),
  {
    key: "basis",
    label: "Gold basis",
    value: (c) => (c?.layer === "gold" ? (c.gold?.basis ?? "—") : ""),
  },
];

export function ClaimLayers({
  articleId,
  claim,
  viewer,
}: {
  articleId: number;
  claim: ClaimDetail;
  /** A viewer's own view is the gold layer. */
  viewer: boolean;
}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.article.layers.queryOptions({ id: articleId }),
    enabled: !viewer,
  });
  const headingId = `layers-${claim.id}`;
  const data = query.data;

  let body: React.ReactNode;
  if (!viewer && query.isPending)
    body = <p className="text-xs text-slate-500">Loading the layers…</p>;
  else if (!viewer && query.isError)
    body = (
      <p role="alert" className="text-xs text-red-700">
        The layers could not be loaded: {query.error.message}
      </p>
    );
  else if (!viewer && data?.hidden)
    body = (
      <p data-testid="layers-hidden" className="text-xs text-slate-600">
        The other analysts’ layers of this article are hidden until you submit yours (blind
        annotation).
      </p>
    );
  else {
    const others = (viewer ? [] : (data?.layers ?? [])).map((layer) => ({
      key: layer.analyst ? `analyst-${layer.analyst.id}` : "gold",
      name: layer.analyst ? layer.analyst.name : "Gold",
      note: layer.analyst
        ? layer.submittedAt
          ? `submitted ${formatTime(layer.submittedAt)}`
          : "draft"
        : "the team’s",
      claim: layer.claims.find((c) => c.id === claim.id),
    }));
    // A viewer's own view is the gold layer: no second gold column.
    const columns = viewer
      ? others.filter((o) => o.key !== "gold")
      : [{ key: "own", name: "You", note: "your layer", claim }, ...others];
    const ownGold = viewer;
    body =
      columns.length === 0 && !ownGold ? (
        <p className="text-xs text-slate-500">No other layer holds this claim.</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="layers-table" className="w-full text-left text-xs">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Field
                </th>
                {ownGold ? (
                  <th scope="col" className="py-1 pr-2 font-semibold text-slate-800">
                    Gold
                  </th>
                ) : null}
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    data-layer={c.key}
                    className="py-1 pr-2 font-semibold text-slate-800"
                  >
                    {c.name}
                    <span className="ml-1 font-normal text-slate-500">{c.note}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => {
                const values = [
                  ...(ownGold ? [row.value(claim)] : []),
                  ...columns.map((c) => row.value(c.claim)),
                ];
                if (values.every((v) => v === "")) return null;
                const differ = new Set(values.filter((v) => v !== "—" && v !== "")).size > 1;
                return (
                  <tr
                    key={row.key}
                    data-row={row.key}
                    className="border-b border-slate-100 align-top"
                  >
                    <th scope="row" className="py-1 pr-2 font-medium text-slate-600">
                      {row.label}
                      {differ ? (
                        <span className="ml-1 text-amber-700" title="The layers differ">
                          ≠<span className="sr-only"> (layers differ)</span>
                        </span>
                      ) : null}
                    </th>
                    {values.map((v, i) => (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per render
                        key={i}
                        className="py-1 pr-2 whitespace-pre-wrap break-words"
                      >
                        {v}
                      </td>
                    ))}
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
      data-testid="claim-layers"
      className="space-y-1 border-t border-slate-200 px-3 py-2"
    >
      <h3
        id={headingId}
        className="text-[11px] font-semibold uppercase tracking-wide text-slate-500"
      >
        Layers
      </h3>
      {body}
    </section>
  );
}
