"use client";
/** The signed-in user's name and role, with "Sign out" and "Sign out everywhere". */
import type { AppRouter } from "@claimdesk/api";
import { type TUserRole, USER_ROLE_LABELS } from "@claimdesk/types";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useEffect, useId, useRef, useState } from "react";
import { authClient } from "~/lib/auth-client";

// The app bar sits outside the page's tRPC provider: a plain client for this one call.
const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc" })] });

export function AuthUserMenu({ name, role }: { name: string; role: TUserRole }) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Close on Escape (focus back on the button) and on a click outside.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  async function signOut(everywhere: boolean) {
    setBusy(true);
    setError(null);
    try {
      if (everywhere) await trpc.users.signOutEverywhere.mutate();
      // Clears this browser's cookie (and deletes its session if still there).
      await authClient.signOut();
      window.location.assign("/sign-in");
    } catch (e) {
      setError(`Signing out failed: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <div ref={rootRef} className="relative ml-auto pl-2">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-1.5 rounded px-1.5 py-0.5 text-sm whitespace-nowrap text-slate-200 hover:text-white focus-visible:outline-white"
      >
        <span data-testid="user-menu-name" className="max-w-40 truncate">
          {name}
        </span>
        <span className="rounded bg-slate-700 px-1 text-[11px] text-slate-200">
          {USER_ROLE_LABELS[role].label}
        </span>
        <span aria-hidden="true" className="text-[10px]">
          ▾
        </span>
        <span className="sr-only">account menu</span>
      </button>
      {open ? (
        <div
          id={`${id}-menu`}
          className="absolute right-0 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 text-sm whitespace-normal text-slate-800 shadow-lg"
        >
          <p className="px-2 py-1.5 text-xs text-slate-500">
            Signed in as <span className="font-medium text-slate-700">{name}</span> (
            {USER_ROLE_LABELS[role].description.replace(/\.$/, "").toLowerCase()}).
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => void signOut(false)}
            className="block w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 disabled:opacity-50"
          >
            Sign out
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void signOut(true)}
            aria-describedby={`${id}-everywhere-help`}
            className="block w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 disabled:opacity-50"
          >
            Sign out everywhere
          </button>
          <p id={`${id}-everywhere-help`} className="px-2 pb-1 text-[11px] text-slate-500">
            Ends your sessions in every browser and device.
          </p>
          {error ? (
            <p role="alert" className="px-2 pb-1 text-xs text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
