/** `/admin/users`: accounts, roles, disabling and signing users out (admins only). */
import { MIN_PASSWORD_LENGTH } from "@claimdesk/auth";
import { roleAtLeast } from "@claimdesk/types";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AdminOnly } from "~/components/admin/admin-only";
import { UserAdmin } from "~/components/admin/user-admin";
import { getSessionUser } from "~/server/auth";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in?next=/admin/users");
  if (!roleAtLeast(user.role, "admin"))
    return <AdminOnly doing="Managing users" role={user.role} />;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Users</h1>
      <p className="mb-4 text-sm text-slate-600">
        Create accounts and set their roles. Disabling an account signs it out everywhere and stops
        it signing in; its annotations and history stay.
      </p>
      <UserAdmin currentUserId={user.id} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
