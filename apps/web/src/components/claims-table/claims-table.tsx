"use client";
/**
 * The claims table itself: TanStack Table for the columns, TanStack Virtual for the rows (only
 * the visible ones are in the DOM), more pages fetched as the end scrolls into view. Rows open
 * their claim on click or Enter; checkboxes select, Shift-click selects a range.
 */
import type { TClaimSort } from "@claimdesk/types";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import {
  type ClaimTableRow,
  claimColumns,
  claimHref,
  SORTABLE_COLUMNS,
} from "./claims-table-columns";

const ROW_HEIGHT = 56;
const SELECT_WIDTH = 44;

export function ClaimsTable({
  rows,
  sort,
  onSort,
  selected,
  onSelect,
  conflicts,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  rows: ClaimTableRow[];
  sort: TClaimSort;
  onSort: (sort: TClaimSort) => void;
  selected: ReadonlyMap<number, number>;
  /** Row index clicked and whether Shift was held (range selection). */
  onSelect: (index: number, shift: boolean) => void;
  conflicts: ReadonlyMap<number, string>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const table = useReactTable({
    data: rows,
    columns: claimColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getRowId: (row) => String(row.id),
  });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  // Fetch the next page once the last loaded rows come into view.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 20) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const tableRows = table.getRowModel().rows;
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const width = SELECT_WIDTH + claimColumns.reduce((n, c) => n + (c.size ?? 150), 0);

  return (
    <div
      ref={scrollRef}
      className="relative h-[calc(100vh-15rem)] min-h-80 overflow-auto rounded border border-slate-200 bg-white"
      data-testid="claims-table-scroll"
    >
      <table
        className="grid text-sm"
        style={{ width }}
        aria-rowcount={rows.length + 1}
        aria-label="Claims"
      >
        <thead className="sticky top-0 z-10 grid bg-slate-100">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="flex w-full border-b border-slate-200">
              <th className="flex items-center px-2 py-2" style={{ width: SELECT_WIDTH }}>
                <input
                  type="checkbox"
                  aria-label="Select all loaded claims"
                  checked={allSelected}
                  onChange={() => onSelect(-1, false)}
                />
              </th>
              {group.headers.map((header) => {
                const field = SORTABLE_COLUMNS[header.column.id];
                const active = field !== undefined && sort.field === field;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    style={{ width: header.getSize() }}
                    className="flex items-center px-2 py-2 text-left font-medium text-slate-700"
                    aria-sort={
                      active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined
                    }
                  >
                    {field ? (
                      <button
                        type="button"
                        className="flex items-center gap-1 hover:text-indigo-700"
                        onClick={() =>
                          onSort({
                            field,
                            direction: active && sort.direction === "desc" ? "asc" : "desc",
                          })
                        }
                      >
                        {label}
                        <span aria-hidden="true" className="text-xs text-slate-400">
                          {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="relative grid" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const claim = row.original;
            const conflict = conflicts.get(claim.id);
            const isSelected = selected.has(claim.id);
            return (
              <tr
                key={row.id}
                data-index={item.index}
                data-claim-id={claim.id}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                tabIndex={0}
                className={`absolute flex w-full cursor-pointer border-b border-slate-100 hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none ${
                  isSelected ? "bg-indigo-50/70" : ""
                } ${conflict ? "bg-red-50" : ""}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => router.push(claimHref(claim))}
                onKeyDown={(event) => {
                  if (event.key === "Enter") router.push(claimHref(claim));
                  if (event.key === " ") {
                    event.preventDefault();
                    onSelect(item.index, event.shiftKey);
                  }
                }}
              >
                <td className="flex items-center px-2" style={{ width: SELECT_WIDTH }}>
                  <input
                    type="checkbox"
                    aria-label={`Select claim ${claim.id}`}
                    checked={isSelected}
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(item.index, event.shiftKey);
                    }}
                    readOnly
                  />
                </td>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    style={{ width: cell.column.getSize() }}
                    className="flex items-center overflow-hidden px-2 py-1"
                  >
                    <div className="min-w-0">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      {cell.column.id === "status" && conflict ? (
                        <span
                          role="img"
                          aria-label={`Conflict: ${conflict}`}
                          title={conflict}
                          className="ml-1 text-xs font-semibold text-red-700"
                        >
                          ⚠ conflict
                        </span>
                      ) : null}
                    </div>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isFetchingNextPage ? (
        <p role="status" className="sticky bottom-0 bg-white/90 px-3 py-1 text-xs text-slate-500">
          Loading more claims…
        </p>
      ) : null}
    </div>
  );
}
