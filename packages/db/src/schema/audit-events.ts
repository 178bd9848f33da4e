/** Append-only history: who changed what, before and after, when. Never deleted. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { users } from "./users";

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "claim" | "annotation" | "source" | "proposition" | "article". */
    entity: text("entity").notNull(),
    entityId: integer("entity_id").notNull(),
    /** "create" | "update" | "delete" | "merge". */
    action: text("action").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_entity_idx").on(t.entity, t.entityId)],
);
