"use client";
/**
 * The claims table's filters: search, enum facets as checkbox dropdowns, pickers for source,
 * proposition, publisher and tag (from corpus.facets), and a date range. Controlled by the
 * filter read from the URL; every change hands a new filter to `onChange`.
 */
import {
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_STANCE_LABELS,
  SOURCE_STANCES,
  type TClaimFilter,
} from "@claimdesk/types";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { FilterCheckboxGroup } from "./filter-checkbox-group";

const DEBOUNCE_MS = 300;

function SinglePicker({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  // A value from a shared URL that the facet list does not hold still shows as chosen.
  const known = value === undefined || options.some((o) => o.value === value);
  return (
    <div className="flex items-center gap-1">
      <label htmlFor={id} className="text-sm text-slate-600">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        className="max-w-48 rounded border border-slate-300 bg-white px-1 py-1 text-sm"
      >
        <option value="">Any</option>
        {known ? null : <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar({
  filter,
  onChange,
}: {
  filter: TClaimFilter;
  onChange: (next: TClaimFilter) => void;
}) {
  const trpc = useTRPC();
  const facets = useQuery(trpc.corpus.facets.queryOptions());
  const searchId = useId();
  const query = filter.query ?? "";
  const [draft, setDraft] = useState(query);
  const [seen, setSeen] = useState(query);
  if (query !== seen) {
    setSeen(query);
    if (draft.trim() !== query) setDraft(query);
  }
  useEffect(() => {
    const next = draft.trim();
    if (next === query) return;
    const timer = setTimeout(() => onChange({ ...filter, query: next || undefined }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, query, filter, onChange]);

  const set = <K extends keyof TClaimFilter>(key: K, value: TClaimFilter[K]) =>
    onChange({ ...filter, [key]: value });
  const one = (values: (string | number)[] | undefined) =>
    values && values.length > 0 ? String(values[0]) : undefined;
  const data = facets.data;

  return (
    <search aria-label="Filter claims" className="mb-3 flex flex-wrap items-center gap-2">
      <form
        className="flex items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...filter, query: draft.trim() || undefined });
        }}
      >
        <label htmlFor={searchId} className="sr-only">
          Search claims
        </label>
        <input
          id={searchId}
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="Search content, source, cue…"
          className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </form>
      <FilterCheckboxGroup
        legend="Status"
        values={CLAIM_STATUSES}
        labels={CLAIM_STATUS_LABELS}
        selected={filter.status ?? []}
        onChange={(v) => set("status", v)}
      />
      <FilterCheckboxGroup
        legend="Source kind"
        values={SOURCE_KINDS}
        labels={SOURCE_KIND_LABELS}
        selected={filter.sourceKind ?? []}
        onChange={(v) => set("sourceKind", v)}
      />
      <FilterCheckboxGroup
        legend="Stance"
        values={SOURCE_STANCES}
        labels={SOURCE_STANCE_LABELS}
        selected={filter.sourceStance ?? []}
        onChange={(v) => set("sourceStance", v)}
      />
      <FilterCheckboxGroup
        legend="Likelihood"
        values={LIKELIHOODS}
        labels={LIKELIHOOD_LABELS}
        selected={filter.likelihood ?? []}
        onChange={(v) => set("likelihood", v)}
      />
      <SinglePicker
        label="Source"
        value={one(filter.sourceId)}
        options={(data?.sources ?? []).map((s) => ({
          value: String(s.id),
          label: `${s.name} (${s.count})`,
        }))}
        onChange={(v) => set("sourceId", v ? [Number(v)] : undefined)}
      />
      <SinglePicker
        label="Proposition"
        value={one(filter.propositionId)}
        options={(data?.propositions ?? []).map((p) => ({ value: String(p.id), label: p.text }))}
        onChange={(v) => set("propositionId", v ? [Number(v)] : undefined)}
      />
      <SinglePicker
        label="Publisher"
        value={one(filter.publisher)}
        options={(data?.publishers ?? []).map((p) => ({ value: p.value, label: p.value }))}
        onChange={(v) => set("publisher", v ? [v] : undefined)}
      />
      <SinglePicker
        label="Tag"
        value={one(filter.tag)}
        options={(data?.tags ?? []).map((t) => ({
          value: t.value,
          label: `${t.value} (${t.count})`,
        }))}
        onChange={(v) => set("tag", v ? [v] : undefined)}
      />
      <label className="flex items-center gap-1 text-sm text-slate-600">
        From
        <input
          type="date"
          value={filter.dateFrom ?? ""}
          onChange={(event) => set("dateFrom", event.target.value || undefined)}
          className="rounded border border-slate-300 px-1 py-0.5 text-sm"
        />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        To
        <input
          type="date"
          value={filter.dateTo ?? ""}
          onChange={(event) => set("dateTo", event.target.value || undefined)}
          className="rounded border border-slate-300 px-1 py-0.5 text-sm"
        />
      </label>
      {Object.keys(filter).length > 0 ? (
        <button
          type="button"
          onClick={() => {
            setDraft("");
            onChange({});
          }}
          className="rounded px-2 py-1 text-sm text-indigo-700 hover:underline"
        >
          Clear filters
        </button>
      ) : null}
      {facets.isError ? (
        <span role="alert" className="text-xs text-red-700">
          Could not load the filter choices: {facets.error.message}
        </span>
      ) : null}
    </search>
  );
}
