/** `/imports`: upload files to import, and follow every import job (uploads and command line). */
import type { Metadata } from "next";
import { Suspense } from "react";
import { ImportsBrowser } from "~/components/imports/imports-browser";
import { LoadingState } from "~/components/shared/query-states";

export const metadata: Metadata = { title: "Imports" };

export default function ImportsPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Imports</h1>
      {/* useSearchParams (the page number) needs a Suspense boundary. */}
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <ImportsBrowser />
      </Suspense>
    </div>
  );
}
