/** The source registry: listing, creating, and matching mentions to sources by name or alias. */
import type { TSourceCreateInput, TSourceKind, TSourceListInput } from "@claimdesk/types";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { sourceAliases, sources } from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { type Source, toSource } from "./records";

/**
 * The matching key of a source name or alias: NFKC, lower-case, curly apostrophes straightened,
 * whitespace folded, punctuation trimmed from both ends, and a leading "the " dropped, so that
 * "The Pentagon", "the  Pentagon," and "Pentagon" are one key. A name that is nothing but
 * punctuation keeps its folded form rather than becoming empty.
 */
export function normaliseSourceKey(name: string): string {
  const folded = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const bare = folded.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, "").replace(/^the /, "");
  return bare || folded;
}

/**
 * Sources whose name or an alias contains `query` (compared as normalised keys, so
 * case-insensitively), most-used first. Merged-away sources are left out.
 */
export function listSources(db: DbExecutor, input: TSourceListInput = {}): { items: Source[] } {
  const limit = input.limit ?? 50;
  const key = input.query ? normaliseSourceKey(input.query) : "";
  // instr() rather than LIKE: a user's "%" or "_" must not act as a wildcard.
  const matches = key
    ? or(
        sql`instr(${sources.nameKey}, ${key}) > 0`,
        inArray(
          sources.id,
          db
            .select({ id: sourceAliases.sourceId })
            .from(sourceAliases)
            .where(sql`instr(${sourceAliases.aliasKey}, ${key}) > 0`),
        ),
      )
    : undefined;
  const rows = db
    .select()
    .from(sources)
    .where(and(isNull(sources.mergedIntoId), matches))
    // claim_count is kept by triggers: sorting by use costs an index scan, not a count per source.
    .orderBy(desc(sources.claimCount), asc(sources.name), asc(sources.id))
    .limit(limit)
    .all();
  return { items: rows.map((r) => toSource(r, r.claimCount)) };
}

export function getSource(db: DbExecutor, id: number): Source | null {
  const row = db.select().from(sources).where(eq(sources.id, id)).get();
  if (!row) return null;
  return toSource(row, row.claimCount);
}

/**
 * Adds a source with an alias row for its name and each alias. A name or alias whose key another
 * source already owns is a ConflictError carrying that source.
 */
export function createSource(
  db: DbExecutor,
  input: TSourceCreateInput,
  actorId: number | null,
): Source {
  const name = input.name.replace(/\s+/g, " ").trim();
  const names = [name];
  const keys = [normaliseSourceKey(name)];
  const aliases: string[] = [];
  for (const raw of input.aliases ?? []) {
    const alias = raw.replace(/\s+/g, " ").trim();
    const key = normaliseSourceKey(alias);
    if (keys.includes(key)) continue; // "Pentagon" as an alias of "The Pentagon" adds nothing
    names.push(alias);
    keys.push(key);
    aliases.push(alias);
  }
  return writeTransaction(db, (tx) => {
    const taken = tx
      .select({ sourceId: sourceAliases.sourceId, aliasKey: sourceAliases.aliasKey })
      .from(sourceAliases)
      .where(inArray(sourceAliases.aliasKey, keys))
      .get();
    if (taken) {
      const owner = getSource(tx, taken.sourceId);
      const asWritten = names[keys.indexOf(taken.aliasKey)] ?? taken.aliasKey;
      if (owner)
        throw new ConflictError(
          `"${asWritten}" is already a name or alias of source ${owner.id} ("${owner.name}")`,
          { entity: "source", record: owner },
        );
    }
    const row = tx
      .insert(sources)
      .values({
        name,
        nameKey: keys[0] ?? name,
        aliases,
        kind: input.kind ?? "generic",
        affiliation: input.affiliation ?? "unknown",
        country: input.country ?? null,
        reliability: input.reliability ?? "F",
      })
      .returning()
      .get();
    tx.insert(sourceAliases)
      .values(keys.map((aliasKey) => ({ sourceId: row.id, aliasKey })))
      .run();
    const source = toSource(row, 0);
    writeAuditEvent(tx, {
      entity: "source",
      entityId: row.id,
      action: "create",
      actorId,
      before: null,
      after: source,
    });
    return source;
  });
}

function prepareMatchStatements(db: DbExecutor) {
  return {
    lookup: db
      .select({ id: sources.id, mergedIntoId: sources.mergedIntoId })
      .from(sourceAliases)
      .innerJoin(sources, eq(sources.id, sourceAliases.sourceId))
      .where(eq(sourceAliases.aliasKey, sql.placeholder("key")))
      .prepare(),
    insertSource: db
      .insert(sources)
      .values({
        name: sql.placeholder("name"),
        nameKey: sql.placeholder("key"),
        kind: sql.placeholder("kind"),
      })
      .returning({ id: sources.id })
      .prepare(),
    insertAlias: db
      .insert(sourceAliases)
      .values({ sourceId: sql.placeholder("sourceId"), aliasKey: sql.placeholder("key") })
      .prepare(),
  };
}

// Prepared once per handle (the db, or one importer transaction), so a batch pays one prepare.
const matchStatements = new WeakMap<DbExecutor, ReturnType<typeof prepareMatchStatements>>();

/**
 * The id of the source a mention names: one indexed lookup of its key in source_aliases (following
 * a merge to the surviving source), else a new source of `kindGuess` (default generic).
 * Synchronous and cheap for the bulk importer; writes no audit event (the import job is the record).
 */
export function matchOrCreateSource(
  db: DbExecutor,
  params: { name: string; kindGuess?: TSourceKind | null },
): number {
  const name = params.name.replace(/\s+/g, " ").trim();
  if (!name) throw new Error("matchOrCreateSource: the source name is empty");
  const key = normaliseSourceKey(name);
  let statements = matchStatements.get(db);
  if (!statements) {
    statements = prepareMatchStatements(db);
    matchStatements.set(db, statements);
  }
  const { lookup, insertSource, insertAlias } = statements;
  const found = lookup.get({ key });
  if (found) return found.mergedIntoId ?? found.id;
  // Look again inside the write lock: another process may have added it since.
  return writeTransaction(db, () => {
    const again = lookup.get({ key });
    if (again) return again.mergedIntoId ?? again.id;
    const created = insertSource.get({ name, key, kind: params.kindGuess ?? "generic" });
    if (!created)
      throw new Error(`matchOrCreateSource: inserting source "${name}" returned no row`);
    insertAlias.run({ sourceId: created.id, key });
    return created.id;
  });
}
