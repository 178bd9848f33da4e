"use client";
/**
 * The adjudication queue: tabs (open / resolved / all, in the URL), the page's disputed claims as
 * a list (n / p move to the next / previous claim; j / k move between the fields of the form) and
 * the selected claim's decision form. Saving a decision of every disputed field resolves the
 * claim: it leaves the open tab and the next one takes its place.
 */
import {
  ATTRIBUTION_FIELD_LABELS,
  JUDGEMENT_FIELD_LABELS,
  type TAdjudicationStatus,
  type TDisputeField,
} from "@claimdesk/types";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formMessage, isApiError, isConflict } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { Pagination } from "../shared/pagination";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import {
  type AdjudicationChoice,
  AdjudicationDecision,
  isShortcutEvent,
} from "./adjudication-decision";

const TABS: { status: TAdjudicationStatus; label: string }[] = [
  { status: "open", label: "Open" },
  { status: "resolved", label: "Resolved" },
  { status: "all", label: "All" },
];

const FIELD_LABELS: Record<TDisputeField, string> = {
  ...ATTRIBUTION_FIELD_LABELS,
  ...JUDGEMENT_FIELD_LABELS,
};

const hrefFor = (status: TAdjudicationStatus, page = 1) => {
  const params = new URLSearchParams();
  if (status !== "open") params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/adjudication?${query}` : "/adjudication";
};

export function AdjudicationQueue({ status, page }: { status: TAdjudicationStatus; page: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery({
    ...trpc.adjudication.queue.queryOptions({ status, page }),
    staleTime: 0,
  });
  const decide = useMutation(trpc.adjudication.decide.mutationOptions());
  const [index, setIndex] = useState(0);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const items = queue.data?.items ?? [];
  const selectedIndex = Math.min(index, Math.max(0, items.length - 1));
  const selected = items[selectedIndex] ?? null;

  const latest = useRef({ count: items.length, selectedIndex });
  latest.current = { count: items.length, selectedIndex };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || (event.key !== "n" && event.key !== "p")) return;
      const { count, selectedIndex } = latest.current;
      if (count === 0) return;
      const next =
        event.key === "n" ? Math.min(count - 1, selectedIndex + 1) : Math.max(0, selectedIndex - 1);
      setIndex(next);
      setNotice(null);
      listRef.current?.querySelectorAll("li")[next]?.scrollIntoView({ block: "nearest" });
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const save = ({ values, attribution, decidedFields, note }: AdjudicationChoice) => {
    if (!selected) return;
    const claimId = selected.claim.id;
    const open = selected.disputedFields.filter((f) => !decidedFields.includes(f)).length;
    decide.mutate(
      {
        claimId,
        values,
        attribution,
        decidedFields,
        note: note.trim() === "" ? null : note,
        version: selected.adjudication?.version ?? null,
      },
      {
        onSuccess: (decision) => {
          setNotice({
            tone: "ok",
            text: `Saved the decision on claim #${claimId} (version ${decision.version})${
              open > 0 ? `; ${open} disputed field${open === 1 ? "" : "s"} still to decide` : ""
            }.`,
          });
          void queryClient.invalidateQueries({ queryKey: trpc.adjudication.queue.pathKey() });
        },
        onError: (error) => {
          setNotice({
            tone: "error",
            text: isConflict(error)
              ? `${error.message}. Their decision is shown now: review it and save again.`
              : formMessage(error),
          });
          if (isConflict(error))
            void queryClient.invalidateQueries({ queryKey: trpc.adjudication.queue.pathKey() });
        },
      },
    );
  };

  const counts = queue.data?.counts;
  return (
    <div className="mt-4">
      <nav aria-label="Adjudication status" className="mb-4 flex gap-1 border-b border-slate-200">
        {TABS.map((tab) => {
          const active = tab.status === status;
          const n =
            tab.status === "all" || !counts
              ? null
              : tab.status === "open"
                ? counts.open
                : counts.resolved;
          return (
            <Link
              key={tab.status}
              href={hrefFor(tab.status)}
              aria-current={active ? "page" : undefined}
              className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm font-medium ${
                active
                  ? "border-slate-200 border-b-white bg-white text-slate-900"
                  : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {tab.label}
              {n === null ? null : (
                <>
                  {" "}
                  <span className="ml-1 tabular-nums text-slate-500">{n}</span>
                </>
              )}
            </Link>
          );
        })}
      </nav>

      <p aria-live="polite" role="status" className="min-h-5 text-sm">
        {notice ? (
          <span className={notice.tone === "ok" ? "text-emerald-700" : "text-red-700"}>
            {notice.text}
          </span>
        ) : null}
      </p>

      {queue.isPending ? (
        <LoadingState label="Finding the claims analysts disagree on…" />
      ) : queue.isError ? (
        <ErrorState
          title={
            isApiError(queue.error) && queue.error.data?.code === "FORBIDDEN"
              ? "Adjudication is for adjudicators."
              : "The adjudication queue could not be loaded."
          }
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={
            status === "resolved"
              ? "No decisions yet."
              : status === "open"
                ? "Nothing is in dispute."
                : "No disagreements and no decisions yet."
          }
        >
          {status === "open"
            ? "A claim appears here when two analysts' submitted layers differ on it: whether it is a claim, its spans, source, quote type, proposition or a judgement."
            : "Decisions made on the Open tab are listed here, next to the analysts' values."}
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <div>
            <ol
              ref={listRef}
              aria-label="Claims in dispute"
              className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white"
            >
              {items.map((item, i) => (
                <li key={item.claim.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setIndex(i);
                      setNotice(null);
                    }}
                    aria-current={i === selectedIndex ? "true" : undefined}
                    className={`block w-full px-3 py-2 text-left text-sm ${
                      i === selectedIndex ? "bg-indigo-50" : "hover:bg-slate-50"
                    }`}
                  >
                    <span className="line-clamp-2 text-slate-800">{item.claim.content}</span>
                    <span className="mt-0.5 block truncate text-xs text-slate-500">
                      {item.adjudication ? (item.open ? "Partly decided · " : "Decided · ") : ""}
                      {item.disputedFields.length > 0
                        ? item.disputedFields.map((f) => FIELD_LABELS[f]).join(", ")
                        : "analysts agree now"}
                      {" · "}
                      {item.article.title?.trim() || `article #${item.article.id}`}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            <Pagination
              page={page}
              pageSize={queue.data.pageSize}
              total={queue.data.total}
              hrefFor={(p) => hrefFor(status, p)}
            />
          </div>
          {selected ? (
            <AdjudicationDecision
              key={`${selected.claim.id}:${selected.adjudication?.version ?? "new"}`}
              item={selected}
              saving={decide.isPending}
              onSave={save}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
