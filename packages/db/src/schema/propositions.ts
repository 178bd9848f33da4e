/** Normalised statements that several claims bear on. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export const propositions = sqliteTable("propositions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  text: text("text").notNull().unique(),
  createdBy: integer("created_by").references(() => users.id),
  version: integer("version").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
