/** Test helpers: a fresh database with the real migrations applied, and seed rows. */
import { createHash } from "node:crypto";
import type { TUserRole } from "@claimdesk/types";
import { type Db, openDb } from "./client";
import { migrateDb } from "./migrate";
import type { DbExecutor } from "./queries/executor";
import { type Article, toArticle } from "./queries/records";
import { articles, claims, users } from "./schema";

/** An in-memory database migrated exactly like production. Close it with `db.$client.close()`. */
export function createTestDb(): Db {
  const db = openDb({ path: ":memory:" });
  migrateDb(db);
  return db;
}

export type TestArticleInput = Partial<
  Omit<typeof articles.$inferInsert, "id" | "text" | "textSha256">
> & { text: string };

/** Inserts an article (its sha256 computed from `text`) through Drizzle, so the FTS triggers run. */
export function insertTestArticle(db: DbExecutor, input: TestArticleInput): Article {
  const row = db
    .insert(articles)
    .values({
      extractor: "test@1",
      ...input,
      textSha256: createHash("sha256").update(input.text).digest("hex"),
    })
    .returning()
    .get();
  return toArticle(row);
}

/** The span of the first occurrence of `exact` in `text` (at or after `from`); throws if absent. */
export function spanOf(
  text: string,
  exact: string,
  from = 0,
): { start: number; end: number; exact: string } {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`spanOf: ${JSON.stringify(exact)} is not in the text`);
  return { start, end: start + exact.length, exact };
}

/** Inserts a user with `role` (no password: tests build the session context directly). */
export function insertTestUser(
  db: DbExecutor,
  input: { name: string; role: TUserRole; email?: string; disabled?: boolean },
): { id: number; name: string; role: TUserRole } {
  return db
    .insert(users)
    .values({
      name: input.name,
      role: input.role,
      email: input.email ?? `${input.name.toLowerCase().replace(/\W+/g, ".")}@example.test`,
      disabled: input.disabled ?? false,
    })
    .returning({ id: users.id, name: users.name, role: users.role })
    .get();
}

/**
 * Inserts a rule's suggestion (a shared, read-only proposal: origin `rule:test@1`, status
 * `suggested`) whose spans are the first occurrences of the given strings in `text`.
 */
export function insertTestSuggestion(
  db: DbExecutor,
  input: {
    articleId: number;
    text: string;
    content: string;
    source?: string;
    cue?: string;
    sourceId?: number | null;
    status?: "suggested" | "accepted" | "rejected";
  },
): number {
  const content = spanOf(input.text, input.content);
  const source = input.source === undefined ? null : spanOf(input.text, input.source);
  const cue = input.cue === undefined ? null : spanOf(input.text, input.cue);
  return db
    .insert(claims)
    .values({
      articleId: input.articleId,
      contentStart: content.start,
      contentEnd: content.end,
      contentText: content.exact,
      sourceStart: source?.start ?? null,
      sourceEnd: source?.end ?? null,
      sourceText: source?.exact ?? null,
      cueStart: cue?.start ?? null,
      cueEnd: cue?.end ?? null,
      cueText: cue?.exact ?? null,
      sourceId: input.sourceId ?? null,
      status: input.status ?? "suggested",
      origin: "rule:test@1",
    })
    .returning({ id: claims.id })
    .get().id;
}
