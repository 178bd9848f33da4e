"use client";
/** A compact multi-choice facet: a <details> dropdown of checkboxes over a labelled enum. */
import type { LabelInfo } from "@claimdesk/types";

export function FilterCheckboxGroup<T extends string>({
  legend,
  values,
  labels,
  selected,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  labels: Record<T, LabelInfo>;
  selected: readonly T[];
  onChange: (next: T[]) => void;
}) {
  const toggle = (value: T, on: boolean) =>
    onChange(
      on
        ? values.filter((v) => v === value || selected.includes(v))
        : selected.filter((v) => v !== value),
    );
  return (
    <details className="group relative">
      <summary
        className={`cursor-pointer list-none rounded border px-2 py-1 text-sm ${
          selected.length > 0
            ? "border-indigo-300 bg-indigo-50 text-indigo-900"
            : "border-slate-300 bg-white text-slate-700"
        }`}
      >
        {legend}
        {selected.length > 0 ? ` (${selected.length})` : ""} ▾
      </summary>
      <fieldset className="absolute z-20 mt-1 min-w-52 rounded border border-slate-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">{legend}</legend>
        {values.map((value) => (
          <label
            key={value}
            title={labels[value].description}
            className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50"
          >
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={(event) => toggle(value, event.target.checked)}
            />
            {labels[value].label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
