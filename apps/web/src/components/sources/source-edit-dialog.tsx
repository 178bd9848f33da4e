"use client";
/** Edits one registry source: name, aliases (one a line), kind, affiliation, country and
 * reliability. Saves with the version it opened (a change by someone else in between is shown
 * rather than overwritten); each field shows the server's message under it. */
import {
  RELIABILITIES,
  RELIABILITY_LABELS,
  SOURCE_AFFILIATION_LABELS,
  SOURCE_AFFILIATIONS,
  SOURCE_ALIASES_MAX,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_NAME_MAX,
  type TReliability,
  type TSourceAffiliation,
  type TSourceKind,
} from "@claimdesk/types";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { fieldErrorFor, formMessage, isConflict } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { FieldMessage } from "../shared/field-message";

type RegistrySource = RouterOutputs["corpus"]["sources"]["items"][number];

const SELECT = "w-full rounded border border-slate-300 bg-white px-1 py-1 text-sm";

export function SourceEditDialog({
  source,
  onClose,
  onSaved,
}: {
  source: RegistrySource;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(source.name);
  const [aliases, setAliases] = useState(source.aliases.join("\n"));
  const [kind, setKind] = useState<TSourceKind>(source.kind);
  const [affiliation, setAffiliation] = useState<TSourceAffiliation>(source.affiliation);
  const [country, setCountry] = useState(source.country ?? "");
  const [reliability, setReliability] = useState<TReliability>(source.reliability);
  const mutation = useMutation(
    trpc.source.update.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries();
        onSaved(`Saved "${saved.name}".`);
      },
    }),
  );
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const error = mutation.error;
  const nameError = fieldErrorFor(error, "name");
  const aliasesError = fieldErrorFor(error, "aliases");
  const countryError = fieldErrorFor(error, "country");
  const conflict = isConflict(error)
    ? "Someone else changed this source since you opened it: close and open it again to see their change."
    : undefined;
  const otherError =
    error && !nameError && !aliasesError && !countryError && !conflict
      ? formMessage(error)
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = country.trim().toUpperCase();
    mutation.mutate({
      id: source.id,
      version: source.version,
      patch: {
        name,
        aliases: aliases
          .split("\n")
          .map((a) => a.trim())
          .filter((a) => a !== ""),
        kind,
        affiliation,
        country: code === "" ? null : code,
        reliability,
      },
    });
  };

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-full max-w-lg rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="space-y-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Edit source
        </h2>
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
            Name
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={SOURCE_NAME_MAX}
            aria-invalid={nameError ? true : undefined}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <FieldMessage error={nameError} />
        </div>
        <div>
          <label htmlFor={`${id}-aliases`} className="block text-sm font-medium text-slate-700">
            Aliases <span className="font-normal text-slate-500">(one a line)</span>
          </label>
          <textarea
            id={`${id}-aliases`}
            value={aliases}
            onChange={(event) => setAliases(event.target.value)}
            rows={3}
            aria-invalid={aliasesError ? true : undefined}
            aria-describedby={`${id}-aliases-help`}
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <p id={`${id}-aliases-help`} className="text-[11px] text-slate-500">
            Up to {SOURCE_ALIASES_MAX} aliases of at most {SOURCE_NAME_MAX} characters; imports link
            a mention written as any of them to this source.
          </p>
          <FieldMessage error={aliasesError} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-kind`} className="block text-sm font-medium text-slate-700">
              Kind
            </label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(event) => setKind(event.target.value as TSourceKind)}
              className={SELECT}
            >
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k].label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-aff`} className="block text-sm font-medium text-slate-700">
              Affiliation
            </label>
            <select
              id={`${id}-aff`}
              value={affiliation}
              onChange={(event) => setAffiliation(event.target.value as TSourceAffiliation)}
              className={SELECT}
            >
              {SOURCE_AFFILIATIONS.map((a) => (
                <option key={a} value={a}>
                  {SOURCE_AFFILIATION_LABELS[a].label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-country`} className="block text-sm font-medium text-slate-700">
              Country <span className="font-normal text-slate-500">(ISO code, e.g. GB)</span>
            </label>
            <input
              id={`${id}-country`}
              value={country}
              onChange={(event) => setCountry(event.target.value)}
              maxLength={2}
              aria-invalid={countryError ? true : undefined}
              className="w-full rounded border border-slate-300 px-2 py-1 text-sm uppercase"
            />
            <FieldMessage error={countryError} />
          </div>
          <div>
            <label htmlFor={`${id}-rel`} className="block text-sm font-medium text-slate-700">
              Reliability
            </label>
            <select
              id={`${id}-rel`}
              value={reliability}
              onChange={(event) => setReliability(event.target.value as TReliability)}
              className={SELECT}
            >
              {RELIABILITIES.map((r) => (
                <option key={r} value={r} title={RELIABILITY_LABELS[r].description}>
                  {RELIABILITY_LABELS[r].label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FieldMessage error={conflict ?? otherError} />
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="rounded border border-slate-300 px-3 py-1 text-sm"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={mutation.isPending}
            className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
          >
            {mutation.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
