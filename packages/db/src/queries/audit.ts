/** Writes the audit trail: call it inside the mutation's transaction so both commit or neither. */
import { auditEvents } from "../schema";
import type { DbExecutor } from "./executor";

export type AuditEntity =
  | "claim"
  | "annotation"
  | "adjudication"
  | "source"
  | "proposition"
  | "article"
  | "user"
  | "assignment";
/** "submit": an analyst submitted their annotation (blind annotation). */
export type AuditAction = "create" | "update" | "submit" | "delete" | "merge";

export interface AuditEventInput {
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  actorId: number | null;
  before: object | null;
  after: object | null;
}

export function writeAuditEvent(db: DbExecutor, event: AuditEventInput): void {
  db.insert(auditEvents)
    .values({
      ...event,
      // Records are plain JSON-safe objects; the column stores them as JSON text.
      before: event.before as Record<string, unknown> | null,
      after: event.after as Record<string, unknown> | null,
    })
    .run();
}
