"use client";
/**
 * The selected claim's editor: review status, quote type, source, proposition, its spans, and the
 * analyst's assessment. It hands the workbench's keyboard shortcuts a set of actions on this claim.
 */
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
  reportingStanceForCue,
  SOURCE_STANCE_LABELS,
  SOURCE_STANCES,
  type TClaimStatus,
  VERDICT_LABELS,
  VERDICTS,
} from "@claimdesk/types";
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import {
  clearNoteDraft,
  noteDraftKey,
  noteFromDraft,
  readNoteDraft,
  writeNoteDraft,
} from "~/lib/note-drafts";
import { spanFromSelection, type TextSpan } from "~/lib/selection-offsets";
import { fieldKeyHint, type SpanRole, type ValueField } from "~/lib/shortcut-map";
import { guessSpan, nudgeSpan } from "~/lib/span-nudge";
import type { ClaimDetail } from "~/trpc/types";
import { useSessionUser } from "../auth/auth-session-user";
import { PropositionPicker } from "../propositions/proposition-picker";
import { EnumSelect } from "../shared/enum-select";
import { FieldMessage } from "../shared/field-message";
import { SourcePicker } from "../sources/source-picker";
import { AnnotationSubmit } from "./annotation-submit";
import { likelihoodOption } from "./claim-field-info";
import { SPAN_ROLES, SpanAdjuster, spanOfRole } from "./span-adjuster";
import { TagInput } from "./tag-input";
import { useClaimEditor } from "./use-claim-editor";

/** What the keyboard shortcuts can do to the selected claim. */
export interface ClaimActions {
  setStatus: (status: TClaimStatus) => void;
  /** A field's value from its key and digit (null clears it). */
  setValue: (field: ValueField, value: string | null) => void;
  openSource: () => void;
  openProposition: () => void;
  focusTags: () => void;
  /** Goes to the span adjuster (the claim's own text: content, source mention, cue). */
  edit: () => void;
  /** Sets the source mention or cue to `span`. */
  markSpan: (role: Exclude<SpanRole, "content">, span: TextSpan) => void;
  /**
   * Marks the current text selection; with none, proposes a word of the sentence for the analyst
   * to adjust with [ ] { } ("guessed"), or false when there is nothing to propose.
   */
  markFromSelection: (role: Exclude<SpanRole, "content">) => "selection" | "guessed" | false;
  cycleSpan: () => void;
  nudge: (edge: "start" | "end", direction: -1 | 1) => void;
  /** Submits my annotation (blind annotation: the others' then show beside it). */
  submit: () => void;
}

const REVIEW_ACTIONS: Array<{ status: TClaimStatus; verb: string; key: string; pressed: string }> =
  [
    {
      status: "accepted",
      verb: "Accept",
      key: "a",
      pressed: "bg-emerald-600 text-white ring-emerald-700",
    },
    {
      status: "rejected",
      verb: "Reject",
      key: "x",
      pressed: "bg-slate-600 text-white ring-slate-700",
    },
  ];

function NoteField({
  draftKey,
  saved,
  onSave,
  busy,
  error,
}: {
  /** Where the unsaved draft is kept (per analyst and claim), or null before the user is known. */
  draftKey: string | null;
  saved: string | null;
  onSave: (note: string | null) => void;
  busy: boolean;
  error: string | undefined;
}) {
  const id = useId();
  const [draft, setDraft] = useState(saved ?? "");
  const [restored, setRestored] = useState(false);
  const dirty = noteFromDraft(draft) !== saved;
  // Follow the saved note when it changes underneath (a reload after a conflict), unless I have
  // typed something not yet saved: my text is kept, never replaced.
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    setSeen(saved);
    if (noteFromDraft(draft) === seen) setDraft(saved ?? "");
  }
  // A draft left here earlier (Back, reload, closed tab) comes back; only on arrival, later
  // changes of `saved` are handled above.
  const savedNow = useRef(saved);
  savedNow.current = saved;
  // Which draft key has been read: none is cleared before it has been read and restored.
  const [checked, setChecked] = useState<string | null>(null);
  useEffect(() => {
    if (!draftKey) return;
    const kept = readNoteDraft(draftKey);
    if (kept !== null && noteFromDraft(kept) !== savedNow.current) {
      setDraft(kept);
      setRestored(true);
    }
    setChecked(draftKey);
  }, [draftKey]);
  // Saved (or back to the saved text): nothing to keep.
  useEffect(() => {
    if (dirty || !draftKey || checked !== draftKey) return;
    clearNoteDraft(draftKey);
    setRestored(false);
  }, [dirty, draftKey, checked]);
  // Leaving the page with an unsaved note asks first (reload, close, typed address).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  const commit = () => {
    const next = noteFromDraft(draft);
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
        onChange={(event) => {
          setDraft(event.target.value);
          if (draftKey) writeNoteDraft(draftKey, event.target.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) commit();
        }}
        aria-busy={busy || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        data-dirty={dirty || undefined}
        placeholder="Reasoning, corroboration, follow-ups…"
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm"
      />
      <p id={`${id}-help`} data-testid="note-status" className="text-[11px] text-slate-500">
        {restored && dirty
          ? "Unsaved draft restored from this device: saved when you leave the field (or Ctrl+Enter)."
          : dirty
            ? "Draft kept on this device; saved when you leave the field (or Ctrl+Enter)."
            : "Saved when you leave the field (or Ctrl+Enter)."}
      </p>
      <FieldMessage error={error} />
    </div>
  );
}

const Kbd = ({ children }: { children: string }) => (
  <kbd className="ml-1 rounded bg-black/10 px-1 font-mono text-[10px]">{children}</kbd>
);

const legend = "mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500";

export function ClaimFields({
  claim,
  articleText,
  actionsRef,
  armed = null,
}: {
  claim: ClaimDetail;
  articleText: string;
  actionsRef: RefObject<ClaimActions | null>;
  /** The field whose key was just pressed (its value digit comes next). */
  armed?: ValueField | null;
}) {
  const editor = useClaimEditor(claim);
  const { user } = useSessionUser();
  const rootRef = useRef<HTMLDivElement>(null);
  const [activeSpan, setActiveSpan] = useState<SpanRole>("content");
  const a = claim.annotation;
  const status = editor.shown("status", claim.status);
  const quoteType = editor.shown("quoteType", claim.quoteType);
  const suggestedStance = reportingStanceForCue(claim.cueLemma);
  const reportingStance = editor.shown("reportingStance", a?.reportingStance ?? null);

  const markSpan = (role: Exclude<SpanRole, "content">, span: TextSpan) => {
    setActiveSpan(role);
    if (role === "cue") editor.saveClaim("cue", span, { cueLemma: null });
    else editor.saveClaim("sourceMention", span);
  };
  const nudge = (role: SpanRole, edge: "start" | "end", direction: -1 | 1) => {
    const span = spanOfRole(claim, role);
    const moved = span ? nudgeSpan(articleText, span, edge, direction) : null;
    if (!moved) return;
    if (role === "content") editor.saveClaim("content", moved);
    else if (role === "cue") editor.saveClaim("cue", moved);
    else editor.saveClaim("sourceMention", moved);
  };
  const clickShortcut = (name: string) => {
    const root = rootRef.current;
    const toggle = root?.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);
    // Already open: go back to its input rather than closing it.
    if (toggle?.getAttribute("aria-expanded") === "true")
      root?.querySelector<HTMLElement>(`[data-shortcut-input="${name}"]`)?.focus();
    else toggle?.click();
  };
  const setValue = (field: ValueField, value: string | null) => {
    if (field === "quoteType") {
      const next = QUOTE_TYPES.find((q) => q === value);
      if (next && next !== quoteType) editor.saveClaim("quoteType", next);
      return;
    }
    const current = editor.shown(field, a?.[field] ?? null);
    if (current === value) return;
    switch (field) {
      case "sourceStance":
        editor.saveAnnotation(field, SOURCE_STANCES.find((v) => v === value) ?? null);
        break;
      case "reportingStance":
        editor.saveAnnotation(field, REPORTING_STANCES.find((v) => v === value) ?? null);
        break;
      case "likelihood":
        editor.saveAnnotation(field, LIKELIHOODS.find((v) => v === value) ?? null);
        break;
      case "analyticConfidence":
        editor.saveAnnotation(field, ANALYTIC_CONFIDENCES.find((v) => v === value) ?? null);
        break;
      case "credibility":
        editor.saveAnnotation(field, CREDIBILITIES.find((v) => v === value) ?? null);
        break;
      case "verdict":
        editor.saveAnnotation(field, VERDICTS.find((v) => v === value) ?? null);
        break;
    }
  };

  const actions: ClaimActions = {
    setStatus: (next) => {
      if (status !== next) editor.saveClaim("status", next);
    },
    setValue,
    openSource: () => clickShortcut("source"),
    openProposition: () => clickShortcut("proposition"),
    focusTags: () => rootRef.current?.querySelector<HTMLElement>('[data-shortcut="tags"]')?.focus(),
    edit: () =>
      rootRef.current
        ?.querySelector<HTMLElement>('[data-testid="span-adjuster"] [aria-pressed="true"]')
        ?.focus(),
    markSpan,
    markFromSelection: (role) => {
      const root = document.querySelector('[data-testid="article-text"]');
      const span = root ? spanFromSelection(root, articleText) : null;
      if (span) {
        markSpan(role, span);
        document.getSelection()?.removeAllRanges();
        return "selection";
      }
      // From the keyboard alone: a marked span is picked for adjusting; an unmarked one starts
      // from a guess in the claim's sentence ([ ] { } then fix its edges).
      if (spanOfRole(claim, role)) {
        setActiveSpan(role);
        return "guessed";
      }
      const guess = guessSpan(articleText, claim, role);
      if (!guess) return false;
      markSpan(role, guess);
      return "guessed";
    },
    cycleSpan: () =>
      setActiveSpan(
        (role) => SPAN_ROLES[(SPAN_ROLES.indexOf(role) + 1) % SPAN_ROLES.length] ?? "content",
      ),
    nudge: (edge, direction) => nudge(activeSpan, edge, direction),
    submit: () => void editor.submit(),
  };
  // The latest actions, for the workbench's key handler; withdrawn when this editor closes.
  useEffect(() => {
    actionsRef.current = actions;
  });
  useEffect(
    () => () => {
      actionsRef.current = null;
    },
    [actionsRef],
  );

  const valueField = (field: ValueField) => ({
    keyHint: fieldKeyHint(field),
    armed: armed === field,
    compact: true,
  });

  return (
    <div
      ref={rootRef}
      data-testid="claim-editor"
      className="space-y-2 border-t border-slate-200 bg-slate-50/60 px-3 py-2"
    >
      {editor.conflict ? (
        <div
          role="alert"
          data-testid="editor-conflict"
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

      <fieldset>
        <legend className="sr-only">Review</legend>
        <div className="flex flex-wrap items-end gap-2">
          {REVIEW_ACTIONS.map(({ status: target, verb, key, pressed }) => {
            const on = status === target;
            return (
              <button
                key={target}
                type="button"
                aria-pressed={on}
                aria-keyshortcuts={key}
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
                <span aria-hidden="true">
                  <Kbd>{key.toUpperCase()}</Kbd>
                </span>
              </button>
            );
          })}
          {editor.isSaving("status") ? (
            <span className="text-xs text-slate-500">Saving…</span>
          ) : null}
          <div className="ml-auto w-40">
            <EnumSelect
              label="Quote type"
              value={quoteType}
              values={QUOTE_TYPES}
              labels={QUOTE_TYPE_LABELS}
              help="How the content is reported."
              shortcut="q"
              {...valueField("quoteType")}
              onChange={(v) => {
                if (v) editor.saveClaim("quoteType", v);
              }}
              busy={editor.isSaving("quoteType")}
              error={editor.errors.quoteType}
            />
          </div>
        </div>
        <FieldMessage error={editor.errors.status} />
      </fieldset>

      <fieldset>
        <legend className={legend}>Your assessment</legend>
        <div className="grid grid-cols-2 gap-x-3 gap-y-1.5">
          <EnumSelect
            label="Source stance"
            value={editor.shown("sourceStance", a?.sourceStance ?? null)}
            values={SOURCE_STANCES}
            labels={SOURCE_STANCE_LABELS}
            help="The source toward the content it states."
            shortcut="s"
            {...valueField("sourceStance")}
            onChange={(v) => editor.saveAnnotation("sourceStance", v)}
            busy={editor.isSaving("sourceStance")}
            error={editor.errors.sourceStance}
          />
          <EnumSelect
            label="Reporting stance"
            value={reportingStance}
            values={REPORTING_STANCES}
            labels={REPORTING_STANCE_LABELS}
            placeholder={
              suggestedStance && reportingStance === null
                ? `— ${REPORTING_STANCE_LABELS[suggestedStance].label} (from the cue)`
                : "—"
            }
            help={
              suggestedStance && reportingStance === null
                ? `Suggested by the cue “${claim.cueText ?? claim.cueLemma}”: ${REPORTING_STANCE_LABELS[suggestedStance].description} Saved with your first judgement.`
                : "The article toward what it reports."
            }
            shortcut="r"
            {...valueField("reportingStance")}
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
            shortcut="1 2 3 4 5 6 7"
            help="Your estimate that the content is true (ICD 203). Keys 1–7."
            {...valueField("likelihood")}
            keyHint={armed === "likelihood" ? fieldKeyHint("likelihood") : "1–7"}
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
            shortcut="c"
            {...valueField("analyticConfidence")}
            onChange={(v) => editor.saveAnnotation("analyticConfidence", v)}
            busy={editor.isSaving("analyticConfidence")}
            error={editor.errors.analyticConfidence}
          />
          <EnumSelect
            label="Credibility"
            value={editor.shown("credibility", a?.credibility ?? null)}
            values={CREDIBILITIES}
            labels={CREDIBILITY_LABELS}
            shortcut="Shift+1 Shift+2 Shift+3 Shift+4 Shift+5 Shift+6"
            help="Credibility of the information (Admiralty code 1–6). Keys Shift+1–6."
            {...valueField("credibility")}
            keyHint={armed === "credibility" ? fieldKeyHint("credibility") : "⇧1–6"}
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
            shortcut="v"
            {...valueField("verdict")}
            onChange={(v) => editor.saveAnnotation("verdict", v)}
            busy={editor.isSaving("verdict")}
            error={editor.errors.verdict}
          />
        </div>
      </fieldset>
      <AnnotationSubmit
        annotation={a}
        onSubmit={() => void editor.submit()}
        submitting={editor.submitting}
        error={editor.submitError}
      />

      <fieldset className="space-y-1.5">
        <legend className="sr-only">Source and proposition</legend>
        <SourcePicker
          claim={claim}
          onChoose={(sourceId) => editor.saveClaim("sourceId", sourceId)}
          busy={editor.isSaving("sourceId")}
          error={editor.errors.sourceId}
        />
        <PropositionPicker
          propositionId={editor.shown("propositionId", claim.propositionId)}
          onChoose={(propositionId) => editor.saveClaim("propositionId", propositionId)}
          busy={editor.isSaving("propositionId")}
          error={editor.errors.propositionId}
        />
      </fieldset>

      <div className="grid grid-cols-2 gap-x-3">
        <TagInput
          tags={editor.shown("tags", a?.tags ?? [])}
          onSave={(tags) => editor.saveAnnotation("tags", tags)}
          busy={editor.isSaving("tags")}
          error={editor.errors.tags}
        />
        <NoteField
          draftKey={user ? noteDraftKey(user.id, claim.id) : null}
          saved={a?.note ?? null}
          onSave={(note) => editor.saveAnnotation("note", note)}
          busy={editor.isSaving("note")}
          error={editor.errors.note}
        />
      </div>

      <SpanAdjuster
        claim={claim}
        active={activeSpan}
        onActivate={setActiveSpan}
        onNudge={nudge}
        onMarkFromSelection={(role) => {
          if (!actions.markFromSelection(role)) setActiveSpan(role);
        }}
        onClear={(role) =>
          role === "cue"
            ? editor.saveClaim("cue", null, { cueLemma: null })
            : editor.saveClaim("sourceMention", null)
        }
        busy={(role) => editor.isSaving(role)}
        errors={{
          content: editor.errors.content,
          sourceMention: editor.errors.sourceMention,
          cue: editor.errors.cue,
        }}
      />
    </div>
  );
}
