"use client";
/** The sign-in form: better-auth's email + password endpoint, with every refusal in words. */
import { useEffect, useId, useRef, useState } from "react";
import { authClient } from "~/lib/auth-client";
import { signInErrorMessage } from "~/lib/auth-redirect";
import { FormAlert, SubmitButton, TextField } from "../shared/form-parts";

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
        <TextField
          id={`${id}-email`}
          label="Email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          name="email"
        />
        <TextField
          ref={passwordRef}
          id={`${id}-password`}
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          name="password"
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <FormAlert id={`${id}-error`} data-testid="sign-in-error">
            {error}
          </FormAlert>
        ) : null}
        <SubmitButton disabled={pending || !hydrated}>
          {pending ? "Signing in…" : "Sign in"}
        </SubmitButton>
      </div>
    </form>
  );
}
