/** `/setup`: first run — whoever opens a fresh Claimdesk first creates the admin account. */
import { MIN_PASSWORD_LENGTH } from "@claimdesk/auth";
import { needsFirstAdmin } from "@claimdesk/db";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthSetupForm } from "~/components/auth/auth-setup-form";
import { getDb } from "~/server/db";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default function SetupPage() {
  if (!needsFirstAdmin(getDb())) redirect("/sign-in");
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Welcome to Claimdesk</h1>
      <p className="mb-6 text-sm text-slate-600">
        No account exists yet. Create the admin account: it manages users, roles and assignments,
        and can annotate too. There is no default password; choose one of at least{" "}
        {MIN_PASSWORD_LENGTH} characters.
      </p>
      <AuthSetupForm minPasswordLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
