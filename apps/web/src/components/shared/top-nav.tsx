/** The app bar: brand, the sections the signed-in user's role can use, and the user menu. */
import { roleAtLeast, type TUserRole } from "@claimdesk/types";
import { headers } from "next/headers";
import Link from "next/link";
import { getSessionUser } from "~/server/auth";
import { AuthUserMenu } from "../auth/auth-user-menu";

/** Every section of the workbench, in the order an analyst's day runs through them, with the
 * least role that can use it (the server enforces the same rules on every call). */
const SECTIONS: ReadonlyArray<readonly [href: string, label: string, least: TUserRole]> = [
  ["/", "Articles", "viewer"],
  ["/queue", "Review queue", "analyst"],
  ["/claims", "Claims", "viewer"],
  ["/sources", "Sources", "viewer"],
  ["/propositions", "Propositions", "viewer"],
  ["/dashboard", "Dashboard", "viewer"],
  ["/agreement", "Agreement", "viewer"],
  ["/adjudication", "Adjudication", "adjudicator"],
  ["/imports", "Imports", "viewer"],
  ["/export", "Export", "viewer"],
  ["/admin/users", "Users", "admin"],
  ["/admin/assignments", "Assignments", "admin"],
];

export async function TopNav() {
  const user = await getSessionUser(await headers());
  return (
    <header className="sticky top-0 z-30 border-b border-slate-800 bg-slate-900 text-slate-100">
      <nav
        aria-label="Main"
        className="mx-auto flex h-12 max-w-[96rem] items-center gap-x-1.5 px-4 whitespace-nowrap"
      >
        <Link
          href="/"
          className="rounded px-1 font-semibold tracking-tight text-white focus-visible:outline-white"
        >
          Claimdesk
        </Link>
        {user ? (
          <>
            <span aria-hidden="true" className="text-slate-500">
              ·
            </span>
            {SECTIONS.filter(([, , least]) => roleAtLeast(user.role, least)).map(
              ([href, label]) => (
                <Link
                  key={href}
                  href={href}
                  className="rounded px-1 text-sm text-slate-300 hover:text-white focus-visible:outline-white"
                >
                  {label}
                </Link>
              ),
            )}
            <AuthUserMenu name={user.name} role={user.role} />
          </>
        ) : null}
      </nav>
    </header>
  );
}
