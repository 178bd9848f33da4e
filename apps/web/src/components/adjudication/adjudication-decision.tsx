"use client";
/**
 * One disputed claim: its sentence, the analysts' submitted versions side by side (the fields they
 * disagree on highlighted: whether it is a claim, its spans, source, quote type, proposition and
 * the judgement fields) and the decision form. Keys: j/k or ↑/↓ move to the next/previous field
 * (the current one is outlined), 1–9 take that analyst's value for the current field and stay
 * on it (0 clears it), Enter or `s` saves. The claim is resolved once every disputed field is
 * decided.
 */
import {
  ATTRIBUTION_FIELD_LABELS,
  ATTRIBUTION_FIELDS,
  JUDGEMENT_FIELD_LABELS,
  JUDGEMENT_FIELDS,
  type TAdjudicationAttribution,
  type TAdjudicationValues,
  type TAttributionField,
  type TDisputeField,
  type TJudgementField,
} from "@claimdesk/types";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatDate } from "~/lib/format-date";
import type { RouterOutputs } from "~/trpc/types";
import { isTypingTarget } from "../claims/use-shortcuts";
import {
  type AttributionDecisions,
  type AttributionValue,
  analystAttribution,
  attributionInput,
  attributionLabel,
  sameAttribution,
  savedAttribution,
} from "./adjudication-attribution";
import { ADJUDICATION_FIELD_OPTIONS, valueLabel, withField } from "./adjudication-fields";
import { AdjudicationSentence } from "./adjudication-sentence";

export type AdjudicationItem = RouterOutputs["adjudication"]["queue"]["items"][number];

/** What saving sends: the judgement values, the decided attribution and which fields it settles. */
export interface AdjudicationChoice {
  values: TAdjudicationValues;
  attribution: TAdjudicationAttribution;
  decidedFields: TDisputeField[];
  note: string;
}

const isJudgement = (field: TDisputeField): field is TJudgementField =>
  (JUDGEMENT_FIELDS as readonly string[]).includes(field);

const fieldLabel = (field: TDisputeField): string =>
  isJudgement(field) ? JUDGEMENT_FIELD_LABELS[field] : ATTRIBUTION_FIELD_LABELS[field];

/** The rows of the form: the disputed attribution fields, then every judgement field. */
function rowsOf(item: AdjudicationItem): TDisputeField[] {
  return [
    ...ATTRIBUTION_FIELDS.filter((f) => item.disputedFields.includes(f)),
    ...JUDGEMENT_FIELDS,
  ];
}

/** Decides (or, with null, undecides) one attribution field. */
function withAttribution(
  decisions: AttributionDecisions,
  field: TAttributionField,
  value: AttributionValue | null,
): AttributionDecisions {
  const next = { ...decisions };
  if (value === null) delete next[field];
  else next[field] = value;
  return next;
}

/** The attribution decided so far: the saved decision's. */
function initialAttribution(item: AdjudicationItem): AttributionDecisions {
  return item.adjudication ? savedAttribution(item, item.adjudication) : {};
}

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
  onSave: (choice: AdjudicationChoice) => void;
}) {
  const rows = rowsOf(item);
  const [values, setValues] = useState(() => initialValues(item));
  const [attribution, setAttribution] = useState(() => initialAttribution(item));
  const [note, setNote] = useState(item.adjudication?.note ?? "");
  const firstDisputed = rows.findIndex((f) => item.disputedFields.includes(f));
  const [current, setCurrent] = useState(Math.max(0, firstDisputed));
  const noteId = useId();
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const take = (field: TJudgementField, value: string | null) =>
    setValues((v) => withField(v, field, value));
  const decideAttribution = (field: TAttributionField, value: AttributionValue | null) =>
    setAttribution((a) => withAttribution(a, field, value));

  const choice = (): AdjudicationChoice => ({
    values,
    attribution: attributionInput(attribution),
    decidedFields: [
      ...ATTRIBUTION_FIELDS.filter((f) => attribution[f] !== undefined),
      ...JUDGEMENT_FIELDS,
    ],
    note,
  });
  const undecided = item.disputedFields.filter(
    (f) => !isJudgement(f) && attribution[f as TAttributionField] === undefined,
  );

  // The latest state for the window listener, without re-subscribing on every render.
  const latest = useRef({ rows, current, item, saving, onSave, choice });
  latest.current = { rows, current, item, saving, onSave, choice };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      if (event.key === "Escape" && isTypingTarget(target) && target instanceof HTMLElement) {
        target.blur();
        return;
      }
      if (!isShortcutEvent(event)) return;
      const { rows, current, item, saving, onSave, choice } = latest.current;
      const field = rows[current] ?? "sourceStance";
      const down = event.key === "ArrowDown" || event.key === "j";
      if (down || event.key === "ArrowUp" || event.key === "k") {
        const next = down ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1);
        setCurrent(next);
        rowRefs.current[next]?.scrollIntoView({ block: "nearest" });
        event.preventDefault();
        return;
      }
      if (/^[0-9]$/.test(event.key)) {
        // The digit decides the current field only: moving on is j / ↓, never implied.
        const n = Number(event.key);
        const analyst = n === 0 ? null : item.analysts[n - 1];
        if (n !== 0 && !analyst) return;
        if (isJudgement(field)) {
          const value = analyst ? analyst[field] : null;
          setValues((v) => withField(v, field, value));
        } else {
          const value = analyst ? analystAttribution(analyst, field) : null;
          if (analyst && value === null) return; // this analyst has no value to take
          setAttribution((a) => withAttribution(a, field, value));
        }
        event.preventDefault();
        return;
      }
      const onControl =
        target instanceof Element && target !== document.body && target.closest("a, button");
      if (event.key === "s" || (event.key === "Enter" && !onControl)) {
        if (!saving) onSave(choice());
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
              ? `Analysts differ on ${item.disputedFields.map((f) => fieldLabel(f).toLowerCase()).join(", ")}`
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
          if (!saving) onSave(choice());
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
                  <th key={a.analyst.id} scope="col" className="py-1.5 pr-3 font-medium">
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
              {rows.map((field, row) => {
                const disputed = item.disputedFields.includes(field);
                const label = fieldLabel(field);
                const decided = !isJudgement(field) && attribution[field] !== undefined;
                return (
                  <tr
                    key={field}
                    ref={(el) => {
                      rowRefs.current[row] = el;
                    }}
                    data-field={field}
                    data-disputed={disputed || undefined}
                    data-decided={isJudgement(field) ? undefined : decided ? "true" : "false"}
                    aria-current={row === current ? "true" : undefined}
                    onFocusCapture={() => setCurrent(row)}
                    className={`border-b border-slate-100 ${disputed ? "bg-amber-50" : ""} ${
                      row === current ? "outline-2 -outline-offset-2 outline-indigo-400" : ""
                    }`}
                  >
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-700">
                      {row === current ? (
                        <span aria-hidden="true" className="mr-1 text-indigo-600">
                          ▸
                        </span>
                      ) : null}
                      {label}
                      {disputed ? (
                        <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">
                          differs
                        </span>
                      ) : null}
                    </th>
                    {isJudgement(field)
                      ? item.analysts.map((a) => (
                          <JudgementCell
                            key={a.analyst.id}
                            field={field}
                            label={label}
                            analyst={a}
                            chosen={values[field]}
                            disputed={disputed}
                            onTake={take}
                          />
                        ))
                      : item.analysts.map((a) => (
                          <AttributionCell
                            key={a.analyst.id}
                            label={label}
                            analyst={a}
                            offered={analystAttribution(a, field)}
                            chosen={attribution[field] ?? null}
                            disputed={disputed}
                            onTake={(value) => decideAttribution(field, value)}
                          />
                        ))}
                    <td className="py-1.5">
                      {isJudgement(field) ? (
                        <JudgementSelect
                          field={field}
                          label={label}
                          value={values[field]}
                          onChange={(value) => take(field, value)}
                        />
                      ) : (
                        <output
                          aria-label={`Decision: ${label}`}
                          data-testid={`decision-${field}`}
                          className={`block text-sm ${decided ? "font-semibold text-indigo-900" : "italic text-amber-800"}`}
                        >
                          {decided ? attributionLabel(attribution[field] ?? null) : "undecided"}
                        </output>
                      )}
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
                  <li key={a.analyst.id} className="whitespace-pre-wrap break-words">
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
          <p className="text-xs" data-testid="adjudication-progress">
            {undecided.length === 0 ? (
              <span className="text-emerald-800">Every disputed field has a decision.</span>
            ) : (
              <span className="text-amber-800">
                Still to decide: {undecided.map((f) => fieldLabel(f).toLowerCase()).join(", ")} (the
                claim stays open until each is decided)
              </span>
            )}
          </p>
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

function JudgementCell({
  field,
  label,
  analyst,
  chosen,
  disputed,
  onTake,
}: {
  field: TJudgementField;
  label: string;
  analyst: AdjudicationItem["analysts"][number];
  chosen: string | null;
  disputed: boolean;
  onTake: (field: TJudgementField, value: string | null) => void;
}) {
  const value = analyst[field];
  const pressed = value !== null && value === chosen;
  return (
    <td className="py-1.5 pr-3">
      {value === null ? (
        <span className="text-slate-400">—</span>
      ) : (
        <button
          type="button"
          onClick={() => onTake(field, value)}
          aria-label={`Take ${analyst.analyst.name}'s ${label.toLowerCase()}: ${valueLabel(field, value)}`}
          aria-pressed={pressed}
          className={`rounded px-1.5 py-0.5 text-left hover:bg-indigo-50 ${
            pressed
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
}

function AttributionCell({
  label,
  analyst,
  offered,
  chosen,
  disputed,
  onTake,
}: {
  label: string;
  analyst: AdjudicationItem["analysts"][number];
  offered: AttributionValue | null;
  chosen: AttributionValue | null;
  disputed: boolean;
  onTake: (value: AttributionValue) => void;
}) {
  if (offered === null)
    return (
      <td className="py-1.5 pr-3 text-slate-400">
        {analyst.existence === null ? "no opinion" : "—"}
      </td>
    );
  const pressed = sameAttribution(offered, chosen);
  const text = attributionLabel(offered);
  return (
    <td className="py-1.5 pr-3">
      <button
        type="button"
        onClick={() => onTake(offered)}
        aria-label={`Take ${analyst.analyst.name}'s ${label.toLowerCase()}: ${text}`}
        aria-pressed={pressed}
        className={`max-w-64 rounded px-1.5 py-0.5 text-left break-words hover:bg-indigo-50 ${
          pressed
            ? "bg-indigo-100 font-semibold text-indigo-900"
            : disputed
              ? "text-amber-900"
              : "text-slate-700"
        }`}
      >
        {text}
      </button>
    </td>
  );
}

function JudgementSelect({
  field,
  label,
  value,
  onChange,
}: {
  field: TJudgementField;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const options = ADJUDICATION_FIELD_OPTIONS[field];
  return (
    <select
      aria-label={`Decision: ${label}`}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value || null)}
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
  );
}
