/** Users and their sign-in accounts. Passwords arrive hashed (packages/auth hashes them with
 * better-auth's own function, so better-auth verifies them at sign-in). */
import type { TUserRole } from "@claimdesk/types";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import { accounts, rateLimits, sessions, users } from "../schema";
import { writeAuditEvent } from "./audit";
import { ForbiddenError, InvalidInputError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";

export const LOCAL_ANALYST_NAME = "Local analyst";

/** better-auth's provider id for email + password accounts. */
export const CREDENTIAL_PROVIDER = "credential";

/** The id of the "Local analyst" user, created on first call: the author of work done from the
 * worker CLI, which runs on the machine and needs no sign-in. It has no email, so no one can
 * sign in as it. */
export function ensureLocalAnalyst(db: DbExecutor): number {
  const find = (tx: DbExecutor) =>
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.name, LOCAL_ANALYST_NAME), eq(users.role, "analyst")))
      .orderBy(asc(users.id))
      .get()?.id;
  const existing = find(db);
  if (existing !== undefined) return existing;
  // Re-check inside a write transaction: the web app and the worker may both be starting up.
  return writeTransaction(db, (tx) => {
    const again = find(tx);
    if (again !== undefined) return again;
    const row = tx
      .insert(users)
      .values({ name: LOCAL_ANALYST_NAME, role: "analyst" })
      .returning({ id: users.id })
      .get();
    return row.id;
  });
}

export interface UserSummary {
  id: number;
  name: string;
  email: string | null;
  role: TUserRole;
  disabled: boolean;
  createdAt: string;
}

const summaryColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

function toSummary(row: {
  id: number;
  name: string;
  email: string | null;
  role: TUserRole;
  disabled: boolean;
  createdAt: Date;
}): UserSummary {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** Accounts that can sign in (have an email), oldest first. */
export function listUsers(db: DbExecutor): UserSummary[] {
  return db
    .select(summaryColumns)
    .from(users)
    .where(isNotNull(users.email))
    .orderBy(asc(users.id))
    .all()
    .map(toSummary);
}

export function getUser(db: DbExecutor, id: number): UserSummary {
  const row = db.select(summaryColumns).from(users).where(eq(users.id, id)).get();
  if (!row) throw new NotFoundError("user", id);
  return toSummary(row);
}

/** True until the first account that can sign in exists: the web app then asks for an admin. */
export function needsFirstAdmin(db: DbExecutor): boolean {
  const row = db
    .select({ n: count() })
    .from(accounts)
    .where(eq(accounts.providerId, CREDENTIAL_PROVIDER))
    .get();
  return (row?.n ?? 0) === 0;
}

export interface CreateAccountInput {
  name: string;
  email: string;
  role: TUserRole;
  /** A hash made by better-auth's hashPassword, never the password itself. */
  passwordHash: string;
}

/** Creates a user with an email + password account, in one transaction. */
export function createAccount(
  db: DbExecutor,
  input: CreateAccountInput,
  actorId: number | null,
  /** Only while no account exists: the first-run admin, created by whoever opens the app first. */
  options: { onlyIfFirst?: boolean } = {},
): UserSummary {
  const email = input.email.trim().toLowerCase();
  return writeTransaction(db, (tx) => {
    if (options.onlyIfFirst && !needsFirstAdmin(tx))
      throw new ForbiddenError("The first admin account already exists; sign in instead.");
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
      throw new InvalidInputError("email", `An account with the email ${email} already exists.`);
    const user = tx
      .insert(users)
      .values({ name: input.name.trim(), email, role: input.role })
      .returning(summaryColumns)
      .get();
    tx.insert(accounts)
      .values({
        userId: user.id,
        accountId: String(user.id),
        providerId: CREDENTIAL_PROVIDER,
        password: input.passwordHash,
      })
      .run();
    const summary = toSummary(user);
    writeAuditEvent(tx, {
      entity: "user",
      entityId: user.id,
      action: "create",
      actorId: actorId ?? user.id,
      before: null,
      after: { name: summary.name, email, role: summary.role },
    });
    return summary;
  });
}

/** Changes role and/or disabled state. Disabling revokes every session of the user at once;
 * their annotations, claims and history stay. An admin cannot lock themself out. */
export function updateUser(
  db: DbExecutor,
  id: number,
  patch: { role?: TUserRole; disabled?: boolean; name?: string },
  /** Null for the worker CLI, run by whoever operates the machine. */
  actorId: number | null,
): UserSummary {
  return writeTransaction(db, (tx) => {
    const before = getUser(tx, id);
    if (id === actorId && (patch.disabled === true || (patch.role && patch.role !== "admin")))
      throw new InvalidInputError(
        patch.disabled === true ? "disabled" : "role",
        "You cannot disable yourself or take away your own admin role.",
      );
    tx.update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, id))
      .run();
    if (patch.disabled === true) tx.delete(sessions).where(eq(sessions.userId, id)).run();
    const after = getUser(tx, id);
    writeAuditEvent(tx, {
      entity: "user",
      entityId: id,
      action: "update",
      actorId,
      before: { name: before.name, role: before.role, disabled: before.disabled },
      after: { name: after.name, role: after.role, disabled: after.disabled },
    });
    return after;
  });
}

/** Replaces the password hash of a user's email + password account and signs them out everywhere. */
export function setPasswordHash(db: DbExecutor, userId: number, passwordHash: string): void {
  writeTransaction(db, (tx) => {
    const result = tx
      .update(accounts)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER)))
      .run();
    if (result.changes === 0) throw new NotFoundError("user", userId);
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  });
}

/** True for a disabled or missing user: neither may hold a session. */
export function isUserDisabled(db: DbExecutor, id: number): boolean {
  const row = db.select({ disabled: users.disabled }).from(users).where(eq(users.id, id)).get();
  return row === undefined || row.disabled;
}

/** Deletes every session of the user: signed out in every browser. */
export function revokeSessions(db: DbExecutor, userId: number): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/**
 * Counts a sign-in attempt for `key` (e.g. an account's email) in a fixed window, in the same
 * rate_limits table better-auth uses for its per-IP limit. Returns the seconds to wait when the
 * attempt is over the limit, or null when it may go ahead.
 */
export function consumeAttempt(
  db: DbExecutor,
  key: string,
  rule: { window: number; max: number },
  now = Date.now(),
): number | null {
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
    const windowMs = rule.window * 1000;
    if (!row || now - row.lastRequest >= windowMs) {
      tx.insert(rateLimits)
        .values({ key, count: 1, lastRequest: now })
        .onConflictDoUpdate({ target: rateLimits.key, set: { count: 1, lastRequest: now } })
        .run();
      return null;
    }
    if (row.count >= rule.max) return Math.ceil((row.lastRequest + windowMs - now) / 1000);
    tx.update(rateLimits)
      .set({ count: row.count + 1 })
      .where(eq(rateLimits.key, key))
      .run();
    return null;
  });
}
