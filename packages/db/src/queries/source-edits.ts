/**
 * Editing one registry source: name, aliases, kind, affiliation, country, reliability, with
 * optimistic concurrency on `sources.version` and an audit event, like claim edits.
 */
import type { TSourceUpdateInput } from "@claimdesk/types";
import { and, eq, inArray, ne } from "drizzle-orm";
import { sourceAliases, sources } from "../schema";
import { writeAuditEvent } from "./audit";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { toSource } from "./records";
import { type RegistrySource, toRegistrySource } from "./source-merge";
import { normaliseSourceKey } from "./sources";

const fold = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Applies `patch` to source `id` if its version is still `version` (else a ConflictError carrying
 * the source as it is now). The name and aliases are the source's matching keys: aliases that
 * repeat the name or each other are dropped, and a name or alias another source owns is refused
 * with the owner named (merge the two instead). The source's alias rows follow the new names, so
 * the importer matches mentions by them from then on.
 */
export function updateSource(
  db: DbExecutor,
  input: TSourceUpdateInput,
  actorId: number,
): RegistrySource {
  return writeTransaction(db, (tx) => {
    const row = tx.select().from(sources).where(eq(sources.id, input.id)).get();
    if (!row) throw new NotFoundError("Source", input.id);
    if (row.mergedIntoId !== null)
      throw new InvalidInputError(
        "id",
        `Source ${row.id} ("${row.name}") was merged into source ${row.mergedIntoId}: edit that one`,
      );
    if (row.version !== input.version)
      throw new ConflictError(
        `Source ${row.id} ("${row.name}") was changed by someone else since you opened it`,
        { entity: "source", record: toSource(row, row.claimCount) },
      );
    const patch = input.patch;
    const name = patch.name !== undefined ? fold(patch.name) : row.name;
    if (!name) throw new InvalidInputError("name", "Give the source a name");
    const nameKey = normaliseSourceKey(name);
    const keys = [nameKey];
    const aliases: string[] = [];
    for (const raw of patch.aliases ?? row.aliases) {
      const alias = fold(raw);
      const key = normaliseSourceKey(alias);
      if (!alias || keys.includes(key)) continue;
      keys.push(key);
      aliases.push(alias);
    }
    const taken = tx
      .select({ sourceId: sourceAliases.sourceId, aliasKey: sourceAliases.aliasKey })
      .from(sourceAliases)
      .where(and(inArray(sourceAliases.aliasKey, keys), ne(sourceAliases.sourceId, row.id)))
      .get();
    if (taken) {
      const owner = tx.select().from(sources).where(eq(sources.id, taken.sourceId)).get();
      const field = taken.aliasKey === nameKey ? "name" : "aliases";
      const asWritten = [name, ...aliases][keys.indexOf(taken.aliasKey)] ?? taken.aliasKey;
      throw new InvalidInputError(
        field,
        `"${asWritten}" is already a name or alias of source ${taken.sourceId}${owner ? ` ("${owner.name}")` : ""}: merge the two sources instead`,
      );
    }
    // A source merged into this one keeps its row (for history and undo) and with it its unique
    // name key: it gives the key up, so the name can move here.
    if (nameKey !== row.nameKey)
      tx.update(sources)
        .set({ nameKey: `${nameKey}\u0000merged:${row.id}` })
        .where(and(eq(sources.nameKey, nameKey), ne(sources.id, row.id)))
        .run();
    // The alias rows are the name's and the aliases' keys: drop the ones no longer named.
    const current = tx
      .select({ key: sourceAliases.aliasKey })
      .from(sourceAliases)
      .where(eq(sourceAliases.sourceId, row.id))
      .all()
      .map((a) => a.key);
    const dropped = current.filter((k) => !keys.includes(k));
    if (dropped.length > 0)
      tx.delete(sourceAliases)
        .where(and(eq(sourceAliases.sourceId, row.id), inArray(sourceAliases.aliasKey, dropped)))
        .run();
    const added = keys.filter((k) => !current.includes(k));
    if (added.length > 0)
      tx.insert(sourceAliases)
        .values(added.map((aliasKey) => ({ sourceId: row.id, aliasKey })))
        .run();
    const updated = tx
      .update(sources)
      .set({
        name,
        nameKey,
        aliases,
        kind: patch.kind ?? row.kind,
        affiliation: patch.affiliation ?? row.affiliation,
        country: patch.country !== undefined ? patch.country : row.country,
        reliability: patch.reliability ?? row.reliability,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(sources.id, row.id))
      .returning()
      .get();
    writeAuditEvent(tx, {
      entity: "source",
      entityId: row.id,
      action: "update",
      actorId,
      before: toSource(row, row.claimCount),
      after: toSource(updated, updated.claimCount),
    });
    return toRegistrySource(updated);
  });
}
