"use client";
/** The selected claim's editor: review status, quote type, source, and the analyst's assessment. */
import {
  ANALYTIC_CONFIDENCE_LABELS,
  ANALYTIC_CONFIDENCES,
  CLAIM_STATUS_LABELS,
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  QUOTE_TYPE_LABELS,
  QUOTE_TYPES,
  REPORTING_STANCE_LABELS,
  REPORTING_STANCES,
  SOURCE_STANCE_LABELS,
  SOURCE_STANCES,
  type TClaimStatus,
  VERDICT_LABELS,
  VERDICTS,
} from "@claimdesk/types";
import { useId, useState } from "react";
import type { ClaimDetail } from "~/trpc/types";
import { likelihoodOption } from "./claim-field-info";
import { EnumSelect } from "./enum-select";
import { FieldMessage } from "./field-message";
import { SourcePicker } from "./source-picker";
import { useClaimEditor } from "./use-claim-editor";

const REVIEW_ACTIONS: Array<{ status: TClaimStatus; verb: string; pressed: string }> = [
  { status: "accepted", verb: "Accept", pressed: "bg-emerald-600 text-white ring-emerald-700" },
  { status: "rejected", verb: "Reject", pressed: "bg-slate-600 text-white ring-slate-700" },
];

function NoteField({
  saved,
  onSave,
  busy,
  error,
}: {
  saved: string | null;
  onSave: (note: string | null) => void;
  busy: boolean;
  error: string | undefined;
}) {
  const id = useId();
  const [draft, setDraft] = useState(saved ?? "");
  // Follow the saved note when it changes underneath (a reload after a conflict).
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    setSeen(saved);
    setDraft(saved ?? "");
  }
  const commit = () => {
    const next = draft.trim() === "" ? null : draft;
    if (next !== saved) onSave(next);
  };
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600">
        Note
      </label>
      <textarea
        id={id}
        rows={2}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) commit();
        }}
        aria-busy={busy || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        placeholder="Reasoning, corroboration, follow-ups…"
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm"
      />
      <p id={`${id}-help`} className="text-[11px] text-slate-500">
        Saved when you leave the field (or Ctrl+Enter).
      </p>
      <FieldMessage error={error} />
    </div>
  );
}

export function ClaimFields({ claim }: { claim: ClaimDetail }) {
  const editor = useClaimEditor(claim);
  const a = claim.annotation;
  const status = editor.shown("status", claim.status);

  return (
    <div
      data-testid="claim-editor"
      className="space-y-3 border-t border-slate-200 bg-slate-50/60 px-3 py-3"
    >
      {editor.conflict ? (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900"
        >
          <p>{editor.conflict}</p>
          <button
            type="button"
            onClick={editor.dismissConflict}
            className="mt-1 rounded font-medium underline"
          >
            Dismiss
          </button>
        </div>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          Review
        </legend>
        <div className="flex flex-wrap items-center gap-2">
          {REVIEW_ACTIONS.map(({ status: target, verb, pressed }) => {
            const on = status === target;
            return (
              <button
                key={target}
                type="button"
                aria-pressed={on}
                title={CLAIM_STATUS_LABELS[target].description}
                onClick={() => {
                  if (!on) editor.saveClaim("status", target);
                }}
                className={`rounded-md px-3 py-1 text-sm font-medium ring-1 ring-inset ${
                  on ? pressed : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-100"
                }`}
              >
                {on ? <span aria-hidden="true">✓ </span> : null}
                {verb}
              </button>
            );
          })}
          {editor.isSaving("status") ? (
            <span className="text-xs text-slate-500">Saving…</span>
          ) : null}
        </div>
        <FieldMessage error={editor.errors.status} />
        <div className="grid grid-cols-2 gap-x-3 gap-y-2">
          <EnumSelect
            label="Quote type"
            value={editor.shown("quoteType", claim.quoteType)}
            values={QUOTE_TYPES}
            labels={QUOTE_TYPE_LABELS}
            help="How the content is reported."
            onChange={(v) => {
              if (v) editor.saveClaim("quoteType", v);
            }}
            busy={editor.isSaving("quoteType")}
            error={editor.errors.quoteType}
          />
        </div>
        <SourcePicker
          claim={claim}
          onChoose={(sourceId) => editor.saveClaim("sourceId", sourceId)}
          busy={editor.isSaving("sourceId")}
          error={editor.errors.sourceId}
        />
      </fieldset>

      <fieldset>
        <legend className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          Your assessment
        </legend>
        <div className="grid grid-cols-2 gap-x-3 gap-y-2">
          <EnumSelect
            label="Source stance"
            value={editor.shown("sourceStance", a?.sourceStance ?? null)}
            values={SOURCE_STANCES}
            labels={SOURCE_STANCE_LABELS}
            help="The source toward the content it states."
            onChange={(v) => editor.saveAnnotation("sourceStance", v)}
            busy={editor.isSaving("sourceStance")}
            error={editor.errors.sourceStance}
          />
          <EnumSelect
            label="Reporting stance"
            value={editor.shown("reportingStance", a?.reportingStance ?? null)}
            values={REPORTING_STANCES}
            labels={REPORTING_STANCE_LABELS}
            help="The article toward what it reports."
            onChange={(v) => editor.saveAnnotation("reportingStance", v)}
            busy={editor.isSaving("reportingStance")}
            error={editor.errors.reportingStance}
          />
          <EnumSelect
            label="Likelihood"
            value={editor.shown("likelihood", a?.likelihood ?? null)}
            values={LIKELIHOODS}
            labels={LIKELIHOOD_LABELS}
            optionLabel={likelihoodOption}
            help="Your estimate that the content is true (ICD 203)."
            onChange={(v) => editor.saveAnnotation("likelihood", v)}
            busy={editor.isSaving("likelihood")}
            error={editor.errors.likelihood}
          />
          <EnumSelect
            label="Analytic confidence"
            value={editor.shown("analyticConfidence", a?.analyticConfidence ?? null)}
            values={ANALYTIC_CONFIDENCES}
            labels={ANALYTIC_CONFIDENCE_LABELS}
            help="Confidence in your judgement, apart from likelihood (ICD 203)."
            onChange={(v) => editor.saveAnnotation("analyticConfidence", v)}
            busy={editor.isSaving("analyticConfidence")}
            error={editor.errors.analyticConfidence}
          />
          <EnumSelect
            label="Credibility"
            value={editor.shown("credibility", a?.credibility ?? null)}
            values={CREDIBILITIES}
            labels={CREDIBILITY_LABELS}
            help="Credibility of the information (Admiralty code 1–6)."
            onChange={(v) => editor.saveAnnotation("credibility", v)}
            busy={editor.isSaving("credibility")}
            error={editor.errors.credibility}
          />
          <EnumSelect
            label="Verdict"
            value={editor.shown("verdict", a?.verdict ?? null)}
            values={VERDICTS}
            labels={VERDICT_LABELS}
            help="Your conclusion on the content, if evidence allows (FEVER)."
            onChange={(v) => editor.saveAnnotation("verdict", v)}
            busy={editor.isSaving("verdict")}
            error={editor.errors.verdict}
          />
        </div>
        <div className="mt-2">
          <NoteField
            saved={a?.note ?? null}
            onSave={(note) => editor.saveAnnotation("note", note)}
            busy={editor.isSaving("note")}
            error={editor.errors.note}
          />
        </div>
      </fieldset>
    </div>
  );
}
