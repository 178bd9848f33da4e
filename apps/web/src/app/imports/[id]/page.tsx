/** `/imports/[id]`: one import job's counts, inputs and failed records. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ImportsJobDetail } from "~/components/imports/imports-job-detail";
import { LoadingState } from "~/components/shared/query-states";

export const metadata: Metadata = { title: "Import job" };

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const jobId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(jobId) || jobId < 1) notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <ImportsJobDetail jobId={jobId} />
      </Suspense>
    </div>
  );
}
