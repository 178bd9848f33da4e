"use client";
/** The first-run form: creates the first admin (auth.setup), then signs in as them. */
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { authClient } from "~/lib/auth-client";
import { signInErrorMessage } from "~/lib/auth-redirect";
import { fieldErrorFor, formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "./field-message";

const INPUT =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus-visible:outline-indigo-600";

export function AuthSetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const id = useId();
  const trpc = useTRPC();
  const setup = useMutation(trpc.auth.setup.mutationOptions());
  // Submitting waits for hydration; fields are read from the form (typed or autofilled early).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [signInError, setSignInError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (key: string) => String(data.get(key) ?? "");
    const [name, email, password] = [field("name"), field("email"), field("password")];
    if (password !== field("confirm")) {
      setConfirmError("The two passwords differ.");
      return;
    }
    setConfirmError(undefined);
    try {
      await setup.mutateAsync({ name, email, password });
    } catch {
      return; // shown from setup.error
    }
    const result = await authClient.signIn.email({ email: email.trim(), password });
    if (result.error) {
      setSignInError(
        `The admin account was created, but signing in failed: ${signInErrorMessage(result.error, null)}`,
      );
      return;
    }
    window.location.assign("/");
  }

  const error = setup.error;
  const nameError = fieldErrorFor(error, "name");
  const emailError = fieldErrorFor(error, "email");
  const passwordError = fieldErrorFor(error, "password");
  const otherError =
    error && !nameError && !emailError && !passwordError ? formMessage(error) : null;

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-3">
      <div>
        <label htmlFor={`${id}-name`} className="mb-0.5 block text-sm font-medium">
          Your name
        </label>
        <input
          id={`${id}-name`}
          autoComplete="name"
          required
          // biome-ignore lint/a11y/noAutofocus: the page exists to fill this form in
          autoFocus
          name="name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          className={INPUT}
        />
        <FieldMessage id={`${id}-name-error`} error={nameError} />
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="mb-0.5 block text-sm font-medium">
          Email (you sign in with it)
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          name="email"
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${id}-email-error` : undefined}
          className={INPUT}
        />
        <FieldMessage id={`${id}-email-error`} error={emailError} />
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="mb-0.5 block text-sm font-medium">
          Password
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          name="password"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={`${id}-password-help${passwordError ? ` ${id}-password-error` : ""}`}
          className={INPUT}
        />
        <p id={`${id}-password-help`} className="text-[11px] text-slate-500">
          At least {minPasswordLength} characters.
        </p>
        <FieldMessage id={`${id}-password-error`} error={passwordError} />
      </div>
      <div>
        <label htmlFor={`${id}-confirm`} className="mb-0.5 block text-sm font-medium">
          Password again
        </label>
        <input
          id={`${id}-confirm`}
          type="password"
          autoComplete="new-password"
          required
          name="confirm"
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
          className={INPUT}
        />
        <FieldMessage id={`${id}-confirm-error`} error={confirmError} />
      </div>
      {otherError || signInError ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {signInError ?? otherError}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={setup.isPending || !hydrated}
        className="w-full rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-50"
      >
        {setup.isPending ? "Creating the admin account…" : "Create the admin account"}
      </button>
    </form>
  );
}
