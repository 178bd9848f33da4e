/** Reads what the API's error formatter adds: field errors (zod-flattened) and conflicts. */
import type { AppRouter } from "@claimdesk/api";
import { TRPCClientError } from "@trpc/client";

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** A stale `version` or a taken name: someone else's change got there first. */
export function isConflict(error: unknown): error is ApiError {
  return isApiError(error) && error.data?.code === "CONFLICT";
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.data?.code === "NOT_FOUND";
}

/** The validation messages the API gave for the first of `keys` it named, if any. */
export function fieldErrorFor(error: unknown, ...keys: string[]): string | undefined {
  if (!isApiError(error)) return undefined;
  const fieldErrors = error.data?.zodError?.fieldErrors ?? {};
  for (const key of keys) {
    const messages = fieldErrors[key];
    if (messages && messages.length > 0) return messages.join(" ");
  }
  // A nested field is also keyed by its path ("patch.name", "aliases.1"): match its last names.
  for (const [path, messages] of Object.entries(fieldErrors)) {
    if (!messages || messages.length === 0) continue;
    const parts = path.split(".").filter((p) => !/^\d+$/.test(p));
    if (parts.length > 1 && keys.includes(parts[parts.length - 1] ?? "")) return messages.join(" ");
  }
  return undefined;
}

/** A message for the form as a whole: form-level validation errors, else the error's message. */
export function formMessage(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : "Something went wrong.";
  const formErrors = error.data?.zodError?.formErrors ?? [];
  return formErrors.length > 0 ? formErrors.join(" ") : error.message;
}

/**
 * The message to show next to one field: its validation errors if the API named it (directly or
 * under an input object that holds it, such as `patch` or `values`), else the form's message.
 */
export function fieldMessage(error: unknown, field: string, containers: string[] = []): string {
  return fieldErrorFor(error, field, ...containers) ?? formMessage(error);
}
