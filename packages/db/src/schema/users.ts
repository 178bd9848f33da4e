/** Analysts and other accounts. Authentication arrives with the accounts issue; the row exists now
 * so that annotations and audit events always name who made them. */
import { USER_ROLES } from "@claimdesk/types";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  email: text("email").unique(),
  role: text("role", { enum: USER_ROLES }).notNull().default("analyst"),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});
