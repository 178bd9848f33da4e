"use client";
/** Every keyboard shortcut in a modal dialog: opened with ?, focus kept inside, Esc closes. */
import {
  ANALYTIC_CONFIDENCE_LABELS,
  CREDIBILITY_LABELS,
  type LabelInfo,
  LIKELIHOOD_LABELS,
  QUOTE_TYPE_LABELS,
  REPORTING_STANCE_LABELS,
  SOURCE_STANCE_LABELS,
  VERDICT_LABELS,
} from "@claimdesk/types";
import { useEffect, useRef } from "react";
import { SHORTCUT_GROUPS, VALUE_FIELDS, type ValueField } from "~/lib/shortcut-map";
import { FIELD_LABELS } from "./claim-field-info";

/** Each field's value labels, in digit order. */
const VALUE_LABELS: Record<ValueField, Record<string, LabelInfo>> = {
  sourceStance: SOURCE_STANCE_LABELS,
  reportingStance: REPORTING_STANCE_LABELS,
  likelihood: LIKELIHOOD_LABELS,
  analyticConfidence: ANALYTIC_CONFIDENCE_LABELS,
  credibility: CREDIBILITY_LABELS,
  verdict: VERDICT_LABELS,
  quoteType: QUOTE_TYPE_LABELS,
};

/** A field's direct keys beside its field key, where it has them. */
const DIRECT: Partial<Record<ValueField, string>> = {
  likelihood: "or the digit alone",
  credibility: "or Shift+digit",
};

const Key = ({ children }: { children: string }) => (
  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-sm">
    {children}
  </kbd>
);

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open) {
      if (dialog.open) dialog.close();
      // Back to where the analyst was (the claim row, usually).
      returnTo.current?.focus();
      returnTo.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcut-help-title"
      onClose={onClose}
      onCancel={onClose}
      onKeyDown={(event) => {
        // Keep Tab inside the dialog (the page behind is inert, but the browser UI is not).
        if (event.key !== "Tab") return;
        const focusables = Array.from(
          ref.current?.querySelectorAll<HTMLElement>("button, [href], [tabindex]") ?? [],
        );
        const first = focusables[0];
        const last = focusables.at(-1);
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
      }}
      className="m-auto max-h-[90vh] w-[min(46rem,95vw)] overflow-y-auto rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 id="shortcut-help-title" className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-1 text-sm text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
        >
          Close <Key>Esc</Key>
        </button>
      </div>
      <div className="grid gap-x-8 gap-y-4 px-5 py-4 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-labelledby={`shortcuts-${group.title}`}>
            <h3
              id={`shortcuts-${group.title}`}
              className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500"
            >
              {group.title}
            </h3>
            <dl className="space-y-1 text-sm">
              {group.items.map((item) => (
                <div key={item.does} className="flex items-baseline gap-3">
                  <dt className="flex w-28 shrink-0 flex-wrap gap-1">
                    {item.keys.map((k) => (
                      <Key key={k}>{k}</Key>
                    ))}
                  </dt>
                  <dd>{item.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-labelledby="shortcuts-values" className="sm:col-span-2">
          <h3
            id="shortcuts-values"
            className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500"
          >
            Field values: the field's key, then a digit
          </h3>
          <dl className="space-y-1 text-sm" data-testid="shortcut-values">
            {(Object.keys(VALUE_FIELDS) as ValueField[]).map((field) => {
              const { key, values, clearable } = VALUE_FIELDS[field];
              return (
                <div key={field} className="flex items-baseline gap-3" data-field={field}>
                  <dt className="w-28 shrink-0">
                    <Key>{key}</Key> <span className="text-xs">{FIELD_LABELS[field]}</span>
                  </dt>
                  <dd className="text-xs text-slate-700">
                    {values.map((value, i) => (
                      <span key={value} className="mr-2 inline-block">
                        <Key>{String(i + 1)}</Key> {VALUE_LABELS[field][value]?.label ?? value}
                      </span>
                    ))}
                    {clearable ? (
                      <span className="mr-2 inline-block">
                        <Key>0</Key> clear
                      </span>
                    ) : null}
                    {DIRECT[field] ? (
                      <span className="text-slate-500">({DIRECT[field]})</span>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      </div>
      <p className="border-t border-slate-200 px-5 py-2 text-xs text-slate-500">
        Shortcuts are off while you type in a field; Esc leaves the field. A field key alone changes
        nothing; Ctrl+Z undoes your last change.
      </p>
    </dialog>
  );
}
