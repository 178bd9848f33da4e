import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents, claims, sourceAliases, sources } from "../schema";
import { createTestDb, insertTestArticle, spanOf } from "../testing";
import { createClaim } from "./claims";
import { ConflictError, InvalidInputError } from "./errors";
import { updateSource } from "./source-edits";
import {
  listRecentMerges,
  listSourceRegistry,
  mergeManySources,
  undoSourceMerge,
} from "./source-merge";
import { listSourceMergeProposals } from "./source-merge-proposals";
import { createSource, matchOrCreateSource } from "./sources";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

const aliasKeysOf = (id: number) =>
  db
    .select()
    .from(sourceAliases)
    .where(eq(sourceAliases.sourceId, id))
    .all()
    .map((a) => a.aliasKey)
    .sort();

function registry(id: number) {
  const found = listSourceRegistry(db, { limit: 200 }).items.find((s) => s.id === id);
  if (!found) throw new Error(`source ${id} not in the registry`);
  return found;
}

describe("updateSource", () => {
  it("edits every field, rebuilds the alias rows, bumps the version and audits before/after", () => {
    const id = matchOrCreateSource(db, { name: "Bank", kindGuess: "named_organization" });
    const before = registry(id);
    const updated = updateSource(
      db,
      {
        id,
        version: before.version,
        patch: {
          name: "Bank of England",
          aliases: ["BoE", "the Bank", "boe"],
          kind: "named_organization",
          affiliation: "government",
          country: "GB",
          reliability: "B",
        },
      },
      analystId,
    );
    expect(updated).toMatchObject({
      name: "Bank of England",
      aliases: ["BoE", "the Bank"],
      affiliation: "government",
      country: "GB",
      reliability: "B",
      version: before.version + 1,
    });
    expect(aliasKeysOf(id)).toEqual(["bank", "bank of england", "boe"]);
    // The importer now matches the new name; the old key "bank" stays as the alias "the Bank".
    expect(matchOrCreateSource(db, { name: "the Bank of England" })).toBe(id);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.entityId, id)).all();
    expect(audit.at(-1)).toMatchObject({
      entity: "source",
      action: "update",
      actorId: analystId,
      before: { name: "Bank", reliability: "F" },
      after: { name: "Bank of England", reliability: "B" },
    });
  });

  it("drops a removed alias's row so the importer no longer matches it", () => {
    const s = createSource(db, { name: "Pentagon", aliases: ["DoD"] }, analystId);
    updateSource(
      db,
      { id: s.id, version: registry(s.id).version, patch: { aliases: [] } },
      analystId,
    );
    expect(aliasKeysOf(s.id)).toEqual(["pentagon"]);
    expect(matchOrCreateSource(db, { name: "DoD" })).not.toBe(s.id);
  });

  it("refuses a stale version with a conflict carrying the source as it is now", () => {
    const s = createSource(db, { name: "Pentagon" }, analystId);
    const version = registry(s.id).version;
    updateSource(db, { id: s.id, version, patch: { reliability: "C" } }, analystId);
    let error: unknown;
    try {
      updateSource(db, { id: s.id, version, patch: { reliability: "A" } }, analystId);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({
      entity: "source",
      record: { id: s.id, reliability: "C" },
    });
    expect(db.select().from(sources).where(eq(sources.id, s.id)).get()?.reliability).toBe("C");
  });

  it("refuses a name or alias another source owns, naming the owner and the field", () => {
    const owner = createSource(db, { name: "Pentagon" }, analystId);
    const other = createSource(db, { name: "DoD" }, analystId);
    const v = registry(other.id).version;
    expect(() =>
      updateSource(
        db,
        { id: other.id, version: v, patch: { aliases: ["the Pentagon"] } },
        analystId,
      ),
    ).toThrow(
      expect.objectContaining({
        field: "aliases",
        message: expect.stringContaining(`source ${owner.id} ("Pentagon")`),
      }),
    );
    expect(() =>
      updateSource(db, { id: other.id, version: v, patch: { name: "PENTAGON" } }, analystId),
    ).toThrow(InvalidInputError);
  });

  it("can take the name of a source merged into it", () => {
    const full = createSource(db, { name: "Tony Blair", kind: "named_person" }, analystId);
    const short = createSource(db, { name: "Blair", kind: "named_person" }, analystId);
    mergeManySources(db, { keepId: short.id, mergeIds: [full.id] }, analystId);
    const renamed = updateSource(
      db,
      { id: short.id, version: registry(short.id).version, patch: { name: "Tony Blair" } },
      analystId,
    );
    expect(renamed.name).toBe("Tony Blair");
    expect(matchOrCreateSource(db, { name: "tony blair" })).toBe(short.id);
  });
});

describe("mergeManySources and undoSourceMerge", () => {
  function seed() {
    const text = "Blair said a. Tony Blair said b. Mr Blair said c. The PM said d.";
    const article = insertTestArticle(db, { text });
    const full = createSource(db, { name: "Tony Blair", kind: "named_person" }, analystId);
    const short = createSource(db, { name: "Blair", kind: "named_person" }, analystId);
    const pm = createSource(db, { name: "The PM", aliases: ["Prime Minister"] }, analystId);
    const claimIds = (
      [
        ["a", short],
        ["b", full],
        ["c", short],
        ["d", pm],
      ] as const
    ).map(
      ([w, s]) =>
        createClaim(
          db,
          { articleId: article.id, content: spanOf(text, `said ${w}`), sourceId: s.id },
          analystId,
        ).id,
    );
    return { full, short, pm, claimIds };
  }

  it("merges several sources at once, recording what moved in each merge event", () => {
    const { full, short, pm, claimIds } = seed();
    const result = mergeManySources(
      db,
      { keepId: full.id, mergeIds: [short.id, pm.id] },
      analystId,
    );
    expect(result.movedClaims).toBe(3);
    expect(result.kept).toMatchObject({
      aliases: ["Blair", "The PM", "Prime Minister"],
      claimCount: 4,
    });
    expect(
      db
        .select()
        .from(claims)
        .all()
        .map((c) => c.sourceId),
    ).toEqual(claimIds.map(() => full.id));
    const merges = db.select().from(auditEvents).where(eq(auditEvents.action, "merge")).all();
    expect(merges.map((m) => m.entityId)).toEqual([short.id, pm.id]);
    expect(merges[0]?.after).toMatchObject({
      mergedIntoId: full.id,
      movedClaimIds: [claimIds[0], claimIds[2]],
      movedAliasKeys: ["blair"],
      addedAliases: ["Blair"],
    });
    expect(listRecentMerges(db).map((m) => m.merged.name)).toEqual(["The PM", "Blair"]);
  });

  it("refuses to merge a source into itself or one already merged away", () => {
    const { full, short, pm } = seed();
    expect(() => mergeManySources(db, { keepId: full.id, mergeIds: [full.id] }, analystId)).toThrow(
      InvalidInputError,
    );
    mergeManySources(db, { keepId: full.id, mergeIds: [short.id] }, analystId);
    expect(() => mergeManySources(db, { keepId: pm.id, mergeIds: [short.id] }, analystId)).toThrow(
      /already merged into source/,
    );
  });

  it("undo restores the claims, alias rows, the kept source's aliases and the importer's match", () => {
    const { full, short, pm, claimIds } = seed();
    mergeManySources(db, { keepId: full.id, mergeIds: [short.id, pm.id] }, analystId);
    const undone = undoSourceMerge(db, short.id, analystId);
    expect(undone).toMatchObject({ restoredClaims: 2, claimsLeft: 0 });
    expect(undone.restored).toMatchObject({ id: short.id, name: "Blair", claimCount: 2 });
    expect(undone.kept.aliases).toEqual(["The PM", "Prime Minister"]);
    expect(
      db
        .select()
        .from(claims)
        .all()
        .map((c) => c.sourceId),
    ).toEqual([short.id, full.id, short.id, full.id]);
    expect(aliasKeysOf(short.id)).toEqual(["blair"]);
    expect(matchOrCreateSource(db, { name: "Blair" })).toBe(short.id);
    expect(db.select().from(sources).where(eq(sources.id, short.id)).get()?.mergedIntoId).toBe(
      null,
    );
    // The other merge of the same batch stays, and can be undone on its own.
    expect(listRecentMerges(db).map((m) => m.merged.id)).toEqual([pm.id]);
    undoSourceMerge(db, pm.id, analystId);
    expect(aliasKeysOf(pm.id)).toEqual(["pm", "prime minister"]);
    expect(registry(full.id)).toMatchObject({ aliases: [], claimCount: 1 });
    expect(claimIds).toHaveLength(4);
    const updates = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, short.id))
      .all()
      .at(-1);
    expect(updates).toMatchObject({ action: "update", after: { mergedIntoId: null } });
  });

  it("undo leaves a claim re-pointed since the merge where the analyst put it", () => {
    const { full, short, pm, claimIds } = seed();
    mergeManySources(db, { keepId: full.id, mergeIds: [short.id] }, analystId);
    db.update(claims)
      .set({ sourceId: pm.id })
      .where(eq(claims.id, claimIds[0] as number))
      .run();
    expect(undoSourceMerge(db, short.id, analystId)).toMatchObject({
      restoredClaims: 1,
      claimsLeft: 1,
    });
  });

  it("undo is refused when the kept source was merged away since, or the source is not merged", () => {
    const { full, short, pm } = seed();
    mergeManySources(db, { keepId: full.id, mergeIds: [short.id] }, analystId);
    mergeManySources(db, { keepId: pm.id, mergeIds: [full.id] }, analystId);
    expect(() => undoSourceMerge(db, short.id, analystId)).toThrow(/undo that merge first/);
    undoSourceMerge(db, full.id, analystId);
    undoSourceMerge(db, short.id, analystId);
    expect(() => undoSourceMerge(db, short.id, analystId)).toThrow(/is not merged/);
    expect(matchOrCreateSource(db, { name: "Blair" })).toBe(short.id);
    expect(matchOrCreateSource(db, { name: "Tony Blair" })).toBe(full.id);
  });
});

describe("listSourceMergeProposals", () => {
  it("proposes a surname beside the full name and initials beside an organisation", () => {
    const tony = matchOrCreateSource(db, { name: "Tony Blair", kindGuess: "named_person" });
    const blair = matchOrCreateSource(db, { name: "Blair", kindGuess: "named_person" });
    const howard = matchOrCreateSource(db, { name: "Howard", kindGuess: "named_organization" });
    const michael = matchOrCreateSource(db, { name: "Michael Howard", kindGuess: "named_person" });
    matchOrCreateSource(db, { name: "Gordon Brown", kindGuess: "named_person" });
    matchOrCreateSource(db, { name: "Nick Brown", kindGuess: "named_person" });
    const brown = matchOrCreateSource(db, { name: "Brown", kindGuess: "named_person" });
    const bbc = matchOrCreateSource(db, { name: "BBC", kindGuess: "media_outlet" });
    const corp = matchOrCreateSource(db, {
      name: "British Broadcasting Corporation",
      kindGuess: "named_organization",
    });
    matchOrCreateSource(db, { name: "Analysts", kindGuess: "generic" });
    const proposals = listSourceMergeProposals(db);
    const pairs = proposals.map((p) => [p.merge.id, p.keep.id, p.reason, p.alternatives]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [blair, tony, "surname", 0],
        [howard, michael, "surname", 0],
        [brown, expect.any(Number), "surname", 1],
        [bbc, corp, "initials", 0],
      ]),
    );
    expect(pairs).toHaveLength(4);
    // Merged, a proposal is gone.
    mergeManySources(db, { keepId: tony, mergeIds: [blair] }, analystId);
    expect(listSourceMergeProposals(db).map((p) => p.merge.id)).not.toContain(blair);
  });
});
