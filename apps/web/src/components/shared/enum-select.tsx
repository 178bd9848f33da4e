"use client";
/** A labelled <select> over one of the labelled enums from @claimdesk/types, with help text. */
import type { LabelInfo } from "@claimdesk/types";
import { useId } from "react";
import { FieldMessage } from "./field-message";

export function EnumSelect<T extends string>({
  label,
  value,
  values,
  labels,
  optionLabel = (info) => info.label,
  onChange,
  busy = false,
  error,
  help,
  placeholder = "—",
  shortcut,
  keyHint,
  armed = false,
  compact = false,
}: {
  label: string;
  value: T | null;
  values: readonly T[];
  labels: Record<T, LabelInfo>;
  /** How an option reads in the list (e.g. with the ICD 203 range appended). */
  optionLabel?: (info: LabelInfo, value: T) => string;
  onChange: (value: T | null) => void;
  busy?: boolean;
  error?: string | undefined;
  /** What the field means, shown when no value is chosen. */
  help: string;
  /** The empty option's text (e.g. a suggested value not yet saved). */
  placeholder?: string;
  /** aria-keyshortcuts and the shortcut hook's handle on this field. */
  shortcut?: string;
  /** The keys shown beside the label ("s 0–4"); the options are then numbered for their digit. */
  keyHint?: string;
  /** The field key was pressed: the next digit picks a value here. */
  armed?: boolean;
  /** The help text is read out (aria-describedby) and shown as a tooltip, not printed. */
  compact?: boolean;
}) {
  const id = useId();
  const current = value === null ? null : labels[value];
  const description = current?.description ?? help;
  return (
    <div
      className={`min-w-0 ${armed ? "rounded-md bg-indigo-50 ring-2 ring-indigo-500 ring-offset-2" : ""}`}
      data-armed={armed || undefined}
    >
      <div className="mb-0.5 flex items-baseline justify-between gap-1">
        <label htmlFor={id} className="block text-xs font-medium text-slate-600">
          {label}
        </label>
        {keyHint ? (
          <span aria-hidden="true">
            <kbd
              data-testid="key-hint"
              className={`rounded px-1 font-mono text-[10px] ${
                armed ? "bg-indigo-600 text-white" : "bg-slate-200/70 text-slate-600"
              }`}
            >
              {armed ? `${keyHint.split(" ")[1]}?` : keyHint}
            </kbd>
          </span>
        ) : null}
      </div>
      <select
        id={id}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        aria-busy={busy || undefined}
        title={description}
        aria-keyshortcuts={shortcut}
        value={value ?? ""}
        onChange={(event) => {
          const next = event.target.value;
          onChange(next === "" ? null : (values.find((v) => v === next) ?? null));
        }}
        className={`w-full rounded-md border bg-white px-2 py-1 text-sm shadow-sm ${
          error ? "border-red-400" : "border-slate-300"
        } ${busy ? "opacity-70" : ""}`}
      >
        <option value="">{placeholder}</option>
        {values.map((v, i) => (
          <option key={v} value={v} title={labels[v].description}>
            {`${keyHint ? `${i + 1} · ` : ""}${optionLabel(labels[v], v)}`}
          </option>
        ))}
      </select>
      <p
        id={`${id}-help`}
        className={
          compact ? "sr-only" : "mt-0.5 line-clamp-2 text-[11px] leading-snug text-slate-500"
        }
      >
        {description}
      </p>
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}
