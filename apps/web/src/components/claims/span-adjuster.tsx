"use client";
/**
 * The claim's three spans (content, source mention, cue) with the one being adjusted marked:
 * nudge its start or end a word at a time, mark a source or cue from the selected text (or, from
 * the keyboard, from a guess in the sentence), or clear it.
 */
import type { SpanRole } from "~/lib/shortcut-map";
import type { ClaimDetail } from "~/trpc/types";
import { FieldMessage } from "../shared/field-message";

export const SPAN_ROLES: readonly SpanRole[] = ["content", "sourceMention", "cue"];

const ROLE_NAMES: Record<SpanRole, string> = {
  content: "Content",
  sourceMention: "Source mention",
  cue: "Cue",
};

const ROLE_STYLES: Record<SpanRole, string> = {
  content: "rounded-[2px] bg-sky-100 px-0.5",
  sourceMention: "font-semibold text-indigo-800",
  cue: "font-medium text-rose-700",
};

export function spanOfRole(
  claim: ClaimDetail,
  role: SpanRole,
): { start: number; end: number } | null {
  if (role === "content") return { start: claim.contentStart, end: claim.contentEnd };
  if (role === "sourceMention")
    return claim.sourceStart !== null && claim.sourceEnd !== null
      ? { start: claim.sourceStart, end: claim.sourceEnd }
      : null;
  return claim.cueStart !== null && claim.cueEnd !== null
    ? { start: claim.cueStart, end: claim.cueEnd }
    : null;
}

function textOfRole(claim: ClaimDetail, role: SpanRole): string | null {
  return role === "content"
    ? claim.contentText
    : role === "sourceMention"
      ? claim.sourceText
      : claim.cueText;
}

const small =
  "rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-100 disabled:opacity-40";

export function SpanAdjuster({
  claim,
  active,
  onActivate,
  onNudge,
  onMarkFromSelection,
  onClear,
  busy,
  errors,
}: {
  claim: ClaimDetail;
  active: SpanRole;
  onActivate: (role: SpanRole) => void;
  onNudge: (role: SpanRole, edge: "start" | "end", direction: -1 | 1) => void;
  onMarkFromSelection: (role: Exclude<SpanRole, "content">) => void;
  onClear: (role: Exclude<SpanRole, "content">) => void;
  busy: (role: SpanRole) => boolean;
  errors: Partial<Record<SpanRole, string>>;
}) {
  return (
    <fieldset className="space-y-1" data-testid="span-adjuster">
      <legend className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        Spans{" "}
        <span className="font-normal normal-case">
          (e here · g picks · [ ] start · {"{ }"} end · m s / m c mark · n new claim)
        </span>
      </legend>
      {SPAN_ROLES.map((role) => {
        const text = textOfRole(claim, role);
        const on = role === active;
        return (
          <div
            key={role}
            data-span-role={role}
            data-active={on || undefined}
            className={`rounded-md border px-2 py-1 ${on ? "border-indigo-300 bg-white" : "border-transparent"}`}
          >
            <div className="flex flex-wrap items-center gap-1">
              <button
                type="button"
                aria-pressed={on}
                onClick={() => onActivate(role)}
                className={`rounded px-1 text-xs font-medium ${on ? "text-indigo-800" : "text-slate-600"} hover:underline`}
              >
                {ROLE_NAMES[role]}
              </button>
              {busy(role) ? <span className="text-[11px] text-slate-500">Saving…</span> : null}
              <span className="ml-auto flex flex-wrap gap-1">
                {text !== null ? (
                  <>
                    <button
                      type="button"
                      className={small}
                      aria-label={`${ROLE_NAMES[role]}: start one word earlier`}
                      onClick={() => onNudge(role, "start", -1)}
                    >
                      ◂[
                    </button>
                    <button
                      type="button"
                      className={small}
                      aria-label={`${ROLE_NAMES[role]}: start one word later`}
                      onClick={() => onNudge(role, "start", 1)}
                    >
                      [▸
                    </button>
                    <button
                      type="button"
                      className={small}
                      aria-label={`${ROLE_NAMES[role]}: end one word earlier`}
                      onClick={() => onNudge(role, "end", -1)}
                    >
                      ◂]
                    </button>
                    <button
                      type="button"
                      className={small}
                      aria-label={`${ROLE_NAMES[role]}: end one word later`}
                      onClick={() => onNudge(role, "end", 1)}
                    >
                      ]▸
                    </button>
                  </>
                ) : null}
                {role !== "content" ? (
                  <>
                    <button
                      type="button"
                      className={small}
                      // Keep the text selection alive while the button is pressed.
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => onMarkFromSelection(role)}
                    >
                      Mark selection
                    </button>
                    {text !== null ? (
                      <button type="button" className={small} onClick={() => onClear(role)}>
                        Clear
                      </button>
                    ) : null}
                  </>
                ) : null}
              </span>
            </div>
            <p
              className="mt-0.5 line-clamp-2 font-serif text-sm text-slate-800"
              title={text ?? undefined}
            >
              {text !== null ? (
                <span className={ROLE_STYLES[role]}>{text}</span>
              ) : (
                <span className="font-sans text-xs italic text-slate-400">
                  {role === "sourceMention" ? "not marked (the author’s own voice?)" : "not marked"}
                </span>
              )}
            </p>
            <FieldMessage error={errors[role]} />
          </div>
        );
      })}
    </fieldset>
  );
}
