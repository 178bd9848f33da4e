/** `/admin/assignments`: deal articles to analysts (with overlap for agreement) and follow their
 * progress (admins only). Opened with claims-table params (`?status=accepted&q=…`), it offers the
 * articles matching that filter. */
import { roleAtLeast } from "@claimdesk/types";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { AdminOnly } from "~/components/admin/admin-only";
import { AssignmentAdmin } from "~/components/admin/assignment-admin";
import { LoadingState } from "~/components/shared/query-states";
import { getSessionUser } from "~/server/auth";

export const metadata: Metadata = { title: "Assignments" };

export default async function AssignmentsPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in?next=/admin/assignments");
  if (!roleAtLeast(user.role, "admin"))
    return <AdminOnly doing="Assigning articles" role={user.role} />;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Assignments</h1>
      <p className="mb-4 text-sm text-slate-600">
        Deal articles to analysts: each gets a near-equal share, and the overlap share of the
        articles also goes to a second analyst — the double-annotated set agreement is computed on.
        An analyst with assignments finds only their articles in the review queue.
      </p>
      {/* useSearchParams (the current claims filter) needs a Suspense boundary. */}
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <AssignmentAdmin />
      </Suspense>
    </div>
  );
}
