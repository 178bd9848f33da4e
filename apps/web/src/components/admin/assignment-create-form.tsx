"use client";
/**
 * A new assignment set: articles (chosen one by one, or every article with a claim a claims-table
 * filter matches), analysts, overlap and label; "Preview the deal" shows what each analyst would
 * get, and only that previewed deal (same seed) can be saved.
 */
import { type TAssignmentSetCreateInput, USER_ROLE_LABELS } from "@claimdesk/types";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { fieldErrorFor, formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../shared/field-message";
import { AssignmentArticlePicker, type ChosenArticles } from "./assignment-article-picker";
import { claimsViewFromText } from "./assignment-filter";

const INPUT = "w-full rounded border border-slate-300 px-2 py-1 text-sm";
const LABEL = "mb-0.5 block text-xs font-medium text-slate-600";

const newSeed = () => Math.floor(Math.random() * 2 ** 31);

type Mode = "articles" | "filter";

export function AssignmentCreateForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const searchParams = useSearchParams();
  // Opened from a claims view (/admin/assignments?status=accepted…): offer its articles.
  const currentView = useMemo(() => claimsViewFromText(searchParams.toString()), [searchParams]);
  const hasCurrentView = currentView.search !== "";

  const [label, setLabel] = useState("");
  const [mode, setMode] = useState<Mode>(hasCurrentView ? "filter" : "articles");
  const [chosen, setChosen] = useState<ChosenArticles>(new Map());
  const [filterText, setFilterText] = useState(
    hasCurrentView ? `/claims?${currentView.search}` : "",
  );
  const [analystIds, setAnalystIds] = useState<number[]>([]);
  const [overlap, setOverlap] = useState("20");
  const [seed, setSeed] = useState(newSeed);
  const [created, setCreated] = useState<string | null>(null);

  const candidates = useQuery(trpc.assignment.candidates.queryOptions());
  const preview = useMutation(trpc.assignment.preview.mutationOptions());
  const create = useMutation(trpc.assignment.create.mutationOptions());

  const view = mode === "filter" ? claimsViewFromText(filterText) : null;
  const overlapPercent = overlap.trim() === "" ? Number.NaN : Number(overlap);
  const input: TAssignmentSetCreateInput = {
    label,
    analystIds,
    // NaN travels as null: the API then names the field.
    overlapPercent,
    seed,
    ...(view
      ? { filter: view.filter, filterSearch: view.search }
      : { articleIds: [...chosen.keys()] }),
  };
  const inputKey = JSON.stringify(input);
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const previewIsCurrent = preview.isSuccess && previewKey === inputKey;

  const error = create.error ?? (previewKey === inputKey ? preview.error : null);
  const errors = {
    label: fieldErrorFor(error, "label"),
    articles: fieldErrorFor(error, "articleIds", "filter", "filterSearch"),
    analysts: fieldErrorFor(error, "analystIds"),
    overlap: fieldErrorFor(error, "overlapPercent"),
  };
  const otherError = error && !Object.values(errors).some(Boolean) ? formMessage(error) : undefined;

  const runPreview = () => {
    setCreated(null);
    create.reset();
    setPreviewKey(inputKey);
    preview.mutate(input);
  };

  const toggleAnalyst = (analystId: number, on: boolean) =>
    setAnalystIds((ids) => (on ? [...ids, analystId] : ids.filter((x) => x !== analystId)));

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="mb-3 text-sm font-semibold">
        New assignment set
      </h2>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          runPreview();
        }}
      >
        <div className="max-w-md">
          <label htmlFor={`${id}-label`} className={LABEL}>
            Label
          </label>
          <input
            id={`${id}-label`}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            placeholder="e.g. Week 12 — drought coverage"
            aria-invalid={errors.label ? true : undefined}
            className={INPUT}
          />
          <FieldMessage error={errors.label} />
        </div>

        <fieldset>
          <legend className={LABEL}>Articles</legend>
          <div className="mb-2 flex flex-wrap gap-4 text-sm" role="radiogroup">
            <label className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === "articles"}
                onChange={() => setMode("articles")}
              />
              Choose articles
            </label>
            <label className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === "filter"}
                onChange={() => setMode("filter")}
              />
              Articles matching a claims filter
            </label>
          </div>
          {mode === "articles" ? (
            <AssignmentArticlePicker
              chosen={chosen}
              onChange={setChosen}
              describedBy={errors.articles ? `${id}-articles-error` : undefined}
            />
          ) : (
            <div className="max-w-2xl space-y-1">
              <label htmlFor={`${id}-filter`} className={LABEL}>
                Claims view (paste its URL from{" "}
                <Link href="/claims" className="text-indigo-700 underline">
                  Claims
                </Link>
                )
              </label>
              <input
                id={`${id}-filter`}
                value={filterText}
                onChange={(event) => setFilterText(event.target.value)}
                placeholder="http://…/claims?status=accepted&q=drought"
                aria-describedby={`${id}-filter-help`}
                className={INPUT}
              />
              <p id={`${id}-filter-help`} className="text-xs text-slate-500">
                Every article with at least one claim in this view is dealt.{" "}
                {view?.search ? (
                  <>
                    Filter read: <code className="font-mono">{view.search}</code>
                  </>
                ) : (
                  "No filter: every article with a claim."
                )}
              </p>
              {hasCurrentView && filterText !== `/claims?${currentView.search}` ? (
                <button
                  type="button"
                  onClick={() => setFilterText(`/claims?${currentView.search}`)}
                  className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50"
                >
                  Use the current claims filter
                </button>
              ) : null}
            </div>
          )}
          <FieldMessage id={`${id}-articles-error`} error={errors.articles} />
        </fieldset>

        <fieldset aria-describedby={errors.analysts ? `${id}-analysts-error` : undefined}>
          <legend className={LABEL}>Analysts</legend>
          {candidates.isPending ? (
            <p className="text-sm text-slate-500">Loading accounts…</p>
          ) : candidates.isError ? (
            <p role="alert" className="text-sm text-red-700">
              The accounts could not be loaded: {candidates.error.message}
            </p>
          ) : (
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {candidates.data.map((u) => (
                <label key={u.id} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={analystIds.includes(u.id)}
                    onChange={(event) => toggleAnalyst(u.id, event.target.checked)}
                  />
                  {u.name}
                  {u.role !== "analyst" ? (
                    <span className="text-xs text-slate-500">
                      ({USER_ROLE_LABELS[u.role].label})
                    </span>
                  ) : null}
                </label>
              ))}
            </div>
          )}
          <FieldMessage id={`${id}-analysts-error`} error={errors.analysts} />
        </fieldset>

        <div className="w-40">
          <label htmlFor={`${id}-overlap`} className={LABEL}>
            Overlap (%)
          </label>
          <input
            id={`${id}-overlap`}
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            value={overlap}
            onChange={(event) => setOverlap(event.target.value)}
            aria-describedby={`${id}-overlap-help`}
            aria-invalid={errors.overlap ? true : undefined}
            className={INPUT}
          />
          <p id={`${id}-overlap-help`} className="text-xs text-slate-500">
            Share also given to a second analyst.
          </p>
          <FieldMessage error={errors.overlap} />
        </div>

        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            disabled={preview.isPending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
          >
            {preview.isPending ? "Dealing…" : "Preview the deal"}
          </button>
          {otherError ? (
            <p role="alert" className="text-sm text-red-700">
              {otherError}
            </p>
          ) : null}
          {created ? (
            <p role="status" className="text-sm text-emerald-700">
              {created}
            </p>
          ) : null}
        </div>
      </form>

      {previewIsCurrent && preview.data ? (
        <section
          aria-labelledby={`${id}-preview-heading`}
          data-testid="assignment-preview"
          className="mt-4 rounded-md border border-indigo-200 bg-indigo-50/50 p-3"
        >
          <h3 id={`${id}-preview-heading`} className="text-sm font-semibold">
            The deal
          </h3>
          <p className="text-sm text-slate-700">
            {preview.data.articles} articles; {preview.data.doubleAnnotated} double-annotated.
          </p>
          <table className="mt-2 text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="pr-6 font-medium">
                  Analyst
                </th>
                <th scope="col" className="pr-6 text-right font-medium">
                  Articles
                </th>
                <th scope="col" className="text-right font-medium">
                  Shared with another analyst
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.data.analysts.map((a) => (
                <tr key={a.analystId}>
                  <th scope="row" className="pr-6 text-left font-normal">
                    {a.name}
                  </th>
                  <td className="pr-6 text-right tabular-nums">{a.articles}</td>
                  <td className="text-right tabular-nums">{a.shared}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              disabled={create.isPending}
              onClick={() => {
                const savedLabel = label.trim();
                create.mutate(input, {
                  onSuccess: async (set) => {
                    setCreated(
                      `Saved "${savedLabel}": ${set.articles} articles dealt to ${set.analysts.length} ${set.analysts.length === 1 ? "analyst" : "analysts"}.`,
                    );
                    setLabel("");
                    setChosen(new Map());
                    setSeed(newSeed());
                    preview.reset();
                    setPreviewKey(null);
                    await queryClient.invalidateQueries({
                      queryKey: trpc.assignment.list.queryKey(),
                    });
                  },
                });
              }}
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
            >
              {create.isPending ? "Saving…" : "Create assignment set"}
            </button>
            <button
              type="button"
              onClick={() => {
                const next = newSeed();
                setSeed(next);
                setPreviewKey(JSON.stringify({ ...input, seed: next }));
                preview.mutate({ ...input, seed: next });
              }}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              Deal again
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
