/** Accounts. Sign-in is better-auth's (packages/auth); these columns are its `user` model plus
 * Claimdesk's role and disabled flag. Users are never deleted: annotations and audit events
 * keep naming who made them, so an admin disables an account instead. */
import { USER_ROLES } from "@claimdesk/types";
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** Null for accounts that cannot sign in (the worker's "Local analyst"). */
  email: text("email").unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: USER_ROLES }).notNull().default("analyst"),
  /** A disabled account cannot sign in and its sessions are revoked; its work stays. */
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  // Added to an existing table, so its SQL default must be a constant (SQLite's ALTER TABLE rule);
  // inserts through Drizzle or better-auth set the real time.
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`0`)
    .$defaultFn(() => new Date()),
});
