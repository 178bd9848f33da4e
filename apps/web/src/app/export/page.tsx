/** `/export`: choose a format and a selection (the claims table's filters), then download. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { ExportForm } from "~/components/export/export-form";
import { LoadingState } from "~/components/shared/query-states";

export const metadata: Metadata = { title: "Export" };

export default function ExportPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Export</h1>
      <p className="mb-4 text-sm text-slate-600">
        Download the annotated claims in a standard format. The selection uses the claims
        table&apos;s filters: links from the table carry its view here. For train/dev/test splits
        and a dataset card, use <code>pnpm worker export --split 80/10/10</code>.
      </p>
      {/* useSearchParams needs a Suspense boundary so the shell can render without the URL. */}
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <ExportForm />
      </Suspense>
    </div>
  );
}
