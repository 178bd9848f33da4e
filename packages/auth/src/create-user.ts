/** Creating accounts outside a sign-in (first-run admin, admin's user form, worker CLI): the
 * password is hashed with better-auth's own function so better-auth verifies it at sign-in. */
import { createAccount, type DbExecutor, type UserSummary } from "@claimdesk/db";
import type { TUserRole } from "@claimdesk/types";
import { hashPassword } from "better-auth/crypto";
import { MIN_PASSWORD_LENGTH } from "./auth";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: TUserRole;
}

export class WeakPasswordError extends Error {
  override name = "WeakPasswordError";
}

export async function createUserWithPassword(
  db: DbExecutor,
  input: NewUser,
  actorId: number | null,
  options: { onlyIfFirst?: boolean } = {},
): Promise<UserSummary> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new WeakPasswordError(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  const passwordHash = await hashPassword(input.password);
  return createAccount(db, { ...input, passwordHash }, actorId, options);
}
