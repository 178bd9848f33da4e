/** Users. Until accounts exist every API call acts as the single "Local analyst". */
import { and, asc, eq } from "drizzle-orm";
import { users } from "../schema";
import { type DbExecutor, writeTransaction } from "./executor";

export const LOCAL_ANALYST_NAME = "Local analyst";

/** The id of the "Local analyst" user, created on first call. */
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
