/** The claims table's columns (TanStack Table), with which sort field each header drives. */
import {
  LIKELIHOOD_LABELS,
  SOURCE_KIND_LABELS,
  SOURCE_STANCE_LABELS,
  type TClaimSort,
} from "@claimdesk/types";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { formatDate } from "~/lib/format-date";
import type { RouterOutputs } from "~/trpc/types";
import { StatusBadge } from "../shared/status-badge";

export type ClaimTableRow = RouterOutputs["corpus"]["claims"]["items"][number];

const column = createColumnHelper<ClaimTableRow>();

/** The sort field behind each sortable column id. */
export const SORTABLE_COLUMNS: Partial<Record<string, TClaimSort["field"]>> = {
  id: "id",
  source: "source",
  status: "status",
  article: "article",
  publishedAt: "publishedAt",
};

export function claimHref(row: Pick<ClaimTableRow, "articleId" | "id">): string {
  return `/articles/${row.articleId}?claim=${row.id}`;
}

export const claimColumns = [
  column.accessor("id", { header: "ID", size: 80, cell: (c) => `#${c.getValue()}` }),
  column.accessor("contentText", {
    header: "Content",
    size: 420,
    cell: (c) => (
      <Link
        href={claimHref(c.row.original)}
        className="line-clamp-2 text-slate-900 hover:underline"
        onClick={(event) => event.stopPropagation()}
        title={c.getValue()}
      >
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor((r) => r.sourceName ?? r.sourceText ?? "", {
    id: "source",
    header: "Source",
    size: 200,
    cell: (c) => {
      const r = c.row.original;
      return (
        <span className="line-clamp-2" title={r.sourceText ?? undefined}>
          {r.sourceName ?? r.sourceText ?? <span className="text-slate-400">—</span>}
          {r.sourceKind ? (
            <span className="block text-xs text-slate-500">
              {SOURCE_KIND_LABELS[r.sourceKind].label}
            </span>
          ) : null}
        </span>
      );
    },
  }),
  column.accessor("status", {
    header: "Status",
    size: 110,
    cell: (c) => <StatusBadge status={c.getValue()} />,
  }),
  column.accessor("sourceStance", {
    header: "Stance",
    size: 100,
    enableSorting: false,
    cell: (c) => {
      const v = c.getValue();
      return v ? SOURCE_STANCE_LABELS[v].label : <span className="text-slate-400">—</span>;
    },
  }),
  column.accessor("likelihood", {
    header: "Likelihood",
    size: 140,
    enableSorting: false,
    cell: (c) => {
      const v = c.getValue();
      return v ? LIKELIHOOD_LABELS[v].label : <span className="text-slate-400">—</span>;
    },
  }),
  column.accessor("propositionText", {
    header: "Proposition",
    size: 180,
    enableSorting: false,
    cell: (c) => <span className="line-clamp-2">{c.getValue() ?? ""}</span>,
  }),
  column.accessor((r) => r.articleTitle ?? `Article ${r.articleId}`, {
    id: "article",
    header: "Article",
    size: 220,
    cell: (c) => (
      <span className="line-clamp-2">
        {c.getValue()}
        {c.row.original.publisher ? (
          <span className="block text-xs text-slate-500">{c.row.original.publisher}</span>
        ) : null}
      </span>
    ),
  }),
  column.accessor("publishedAt", {
    header: "Published",
    size: 110,
    cell: (c) => formatDate(c.getValue()),
  }),
];
