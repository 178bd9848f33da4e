/** Pieces the account forms share (sign-in, first run, the admin's new account): a labelled
 * field, the form's alert, its submit button. */
import type { ComponentProps, ReactNode } from "react";
import { FieldMessage } from "./field-message";

const INPUT =
  "w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus-visible:outline-indigo-600";

/**
 * A labelled input; `help` stays under it, `error` (if any) below that, both announced with it.
 * `compact` for a form beside other content (the users page) rather than a page of its own.
 */
export function TextField({
  id,
  label,
  help,
  error,
  compact = false,
  ...input
}: {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  compact?: boolean;
} & Omit<ComponentProps<"input">, "id" | "className">) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label
        htmlFor={id}
        className={`mb-0.5 block font-medium ${compact ? "text-xs text-slate-600" : "text-sm"}`}
      >
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`${INPUT} ${compact ? "py-1" : "py-1.5"}`}
        {...input}
      />
      {help ? (
        <p id={`${id}-help`} className="text-[11px] text-slate-500">
          {help}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

/** A refusal that belongs to the whole form rather than one field. */
export function FormAlert(props: Omit<ComponentProps<"p">, "role" | "className">) {
  return (
    <p
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      {...props}
    />
  );
}

export function SubmitButton({ disabled, children }: { disabled: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={disabled}
      className="w-full rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-50"
    >
      {children}
    </button>
  );
}
