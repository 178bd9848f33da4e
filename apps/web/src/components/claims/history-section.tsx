"use client";
/**
 * A claim's audit history, newest first, in a collapsible section: who did what when, and which
 * fields changed from what to what. Loaded when opened; the server applies the blind rule.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { fieldName, formatTime, formatValue } from "./annotation-format";

/** Fields that only say what the record belongs to (the panel already shows whose and which). */
const CONTEXT_FIELDS = new Set(["claimId", "analystId", "articleId"]);

const ACTION_VERBS: Record<string, string> = {
  create: "created",
  update: "changed",
  submit: "submitted",
  delete: "deleted",
  merge: "merged",
};

export function HistorySection({ claimId }: { claimId: number }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const query = useQuery({ ...trpc.history.forClaim.queryOptions({ claimId }), enabled: open });

  return (
    <details
      data-testid="claim-history"
      className="border-t border-slate-200 px-3 py-2"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        History
        {query.data ? (
          <span className="ml-1 font-normal tabular-nums">({query.data.length})</span>
        ) : null}
      </summary>
      {!open ? null : query.isPending ? (
        <p className="mt-1 text-xs text-slate-500">Loading history…</p>
      ) : query.isError ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          History could not be loaded: {query.error.message}
        </p>
      ) : query.data.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">No recorded changes.</p>
      ) : (
        <ol aria-label="History, newest first" className="mt-1 space-y-2">
          {query.data.map((event) => (
            <li
              key={event.id}
              data-testid="history-event"
              data-entity={event.entity}
              data-action={event.action}
              className="text-xs"
            >
              <p className="text-slate-700">
                <span className="font-semibold">{event.actor?.name ?? "System"}</span>{" "}
                {ACTION_VERBS[event.action] ?? event.action} the {event.entity}
                {event.entity === "claim" ? null : (
                  <span className="text-slate-500"> #{event.entityId}</span>
                )}
                <span className="text-slate-500">
                  {" "}
                  · <time dateTime={event.at}>{formatTime(event.at)}</time>
                </span>
              </p>
              {event.changes.some((c) => !CONTEXT_FIELDS.has(c.field)) ? (
                <ul className="mt-0.5 space-y-0.5 border-l-2 border-slate-200 pl-2">
                  {event.changes
                    .filter((c) => !CONTEXT_FIELDS.has(c.field))
                    .map((change) => (
                      <li key={change.field} data-field={change.field}>
                        <span className="text-slate-500">{fieldName(change.field)}:</span>{" "}
                        <span className="text-slate-600 line-through decoration-slate-400">
                          {formatValue(change.field, change.before)}
                        </span>{" "}
                        <span aria-hidden="true">→</span>
                        <span className="sr-only">changed to</span>{" "}
                        <span className="font-medium text-slate-900">
                          {formatValue(change.field, change.after)}
                        </span>
                      </li>
                    ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
