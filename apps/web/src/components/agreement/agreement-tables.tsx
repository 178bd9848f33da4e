/** The Agreement page's tables: alpha per field, kappa and span F1 per pair, alpha per proposition. */
import {
  AGREEMENT_FIELD_INFO,
  AGREEMENT_FIELDS,
  type TAgreementPair,
  type TAgreementPropositionRow,
  type TAlphaFigure,
} from "@claimdesk/types";
import Link from "next/link";
import type { ReactNode } from "react";
import { ALPHA_READING_LABELS, formatFigure, readAlpha, undefinedReason } from "./agreement-format";

const READING_CLASSES = {
  reliable: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  tentative: "bg-amber-50 text-amber-800 ring-amber-200",
  unreliable: "bg-red-50 text-red-800 ring-red-200",
  undefined: "bg-slate-50 text-slate-600 ring-slate-200",
} as const;

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-2 align-top";
const num = "px-3 py-2 text-right align-top tabular-nums";

/** A figure: 3 decimals, or a dash whose title says why it is undefined. */
function Figure({ value, reason }: { value: number | null; reason: string | null }) {
  if (value === null)
    return (
      <span title={undefinedReason(reason)} className="text-slate-400">
        —<span className="sr-only"> (not enough data: {undefinedReason(reason)})</span>
      </span>
    );
  return <span className="font-medium text-slate-900">{formatFigure(value)}</span>;
}

/** A column of a figures table: numeric ones are right-aligned. */
interface Column {
  key: string;
  title: ReactNode;
  numeric?: boolean;
}

const fieldColumns: Column[] = AGREEMENT_FIELDS.map((field) => ({
  key: field,
  title: AGREEMENT_FIELD_INFO[field].label,
  numeric: true,
}));

/** The frame every table here shares: scrolling wrapper, labelled table, header row, body. */
function FigureTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? `${th} text-right` : th}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function AlphaTable({ fields }: { fields: readonly TAlphaFigure[] }) {
  return (
    <FigureTable
      label={"Alpha per field"}
      columns={[
        { key: "field", title: "Field" },
        { key: "level", title: "Level" },
        { key: "alpha", title: <span className="normal-case">α</span>, numeric: true },
        { key: "reading", title: "Reading" },
        { key: "units", title: "Units", numeric: true },
        { key: "coders", title: "Coders", numeric: true },
        { key: "pairable", title: "Pairable values", numeric: true },
        { key: "observed", title: "Observed agreement", numeric: true },
      ]}
    >
      {fields.map((f) => {
        const reading = readAlpha(f.alpha);
        const info = AGREEMENT_FIELD_INFO[f.field];
        return (
          <tr key={f.field} data-field={f.field}>
            <th scope="row" className={`${td} text-left font-medium text-slate-800`}>
              {info.label}
              <p className="text-xs font-normal text-slate-500">{info.description}</p>
            </th>
            <td className={`${td} capitalize text-slate-600`}>{f.level}</td>
            <td className={num} data-testid="alpha">
              <Figure value={f.alpha} reason={f.reason} />
            </td>
            <td className={td}>
              <span
                className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${READING_CLASSES[reading]}`}
              >
                {ALPHA_READING_LABELS[reading]}
              </span>
              {f.alpha === null ? (
                <p className="mt-1 text-xs text-slate-500">{undefinedReason(f.reason)}</p>
              ) : null}
            </td>
            <td className={num} data-testid="units">
              {f.units}
            </td>
            <td className={num} data-testid="coders">
              {f.coders}
            </td>
            <td className={num} data-testid="pairable">
              {f.pairableValues}
            </td>
            <td className={num}>
              <Figure value={f.observedAgreement} reason={f.reason} />
            </td>
          </tr>
        );
      })}
    </FigureTable>
  );
}

const pairLabel = (p: TAgreementPair) => `${p.a.name} & ${p.b.name}`;

export function KappaTable({ pairs }: { pairs: readonly TAgreementPair[] }) {
  return (
    <FigureTable
      label={"Cohen's kappa per analyst pair"}
      columns={[{ key: "pair", title: "Analysts" }, ...fieldColumns]}
    >
      {pairs.map((p) => (
        <tr key={`${p.a.id}-${p.b.id}`} data-pair={`${p.a.id}-${p.b.id}`}>
          <th scope="row" className={`${td} text-left font-medium text-slate-800`}>
            {pairLabel(p)}
          </th>
          {AGREEMENT_FIELDS.map((field) => {
            const k = p.kappas.find((x) => x.field === field);
            return (
              <td key={field} className={num} data-field={field}>
                <span data-testid="kappa">
                  <Figure value={k?.kappa ?? null} reason={k?.reason ?? "no_items"} />
                </span>
                <span className="block text-xs text-slate-500" data-testid="items">
                  n = {k?.items ?? 0}
                </span>
              </td>
            );
          })}
        </tr>
      ))}
    </FigureTable>
  );
}

const SPAN_PARTS = [
  ["content", "Content"],
  ["sourceMention", "Source mention"],
  ["cue", "Cue"],
] as const;

/**
 * Unitizing agreement per pair: for the content, source mention and cue spans of the claims each
 * analyst accepted or made, exact F1 (equal offsets) and overlap F1 (sharing a character), one to
 * one, micro-averaged over the articles both submitted.
 */
export function SpanTable({ pairs }: { pairs: readonly TAgreementPair[] }) {
  return (
    <FigureTable
      label={"Span agreement per analyst pair"}
      columns={[
        { key: "pair", title: "Analysts" },
        { key: "part", title: "Span" },
        { key: "articles", title: "Shared articles", numeric: true },
        { key: "a", title: "First's spans", numeric: true },
        { key: "b", title: "Second's spans", numeric: true },
        { key: "exact-matched", title: "Exact matches", numeric: true },
        { key: "exact-f1", title: "Exact F1", numeric: true },
        { key: "matched", title: "Overlap matches", numeric: true },
        { key: "f1", title: "Overlap F1", numeric: true },
      ]}
    >
      {pairs.flatMap((p) =>
        SPAN_PARTS.map(([part, label], i) => {
          const { exact, overlap } = p.spanParts[part];
          const reason = overlap.articles === 0 ? "no_items" : "no_pairable_values";
          return (
            <tr
              key={`${p.a.id}-${p.b.id}-${part}`}
              data-pair={`${p.a.id}-${p.b.id}`}
              data-part={part}
            >
              {i === 0 ? (
                <th
                  scope="rowgroup"
                  rowSpan={SPAN_PARTS.length}
                  className={`${td} text-left font-medium text-slate-800`}
                >
                  {pairLabel(p)}
                </th>
              ) : null}
              <th scope="row" className={`${td} text-left font-normal text-slate-700`}>
                {label}
              </th>
              <td className={num}>{overlap.articles}</td>
              <td className={num} data-testid="span-a">
                {overlap.aClaims}
              </td>
              <td className={num} data-testid="span-b">
                {overlap.bClaims}
              </td>
              <td className={num} data-testid="span-exact-matched">
                {exact.matched}
              </td>
              <td className={num} data-testid="span-exact-f1">
                <Figure value={exact.f1} reason={reason} />
              </td>
              <td className={num} data-testid="span-matched">
                {overlap.matched}
              </td>
              <td className={num} data-testid="span-f1">
                <Figure value={overlap.f1} reason={reason} />
              </td>
            </tr>
          );
        }),
      )}
    </FigureTable>
  );
}

export function PropositionAlphaTable({ rows }: { rows: readonly TAgreementPropositionRow[] }) {
  return (
    <FigureTable
      label={"Alpha per proposition"}
      columns={[
        { key: "proposition", title: "Proposition" },
        { key: "claims", title: "Annotated claims", numeric: true },
        ...fieldColumns,
      ]}
    >
      {rows.map((row) => (
        <tr key={row.proposition.id} data-proposition={row.proposition.id}>
          <th scope="row" className={`${td} max-w-xs text-left font-normal`}>
            <Link
              href={`/agreement?proposition=${row.proposition.id}`}
              className="text-indigo-800 hover:underline"
            >
              {row.proposition.text}
            </Link>
          </th>
          <td className={num}>{row.annotatedClaims}</td>
          {AGREEMENT_FIELDS.map((field) => {
            const f = row.fields.find((x) => x.field === field);
            return (
              <td key={field} className={num} data-field={field}>
                <span data-testid="alpha">
                  <Figure value={f?.alpha ?? null} reason={f?.reason ?? "no_pairable_values"} />
                </span>
                <span className="block text-xs text-slate-500">
                  {f?.units ?? 0} unit{f?.units === 1 ? "" : "s"}
                </span>
              </td>
            );
          })}
        </tr>
      ))}
    </FigureTable>
  );
}
