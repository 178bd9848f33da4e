/** `/adjudication`: the claims analysts disagree on, and the adjudicator's decision on each. */
import { ZAdjudicationStatusSchema } from "@claimdesk/types";
import type { Metadata } from "next";
import { AdjudicationQueue } from "~/components/adjudication/adjudication-queue";

export const metadata: Metadata = { title: "Adjudication" };

export default async function AdjudicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const status = ZAdjudicationStatusSchema.catch("open").parse(params.status);
  const page = Math.max(1, Math.floor(Number(params.page) || 1));
  return (
    <div className="mx-auto max-w-[96rem] px-4 py-6">
      <h1 className="text-xl font-semibold tracking-tight">Adjudication</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Claims where the analysts&apos; submitted layers differ: whether it is a claim at all, its
        spans, registry source, quote type, proposition or a judgement field. Your decision of each
        disputed field forms the gold layer the exports use; the analysts&apos; versions stay
        visible next to it. Keys: <kbd className="font-mono">n</kbd>/
        <kbd className="font-mono">p</kbd> next and previous claim,{" "}
        <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> or{" "}
        <kbd className="font-mono">↓</kbd>/<kbd className="font-mono">↑</kbd> next and previous
        field, <kbd className="font-mono">1</kbd>–<kbd className="font-mono">9</kbd> take that
        analyst&apos;s value for the current field (<kbd className="font-mono">0</kbd> clears it),{" "}
        <kbd className="font-mono">Enter</kbd> or <kbd className="font-mono">s</kbd> save.
      </p>
      <AdjudicationQueue status={status} page={page} />
    </div>
  );
}
