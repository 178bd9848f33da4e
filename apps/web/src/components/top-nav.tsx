/** The app bar: brand and section links. */
import Link from "next/link";

/** Every section of the workbench, in the order an analyst's day runs through them. */
const SECTIONS = [
  ["/", "Articles"],
  ["/queue", "Review queue"],
  ["/claims", "Claims"],
  ["/sources", "Sources"],
  ["/propositions", "Propositions"],
  ["/dashboard", "Dashboard"],
  ["/agreement", "Agreement"],
  ["/adjudication", "Adjudication"],
  ["/imports", "Imports"],
  ["/export", "Export"],
  ["/admin/users", "Users"],
  ["/admin/assignments", "Assignments"],
] as const;

export function TopNav() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-800 bg-slate-900 text-slate-100">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-[96rem] items-center gap-2 px-4">
        <Link
          href="/"
          className="rounded px-1 font-semibold tracking-tight text-white focus-visible:outline-white"
        >
          Claimdesk
        </Link>
        <span aria-hidden="true" className="text-slate-500">
          ·
        </span>
        {SECTIONS.map(([href, label]) => (
          <Link
            key={href}
            href={href}
            className="rounded px-1 text-sm text-slate-300 hover:text-white focus-visible:outline-white"
          >
            {label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
