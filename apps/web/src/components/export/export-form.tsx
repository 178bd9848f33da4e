"use client";
/**
 * The export page's form: a format, the claims table's filters (kept in the URL, so a shared link
 * is the same selection), the number of claims selected, and a Download link to /api/export.
 */
import { CANONICAL_SCHEMA_VERSION, type TClaimFilter, type TExportFormat } from "@claimdesk/types";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import {
  claimFilterFromSearchParams,
  claimFilterToSearchParams,
  withSearchParams,
} from "~/lib/claim-filter-url";
import { FilterBar } from "../claims-table/filter-bar";
import { EXPORT_FORMAT_OPTIONS } from "./export-formats";

export function ExportForm() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = claimFilterFromSearchParams(searchParams);
  const formatParam = searchParams.get("format");
  const format: TExportFormat =
    EXPORT_FORMAT_OPTIONS.find((o) => o.value === formatParam)?.value ?? "jsonl";
  // Audit history: canonical JSONL only (`history=1`, in the URL like the rest of the form).
  const history = format === "jsonl" && searchParams.get("history") === "1";
  // Every analyst's layer beside gold: canonical JSONL only (`layers=1`).
  const layers = format === "jsonl" && searchParams.get("layers") === "1";
  // Unreviewed suggestions too (`all=1`); by default only claims reviewed in gold.
  const all = searchParams.get("all") === "1";
  const groupId = useId();
  const allId = useId();
  const historyId = useId();
  const layersId = useId();

  const setUrl = useCallback(
    (
      nextFilter: TClaimFilter,
      nextFormat: TExportFormat,
      extras: { history?: boolean; layers?: boolean; all?: boolean } = {},
    ) => {
      const params = claimFilterToSearchParams(nextFilter);
      if (extras.all) params.set("all", "1");
      if (nextFormat !== "jsonl") params.set("format", nextFormat);
      else {
        if (extras.history) params.set("history", "1");
        if (extras.layers) params.set("layers", "1");
      }
      router.replace(withSearchParams(pathname, params), { scroll: false });
    },
    [router, pathname],
  );

  const downloadParams = claimFilterToSearchParams(filter);
  downloadParams.set("format", format);
  if (history) downloadParams.set("history", "1");
  if (layers) downloadParams.set("layers", "1");
  if (all) downloadParams.set("all", "1");
  const downloadHref = `/api/export?${downloadParams.toString()}`;

  const countParams = claimFilterToSearchParams(filter);
  countParams.set("count", "1");
  if (all) countParams.set("all", "1");
  // FEVER and ClaimReview carry only judged claims: their count also says how many records.
  const judgedOnly = format === "fever" || format === "claimreview";
  if (judgedOnly) countParams.set("format", format);
  const countUrl = `/api/export?${countParams.toString()}`;
  const [count, setCount] = useState<{ url: string; claims: number; records?: number } | null>(
    null,
  );
  useEffect(() => {
    const controller = new AbortController();
    fetch(countUrl, { signal: controller.signal })
      .then((r) => r.json() as Promise<{ claims: number; records?: number }>)
      .then((body) => setCount({ url: countUrl, claims: body.claims, records: body.records }))
      .catch(() => {
        // aborted by a newer selection, or offline: the count simply stays unknown
      });
    return () => controller.abort();
  }, [countUrl]);

  const chosen = EXPORT_FORMAT_OPTIONS.find((o) => o.value === format);
  return (
    <div className="space-y-6">
      <fieldset aria-labelledby={groupId} className="space-y-2">
        <legend id={groupId} className="text-sm font-medium text-slate-800">
          Format
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {EXPORT_FORMAT_OPTIONS.map((o) => (
            <label
              key={o.value}
              className="flex cursor-pointer gap-2 rounded border border-slate-200 bg-white p-2 text-sm has-[:checked]:border-slate-900"
            >
              <input
                type="radio"
                name="format"
                value={o.value}
                checked={format === o.value}
                onChange={() => setUrl(filter, o.value, { history, layers, all })}
              />
              <span>
                <span className="font-medium">{o.label}</span>
                <span className="block text-slate-600">{o.description}</span>
              </span>
            </label>
          ))}
        </div>
        {format === "jsonl" ? (
          <div className="flex items-start gap-2 pt-1 text-sm">
            <input
              id={historyId}
              type="checkbox"
              checked={history}
              onChange={(event) =>
                setUrl(filter, format, { history: event.target.checked, layers, all })
              }
              aria-describedby={`${historyId}-help`}
              className="mt-1"
            />
            <label htmlFor={historyId}>
              <span className="font-medium">Include history</span>
              <span id={`${historyId}-help`} className="block text-slate-600">
                Adds each claim’s audit history (who changed which field, before → after, when) as a{" "}
                <code>history</code> array on its line.
              </span>
            </label>
          </div>
        ) : null}
        {format === "jsonl" ? (
          <div className="flex items-start gap-2 pt-1 text-sm">
            <input
              id={layersId}
              type="checkbox"
              checked={layers}
              onChange={(event) =>
                setUrl(filter, format, { history, layers: event.target.checked, all })
              }
              aria-describedby={`${layersId}-help`}
              className="mt-1"
            />
            <label htmlFor={layersId}>
              <span className="font-medium">Include every analyst’s layer</span>
              <span id={`${layersId}-help`} className="block text-slate-600">
                Each line carries the gold layer; this adds a <code>layers</code> array with the
                rule’s proposal and each analyst’s own version of the claim (the ones you may see).
              </span>
            </label>
          </div>
        ) : null}
      </fieldset>

      <section aria-label="Selection" className="space-y-2">
        <h2 className="text-sm font-medium text-slate-800">Selection</h2>
        <div className="flex items-start gap-2 text-sm">
          <input
            id={allId}
            type="checkbox"
            checked={all}
            onChange={(event) =>
              setUrl(filter, format, { history, layers, all: event.target.checked })
            }
            aria-describedby={`${allId}-help`}
            className="mt-1"
          />
          <label htmlFor={allId}>
            <span className="font-medium">Include unreviewed suggestions</span>
            <span id={`${allId}-help`} className="block text-slate-600">
              Without a status filter an export holds the reviewed claims only: those accepted or
              rejected in the gold layer. This adds the rule suggestions no decision settled.
            </span>
          </label>
        </div>
        <FilterBar
          filter={filter}
          onChange={(next) => setUrl(next, format, { history, layers, all })}
        />
      </section>

      <div className="flex flex-wrap items-center gap-4">
        <a
          href={downloadHref}
          download
          className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Download {chosen?.label ?? format}
        </a>
        <output aria-live="polite" className="text-sm text-slate-700">
          {count?.url === countUrl
            ? countMessage(format, count.claims, count.records)
            : "Counting…"}
        </output>
        <a
          href={`/api/schema/${CANONICAL_SCHEMA_VERSION}.schema.json`}
          className="text-sm text-slate-700 underline"
        >
          JSON Schema ({CANONICAL_SCHEMA_VERSION})
        </a>
      </div>
    </div>
  );
}

const plural = (n: number, word: string) =>
  `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/** "12 claims selected", and for FEVER/ClaimReview how many records, or why there are none. */
function countMessage(format: TExportFormat, claims: number, records: number | undefined): string {
  const selected = `${plural(claims, "claim")} selected`;
  if (records === undefined) return selected;
  if (records > 0) return `${selected}: ${plural(records, "record")} in the file`;
  const why =
    format === "fever" ? "no claim has a verdict" : "no claim has a verdict or a likelihood";
  return `0 records: ${why} (${selected}); the file will be empty`;
}
