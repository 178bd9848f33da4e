/** `/sign-in`: email + password. On an empty database it sends the first visitor to /setup. */
import { needsFirstAdmin } from "@claimdesk/db";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthSignInForm } from "~/components/auth/auth-sign-in-form";
import { safeNextPath } from "~/lib/auth-redirect";
import { getSessionUser } from "~/server/auth";
import { getDb } from "~/server/db";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  if (needsFirstAdmin(getDb())) redirect("/setup");
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser(await headers())) redirect(next);
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-1 text-xl font-semibold tracking-tight">Sign in to Claimdesk</h1>
      <p className="mb-6 text-sm text-slate-600">
        Accounts are created by an admin. Forgot your password? Ask an admin.
      </p>
      <AuthSignInForm next={next} />
    </div>
  );
}
