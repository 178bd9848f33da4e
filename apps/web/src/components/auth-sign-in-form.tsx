"use client";
/** The sign-in form: better-auth's email + password endpoint, with every refusal in words. */
import { useEffect, useId, useRef, useState } from "react";
import { authClient } from "~/lib/auth-client";
import { signInErrorMessage } from "~/lib/auth-redirect";

const INPUT =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus-visible:outline-indigo-600";

export function AuthSignInForm({ next }: { next: string }) {
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Submitting waits for hydration: before it, a click would post the form natively.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the form, not from state: typing or a password manager's autofill may come
    // before hydration.
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (email === "" || password === "") {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    let retryAfter: string | null = null;
    try {
      const result = await authClient.signIn.email(
        { email, password },
        {
          onError: (context) => {
            retryAfter = context.response.headers.get("X-Retry-After");
          },
        },
      );
      if (result.error) {
        setError(signInErrorMessage(result.error, retryAfter));
        setPending(false);
        passwordRef.current?.select();
        return;
      }
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
      setPending(false);
      return;
    }
    // A full load, so the server renders the navigation for this user.
    window.location.assign(next);
  }

  return (
    <form
      method="post"
      onSubmit={submit}
      aria-describedby={error ? `${id}-error` : undefined}
      noValidate
    >
      <div className="space-y-3">
        <div>
          <label htmlFor={`${id}-email`} className="mb-0.5 block text-sm font-medium">
            Email
          </label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            // biome-ignore lint/a11y/noAutofocus: the page exists to fill this form in
            autoFocus
            name="email"
            className={INPUT}
          />
        </div>
        <div>
          <label htmlFor={`${id}-password`} className="mb-0.5 block text-sm font-medium">
            Password
          </label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            required
            name="password"
            aria-invalid={error ? true : undefined}
            className={INPUT}
          />
        </div>
        {error ? (
          <p
            id={`${id}-error`}
            role="alert"
            data-testid="sign-in-error"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending || !hydrated}
          className="w-full rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-50"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
