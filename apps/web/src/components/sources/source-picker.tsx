"use client";
/** Links a claim to a source from the registry (filtered by name or alias), or creates a new one. */
import {
  RELIABILITIES,
  RELIABILITY_LABELS,
  SOURCE_AFFILIATION_LABELS,
  SOURCE_AFFILIATIONS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_NAME_MAX,
  SOURCE_QUERY_MAX,
  type TReliability,
  type TSourceAffiliation,
  type TSourceKind,
} from "@claimdesk/types";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { fieldErrorFor, formMessage, isConflict } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { ClaimDetail } from "~/trpc/types";
import { EnumSelect } from "../shared/enum-select";
import { FieldMessage } from "../shared/field-message";
import { useDebounced } from "../shared/use-debounced";

const FILTER_DEBOUNCE_MS = 200;

function NewSourceForm({
  initialName,
  onCreated,
  onCancel,
}: {
  initialName: string;
  onCreated: (sourceId: number) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<TSourceKind>("generic");
  const [affiliation, setAffiliation] = useState<TSourceAffiliation>("unknown");
  const [country, setCountry] = useState("");
  const [reliability, setReliability] = useState<TReliability>("F");
  const create = useMutation(
    trpc.source.create.mutationOptions({ onSuccess: (s) => onCreated(s.id) }),
  );
  const error = create.error;
  const nameError = isConflict(error)
    ? "A source with this name or alias already exists: pick it from the list instead."
    : fieldErrorFor(error, "name");
  const kindError = fieldErrorFor(error, "kind");
  const countryError = fieldErrorFor(error, "country");
  const otherError =
    error &&
    !nameError &&
    !kindError &&
    !countryError &&
    !fieldErrorFor(error, "affiliation", "reliability")
      ? formMessage(error)
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = country.trim().toUpperCase();
    create.mutate({ name, kind, affiliation, reliability, country: code === "" ? null : code });
  };

  return (
    <form
      onSubmit={submit}
      aria-label="New source"
      className="space-y-2 rounded-md border border-slate-200 bg-white p-2"
    >
      <div>
        <label htmlFor={`${id}-name`} className="mb-0.5 block text-xs font-medium text-slate-600">
          New source name
        </label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={SOURCE_NAME_MAX}
          required
          aria-invalid={nameError ? true : undefined}
          className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <FieldMessage error={nameError} />
      </div>
      <div className="grid grid-cols-2 gap-x-3">
        <EnumSelect
          label="Kind"
          value={kind}
          values={SOURCE_KINDS}
          labels={SOURCE_KIND_LABELS}
          help="Who speaks."
          onChange={(v) => setKind(v ?? "generic")}
          error={kindError}
        />
        <EnumSelect
          label="Affiliation"
          value={affiliation}
          values={SOURCE_AFFILIATIONS}
          labels={SOURCE_AFFILIATION_LABELS}
          help="The sector the source belongs to."
          onChange={(v) => setAffiliation(v ?? "unknown")}
          error={fieldErrorFor(error, "affiliation")}
        />
        <div className="min-w-0">
          <label
            htmlFor={`${id}-country`}
            className="mb-0.5 block text-xs font-medium text-slate-600"
          >
            Country
          </label>
          <input
            id={`${id}-country`}
            value={country}
            maxLength={2}
            onChange={(event) => setCountry(event.target.value)}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={`${id}-country-help`}
            placeholder="IQ"
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm uppercase"
          />
          <p id={`${id}-country-help`} className="mt-0.5 text-[11px] text-slate-500">
            ISO 3166-1 alpha-2, optional.
          </p>
          <FieldMessage error={countryError} />
        </div>
        <EnumSelect
          label="Reliability"
          value={reliability}
          values={RELIABILITIES}
          labels={RELIABILITY_LABELS}
          help="Admiralty code A–F for the source."
          onChange={(v) => setReliability(v ?? "F")}
          error={fieldErrorFor(error, "reliability")}
        />
      </div>
      <FieldMessage error={otherError} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create and link"}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

export function SourcePicker({
  claim,
  onChoose,
  busy,
  error,
}: {
  claim: ClaimDetail;
  onChoose: (sourceId: number | null) => void;
  busy: boolean;
  error: string | undefined;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState("");
  const query = useDebounced(filter.trim(), FILTER_DEBOUNCE_MS);
  const filterRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const sources = useQuery({
    ...trpc.source.list.queryOptions({ query: query || undefined, limit: 8 }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const source = claim.source;

  useEffect(() => {
    if (open && !creating) filterRef.current?.focus();
  }, [open, creating]);

  const close = () => {
    setOpen(false);
    setCreating(false);
    toggleRef.current?.focus();
  };
  const choose = (sourceId: number | null) => {
    if (sourceId !== claim.sourceId) onChoose(sourceId);
    close();
  };

  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <span id={`${id}-label`} className="text-xs font-medium text-slate-600">
          Source
        </span>
        <button
          ref={toggleRef}
          type="button"
          data-shortcut="source"
          aria-keyshortcuts="w"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => (open ? close() : setOpen(true))}
          className="rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
        >
          {open ? "Close" : source ? "Change source" : "Link source"}
        </button>
      </div>
      <p className="text-sm" aria-busy={busy || undefined}>
        {source ? (
          <>
            <span className="font-medium text-slate-900">{source.name}</span>{" "}
            <span
              className="text-xs text-slate-500"
              title={SOURCE_KIND_LABELS[source.kind].description}
            >
              {SOURCE_KIND_LABELS[source.kind].label} · reliability {source.reliability}
            </span>
          </>
        ) : (
          <span className="text-slate-500">Not linked to the registry</span>
        )}
        {busy ? <span className="ml-2 text-xs text-slate-500">Saving…</span> : null}
      </p>
      <FieldMessage error={error} />

      {open ? (
        <fieldset
          id={`${id}-panel`}
          className="mt-1 min-w-0 space-y-2 rounded-md border border-slate-200 bg-white p-2 shadow-sm"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              close();
            }
          }}
        >
          <legend className="sr-only">Choose a source</legend>
          {creating ? (
            <NewSourceForm
              // What the analyst typed in the filter is the name they mean; the mention only when
              // they typed nothing.
              initialName={filter.trim() || claim.sourceText || ""}
              onCreated={(sourceId) => choose(sourceId)}
              onCancel={() => setCreating(false)}
            />
          ) : (
            <>
              <input
                ref={filterRef}
                data-shortcut-input="source"
                type="search"
                aria-label="Filter sources"
                placeholder="Filter by name or alias"
                maxLength={SOURCE_QUERY_MAX}
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                onKeyDown={(event) => {
                  // Enter takes the best match; ↓ walks the list.
                  const first = sources.data?.items[0];
                  if (event.key === "Enter" && first) {
                    event.preventDefault();
                    choose(first.id);
                  } else if (event.key === "ArrowDown") {
                    event.preventDefault();
                    listRef.current?.querySelector("button")?.focus();
                  }
                }}
                aria-describedby={`${id}-filter-help`}
                className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
              <p id={`${id}-filter-help`} className="text-[11px] text-slate-500">
                Enter links the first match · ↓ ↑ walk the list · Esc closes
              </p>
              {sources.isError ? (
                <p role="alert" className="text-xs text-red-700">
                  Sources could not be loaded: {sources.error.message}
                </p>
              ) : sources.data && sources.data.items.length > 0 ? (
                <ul
                  ref={listRef}
                  aria-label="Matching sources"
                  className="max-h-48 overflow-y-auto"
                  onKeyDown={(event) => {
                    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
                    event.preventDefault();
                    const buttons = Array.from(listRef.current?.querySelectorAll("button") ?? []);
                    const at = buttons.indexOf(event.target as HTMLButtonElement);
                    const next = at + (event.key === "ArrowDown" ? 1 : -1);
                    if (next < 0) filterRef.current?.focus();
                    else buttons[Math.min(next, buttons.length - 1)]?.focus();
                  }}
                >
                  {sources.data.items.map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        onClick={() => choose(s.id)}
                        aria-current={s.id === claim.sourceId ? "true" : undefined}
                        className="flex w-full items-baseline justify-between gap-2 rounded px-2 py-1 text-left text-sm hover:bg-indigo-50 aria-[current=true]:bg-indigo-50"
                      >
                        <span className="min-w-0 truncate">
                          {s.name}
                          {s.aliases.length > 0 ? (
                            <span className="text-xs text-slate-500">
                              {" "}
                              ({s.aliases.slice(0, 3).join(", ")})
                            </span>
                          ) : null}
                        </span>
                        <span className="shrink-0 text-[11px] text-slate-500">
                          {SOURCE_KIND_LABELS[s.kind].label} · {s.claimCount}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="px-1 text-xs text-slate-500">
                  {sources.isPending ? "Loading sources…" : "No source matches."}
                </p>
              )}
              <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-2">
                <button
                  type="button"
                  onClick={() => setCreating(true)}
                  className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
                >
                  Create new source
                </button>
                {source ? (
                  <button
                    type="button"
                    onClick={() => choose(null)}
                    className="rounded-md px-2 py-1 text-xs text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
                  >
                    Unlink source
                  </button>
                ) : null}
              </div>
            </>
          )}
        </fieldset>
      ) : null}
    </div>
  );
}
