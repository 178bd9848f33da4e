/** What an admin page shows a signed-in user without the admin role. */
import type { TUserRole } from "@claimdesk/types";

export function AdminOnly({ doing, role }: { doing: string; role: TUserRole }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Admins only</h1>
      <p className="mt-2 text-sm text-slate-600">
        {doing} needs the admin role; you are signed in as {role}.
      </p>
    </div>
  );
}
