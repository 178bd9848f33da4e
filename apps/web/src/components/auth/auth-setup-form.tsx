"use client";
/** The first-run form: creates the first admin (auth.setup), then signs in as them. */
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { authClient } from "~/lib/auth-client";
import { signInErrorMessage } from "~/lib/auth-redirect";
import { fieldErrorFor, formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { FormAlert, SubmitButton, TextField } from "../shared/form-parts";

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
      <TextField
        id={`${id}-name`}
        label="Your name"
        autoComplete="name"
        required
        autoFocus
        name="name"
        error={nameError}
      />
      <TextField
        id={`${id}-email`}
        label="Email (you sign in with it)"
        type="email"
        autoComplete="username"
        required
        name="email"
        error={emailError}
      />
      <TextField
        id={`${id}-password`}
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        name="password"
        help={`At least ${minPasswordLength} characters.`}
        error={passwordError}
      />
      <TextField
        id={`${id}-confirm`}
        label="Password again"
        type="password"
        autoComplete="new-password"
        required
        name="confirm"
        error={confirmError}
      />
      {otherError || signInError ? <FormAlert>{signInError ?? otherError}</FormAlert> : null}
      <SubmitButton disabled={setup.isPending || !hydrated}>
        {setup.isPending ? "Creating the admin account…" : "Create the admin account"}
      </SubmitButton>
    </form>
  );
}
