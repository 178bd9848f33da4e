/** `/claims`: every claim across the corpus — filter, sort, search, select, act in bulk. */
import type { Metadata } from "next";
import { Suspense } from "react";
import { ClaimsTableView } from "~/components/claims-table/claims-table-view";
import { LoadingState } from "~/components/shared/query-states";

export const metadata: Metadata = { title: "Claims" };

export default function ClaimsPage() {
  return (
    <div className="mx-auto max-w-[96rem] px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Claims</h1>
      {/* useSearchParams needs a Suspense boundary so the shell can render without the URL. */}
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <ClaimsTableView />
      </Suspense>
    </div>
  );
}
