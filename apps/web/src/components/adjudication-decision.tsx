"use client";
/**
 * One disputed claim: its sentence, the analysts' submitted values side by side (the fields they
 * disagree on highlighted) and the decision form. Keys: ↑/↓ pick the field, 1–9 take that
 * analyst's value for it (0 clears it), Enter or `s` saves.
 */
import {
  JUDGEMENT_FIELD_LABELS,
  JUDGEMENT_FIELDS,
  type TAdjudicationValues,
  type TJudgementField,
} from "@claimdesk/types";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatDate } from "~/lib/format-date";
import type { RouterOutputs } from "~/trpc/types";
import { ADJUDICATION_FIELD_OPTIONS, valueLabel, withField } from "./adjudication-fields";
import { AdjudicationSentence } from "./adjudication-sentence";
import { isTypingTarget } from "./use-shortcuts";

export type AdjudicationItem = RouterOutputs["adjudication"]["queue"]["items"][number];

/** The decision to start from: the saved one, else the values every analyst who gave one agrees on. */
function initialValues(item: AdjudicationItem): TAdjudicationValues {
  const values: TAdjudicationValues = {
    sourceStance: null,
    reportingStance: null,
    likelihood: null,
    analyticConfidence: null,
    credibility: null,
    verdict: null,
  };
  if (item.adjudication) {
    for (const field of JUDGEMENT_FIELDS) values[field] = item.adjudication[field] as never;
    return values;
  }
  let out = values;
  for (const field of JUDGEMENT_FIELDS) {
    if (item.disputedFields.includes(field)) continue;
    const given = item.analysts.map((a) => a[field]).find((v) => v !== null) ?? null;
    out = withField(out, field, given);
  }
  return out;
}

/** Whether a key event is one the page's shortcuts may use (not typed into a field, no modifier). */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest("dialog[open]"));
}

export function AdjudicationDecision({
  item,
  saving,
  onSave,
}: {
  item: AdjudicationItem;
  saving: boolean;
  onSave: (values: TAdjudicationValues, note: string) => void;
}) {
  const [values, setValues] = useState(() => initialValues(item));
  const [note, setNote] = useState(item.adjudication?.note ?? "");
  const firstDisputed = JUDGEMENT_FIELDS.findIndex((f) => item.disputedFields.includes(f));
  const [current, setCurrent] = useState(Math.max(0, firstDisputed));
  const noteId = useId();
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const take = (field: TJudgementField, value: string | null) =>
    setValues((v) => withField(v, field, value));

  // The latest state for the window listener, without re-subscribing on every render.
  const latest = useRef({ values, note, current, item, saving, onSave });
  latest.current = { values, note, current, item, saving, onSave };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      if (event.key === "Escape" && isTypingTarget(target) && target instanceof HTMLElement) {
        target.blur();
        return;
      }
      if (!isShortcutEvent(event)) return;
      const { values, note, current, item, saving, onSave } = latest.current;
      const field = JUDGEMENT_FIELDS[current] ?? "sourceStance";
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const next =
          event.key === "ArrowDown"
            ? Math.min(JUDGEMENT_FIELDS.length - 1, current + 1)
            : Math.max(0, current - 1);
        setCurrent(next);
        rowRefs.current[next]?.scrollIntoView({ block: "nearest" });
        event.preventDefault();
        return;
      }
      if (/^[0-9]$/.test(event.key)) {
        const n = Number(event.key);
        if (n === 0) setValues((v) => withField(v, field, null));
        else {
          const analyst = item.analysts[n - 1];
          if (!analyst) return;
          const value = analyst[field];
          setValues((v) => withField(v, field, value));
          // On to the next field in dispute, if any.
          const after = JUDGEMENT_FIELDS.findIndex(
            (f, i) => i > current && item.disputedFields.includes(f),
          );
          if (after >= 0) setCurrent(after);
        }
        event.preventDefault();
        return;
      }
      const onControl =
        target instanceof Element && target !== document.body && target.closest("a, button");
      if (event.key === "s" || (event.key === "Enter" && !onControl)) {
        if (!saving) onSave(values, note);
        event.preventDefault();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const decision = item.adjudication;
  return (
    <section aria-labelledby="adjudication-claim-heading" className="min-w-0 space-y-4">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="adjudication-claim-heading" className="font-semibold">
            Claim #{item.claim.id}{" "}
            <span className="ml-1 text-sm font-normal text-slate-500">
              in{" "}
              <Link
                href={`/articles/${item.article.id}?claim=${item.claim.id}`}
                className="text-indigo-700 underline"
              >
                {item.article.title?.trim() || `Untitled article #${item.article.id}`}
              </Link>
            </span>
          </h2>
          <p className="text-xs text-slate-500">
            {item.disputedFields.length > 0
              ? `Analysts differ on ${item.disputedFields.map((f) => JUDGEMENT_FIELD_LABELS[f].toLowerCase()).join(", ")}`
              : "The analysts agree now"}
          </p>
        </div>
        <AdjudicationSentence sentence={item.sentence} />
        <p className="mt-2 text-xs text-slate-500">
          <mark className="rounded-[2px] bg-amber-100 px-0.5">content</mark> ·{" "}
          <span className="font-semibold text-indigo-800 underline decoration-indigo-500 decoration-2">
            source
          </span>{" "}
          ·{" "}
          <span className="font-medium text-rose-700 underline decoration-rose-400 decoration-dotted decoration-2">
            cue
          </span>
        </p>
      </div>

      <form
        aria-label="Decision"
        className="rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) onSave(values, note);
        }}
      >
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="adjudication-table">
            <caption className="sr-only">
              The analysts' submitted values side by side, and your decision per field
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  Field
                </th>
                {item.analysts.map((a, i) => (
                  <th key={a.annotationId} scope="col" className="py-1.5 pr-3 font-medium">
                    <kbd className="mr-1 rounded border border-slate-300 px-1 font-mono">
                      {i + 1}
                    </kbd>
                    {a.analyst.name}
                  </th>
                ))}
                <th scope="col" className="py-1.5 font-medium">
                  Decision
                </th>
              </tr>
            </thead>
            <tbody>
              {JUDGEMENT_FIELDS.map((field, row) => {
                const disputed = item.disputedFields.includes(field);
                const label = JUDGEMENT_FIELD_LABELS[field];
                const options = ADJUDICATION_FIELD_OPTIONS[field];
                return (
                  <tr
                    key={field}
                    ref={(el) => {
                      rowRefs.current[row] = el;
                    }}
                    data-field={field}
                    data-disputed={disputed || undefined}
                    aria-current={row === current ? "true" : undefined}
                    onFocusCapture={() => setCurrent(row)}
                    className={`border-b border-slate-100 ${disputed ? "bg-amber-50" : ""} ${
                      row === current ? "outline-2 -outline-offset-2 outline-indigo-400" : ""
                    }`}
                  >
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-700">
                      {label}
                      {disputed ? (
                        <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">
                          differs
                        </span>
                      ) : null}
                    </th>
                    {item.analysts.map((a) => {
                      const value = a[field];
                      const chosen = value !== null && value === values[field];
                      return (
                        <td key={a.annotationId} className="py-1.5 pr-3">
                          {value === null ? (
                            <span className="text-slate-400">—</span>
                          ) : (
                            <button
                              type="button"
                              onClick={() => take(field, value)}
                              aria-label={`Take ${a.analyst.name}'s ${label.toLowerCase()}: ${valueLabel(field, value)}`}
                              aria-pressed={chosen}
                              className={`rounded px-1.5 py-0.5 text-left hover:bg-indigo-50 ${
                                chosen
                                  ? "bg-indigo-100 font-semibold text-indigo-900"
                                  : disputed
                                    ? "text-amber-900"
                                    : "text-slate-700"
                              }`}
                            >
                              {valueLabel(field, value)}
                            </button>
                          )}
                        </td>
                      );
                    })}
                    <td className="py-1.5">
                      <select
                        aria-label={`Decision: ${label}`}
                        value={values[field] ?? ""}
                        onChange={(event) => take(field, event.target.value || null)}
                        className="w-full min-w-40 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm"
                      >
                        <option value="">—</option>
                        {options.values.map((v) => {
                          const info = options.labels[v];
                          return (
                            <option key={v} value={v} title={info?.description}>
                              {info ? options.optionLabel(info) : v}
                            </option>
                          );
                        })}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        {item.analysts.some((a) => a.note) ? (
          <div className="mt-3">
            <h3 className="text-xs font-medium text-slate-600">Analysts' notes</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {item.analysts
                .filter((a) => a.note)
                .map((a) => (
                  <li key={a.annotationId} className="whitespace-pre-wrap break-words">
                    <span className="font-medium">{a.analyst.name}:</span> {a.note}
                  </li>
                ))}
            </ul>
          </div>
        ) : null}

        <div className="mt-3">
          <label htmlFor={noteId} className="mb-0.5 block text-xs font-medium text-slate-600">
            Decision note
          </label>
          <textarea
            id={noteId}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={2}
            maxLength={10_000}
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm shadow-sm"
            placeholder="Why this decision (optional)"
          />
        </div>

        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={saving}
            aria-keyshortcuts="Enter s"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
          >
            {saving ? "Saving…" : decision ? "Revise decision" : "Save decision"}
          </button>
          {decision ? (
            <p className="text-xs text-slate-500" data-testid="adjudication-decided">
              Decided by {decision.adjudicator.name} · {formatDate(decision.updatedAt)} · version{" "}
              {decision.version}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
