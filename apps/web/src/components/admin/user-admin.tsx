"use client";
/** The admin's user list (role, disable/enable, sign out everywhere) and the new-account form. */
import { type TUserRole, USER_ROLE_LABELS, USER_ROLES } from "@claimdesk/types";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { formatDate } from "~/lib/format-date";
import { fieldErrorFor, formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { FieldMessage } from "../shared/field-message";
import { SubmitButton, TextField } from "../shared/form-parts";
import { ErrorState, LoadingState } from "../shared/query-states";

type UserRow = RouterOutputs["users"]["list"][number];

const INPUT =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus-visible:outline-indigo-600";
const SMALL_BUTTON =
  "rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

export function UserAdmin({
  currentUserId,
  minPasswordLength,
}: {
  currentUserId: number;
  minPasswordLength: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.users.list.queryOptions());
  const [notice, setNotice] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_18rem]">
      <section aria-labelledby="users-heading" className="min-w-0">
        <h2 id="users-heading" className="sr-only">
          Accounts
        </h2>
        <p
          role="status"
          aria-live="polite"
          data-testid="users-notice"
          className="mb-2 text-sm text-emerald-800"
        >
          {notice}
        </p>
        {list.isPending ? (
          <LoadingState label="Loading the accounts…" />
        ) : list.isError ? (
          <ErrorState
            title="The accounts could not be loaded."
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Role
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="hidden px-3 py-2 font-medium 2xl:table-cell">
                    Created
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.data.map((user) => (
                  <UserRowView
                    key={user.id}
                    user={user}
                    isSelf={user.id === currentUserId}
                    onChanged={(message) => {
                      setNotice(message);
                      void refresh();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CreateUserForm
        minPasswordLength={minPasswordLength}
        onCreated={(user) => {
          setNotice(`Created ${user.name} (${USER_ROLE_LABELS[user.role].label}).`);
          void refresh();
        }}
      />
    </div>
  );
}

function UserRowView({
  user,
  isSelf,
  onChanged,
}: {
  user: UserRow;
  isSelf: boolean;
  onChanged: (message: string) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const update = useMutation(trpc.users.update.mutationOptions());
  const revoke = useMutation(trpc.users.revokeSessions.mutationOptions());
  const busy = update.isPending || revoke.isPending;
  const error = update.error ?? revoke.error;

  const setRole = (role: TUserRole) =>
    update.mutate(
      { id: user.id, role },
      { onSuccess: (u) => onChanged(`${u.name} is now ${USER_ROLE_LABELS[u.role].label}.`) },
    );
  const setDisabled = (disabled: boolean) =>
    update.mutate(
      { id: user.id, disabled },
      {
        onSuccess: (u) =>
          onChanged(
            disabled
              ? `Disabled ${u.name}: signed out everywhere; their work stays.`
              : `Enabled ${u.name}: they can sign in again.`,
          ),
      },
    );

  return (
    <tr
      data-testid="user-row"
      data-user-email={user.email ?? undefined}
      className={user.disabled ? "bg-slate-50 text-slate-500" : ""}
    >
      <td className="px-3 py-2 font-medium">
        {user.name}
        {isSelf ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
      </td>
      <td className="px-3 py-2">{user.email}</td>
      <td className="px-3 py-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Role of {user.name}
        </label>
        <select
          id={`${id}-role`}
          value={user.role}
          disabled={busy || isSelf}
          title={isSelf ? "You cannot take away your own admin role." : undefined}
          onChange={(event) => setRole(event.target.value as TUserRole)}
          className="rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-sm disabled:opacity-60"
        >
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {USER_ROLE_LABELS[role].label}
            </option>
          ))}
        </select>
      </td>
      <td className="px-3 py-2">
        {user.disabled ? (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">
            Disabled
          </span>
        ) : (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
            Active
          </span>
        )}
      </td>
      <td className="hidden px-3 py-2 text-xs whitespace-nowrap 2xl:table-cell">
        {formatDate(user.createdAt)}
      </td>
      <td className="px-3 py-2">
        <div className="flex gap-1.5 whitespace-nowrap">
          {isSelf ? null : (
            <button
              type="button"
              disabled={busy}
              onClick={() => setDisabled(!user.disabled)}
              aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.name}`}
              className={SMALL_BUTTON}
            >
              {user.disabled ? "Enable" : "Disable"}
            </button>
          )}
          {user.disabled ? null : (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                revoke.mutate(
                  { userId: user.id },
                  {
                    onSuccess: ({ revoked }) =>
                      onChanged(
                        `Signed ${user.name} out of ${revoked} session${revoked === 1 ? "" : "s"}.`,
                      ),
                  },
                )
              }
              aria-label={`End sessions of ${user.name}`}
              title="Signs this user out of every browser; they can sign in again"
              className={SMALL_BUTTON}
            >
              End sessions
            </button>
          )}
        </div>
        {error ? <FieldMessage error={formMessage(error)} /> : null}
      </td>
    </tr>
  );
}

function CreateUserForm({
  minPasswordLength,
  onCreated,
}: {
  minPasswordLength: number;
  onCreated: (user: UserRow) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const create = useMutation(trpc.users.create.mutationOptions());
  // The role is state only for its help text; every field is read from the form on submit
  // (typing may come before hydration, which the submit button waits for).
  const [role, setRole] = useState<TUserRole>("analyst");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const error = create.error;
  const nameError = fieldErrorFor(error, "name");
  const emailError = fieldErrorFor(error, "email");
  const passwordError = fieldErrorFor(error, "password");
  const otherError =
    error && !nameError && !emailError && !passwordError ? formMessage(error) : undefined;

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="h-fit rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="mb-3 text-sm font-semibold">
        New account
      </h2>
      <form
        method="post"
        noValidate
        className="space-y-2.5"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const field = (key: string) => String(data.get(key) ?? "");
          create.mutate(
            {
              name: field("name"),
              email: field("email"),
              role: field("role") as TUserRole,
              password: field("password"),
            },
            {
              onSuccess: (user) => {
                form.reset();
                setRole("analyst");
                onCreated(user);
              },
            },
          );
        }}
      >
        <TextField compact id={`${id}-name`} label="Name" name="name" required error={nameError} />
        <TextField
          compact
          id={`${id}-email`}
          label="Email"
          type="email"
          autoComplete="off"
          name="email"
          required
          error={emailError}
        />
        <div>
          <label htmlFor={`${id}-role`} className="mb-0.5 block text-xs font-medium text-slate-600">
            Role
          </label>
          <select
            id={`${id}-role`}
            name="role"
            defaultValue="analyst"
            onChange={(event) => setRole(event.target.value as TUserRole)}
            aria-describedby={`${id}-role-help`}
            className={INPUT}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {USER_ROLE_LABELS[r].label}
              </option>
            ))}
          </select>
          <p id={`${id}-role-help`} className="text-[11px] text-slate-500">
            {USER_ROLE_LABELS[role].description}
          </p>
        </div>
        <TextField
          compact
          id={`${id}-password`}
          label="Initial password"
          type="password"
          autoComplete="new-password"
          minLength={minPasswordLength}
          name="password"
          required
          help={`At least ${minPasswordLength} characters; pass it on to its owner privately.`}
          error={passwordError}
        />
        <FieldMessage error={otherError} />
        <SubmitButton disabled={create.isPending || !hydrated}>
          {create.isPending ? "Creating…" : "Create account"}
        </SubmitButton>
      </form>
    </section>
  );
}
