/** An adjudicator's decision on a claim the analysts disagreed on: the value exports use. */
import { index, integer, sqliteTable, uniqueIndex } from "drizzle-orm/sqlite-core";
import { judgementColumns } from "./annotations";
import { claims } from "./claims";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export const adjudications = sqliteTable(
  "adjudications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    adjudicatorId: integer("adjudicator_id")
      .notNull()
      .references(() => users.id),
    ...judgementColumns(),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("adjudications_claim_uq").on(t.claimId),
    index("adjudications_adjudicator_idx").on(t.adjudicatorId),
  ],
);
