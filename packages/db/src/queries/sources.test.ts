import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { auditEvents, sourceAliases, sources } from "../schema";
import { createTestDb, insertTestArticle, spanOf } from "../testing";
import { createClaim } from "./claims";
import { ConflictError } from "./errors";
import {
  createSource,
  getSource,
  listSources,
  matchOrCreateSource,
  normaliseSourceKey,
} from "./sources";
import { ensureLocalAnalyst } from "./users";

let db: Db;
let analystId: number;
beforeEach(() => {
  db = createTestDb();
  analystId = ensureLocalAnalyst(db);
});
afterEach(() => db.$client.close());

describe("normaliseSourceKey", () => {
  it("lower-cases, folds whitespace, trims punctuation and a leading 'the '", () => {
    expect(normaliseSourceKey("  The   Pentagon, ")).toBe("pentagon");
    expect(normaliseSourceKey("the Pentagon")).toBe(normaliseSourceKey("PENTAGON"));
    expect(normaliseSourceKey("Kata’ib Hezbollah")).toBe("kata'ib hezbollah");
    expect(normaliseSourceKey("U.S. officials")).toBe("u.s. officials");
    expect(normaliseSourceKey("Theodore Roosevelt")).toBe("theodore roosevelt");
  });
  it("never returns an empty key for a name of punctuation or 'the' alone", () => {
    expect(normaliseSourceKey("...")).toBe("...");
    expect(normaliseSourceKey("The")).toBe("the");
  });
});

describe("createSource", () => {
  it("inserts the source, one alias row per distinct key, and an audit event", () => {
    const source = createSource(
      db,
      {
        name: "U.S. Department of Defense",
        aliases: ["Pentagon", "the Pentagon", "DoD"],
        kind: "named_organization",
        affiliation: "government",
        country: "US",
      },
      analystId,
    );
    expect(source).toEqual({
      id: expect.any(Number),
      name: "U.S. Department of Defense",
      aliases: ["Pentagon", "DoD"],
      kind: "named_organization",
      affiliation: "government",
      country: "US",
      reliability: "F",
      claimCount: 0,
    });
    const keys = db
      .select({ key: sourceAliases.aliasKey })
      .from(sourceAliases)
      .where(eq(sourceAliases.sourceId, source.id))
      .all()
      .map((r) => r.key);
    expect(keys.sort()).toEqual(["dod", "pentagon", "u.s. department of defense"]);
    expect(getSource(db, source.id)).toEqual(source);
    const audit = db.select().from(auditEvents).all();
    expect(audit).toEqual([
      expect.objectContaining({
        entity: "source",
        entityId: source.id,
        action: "create",
        actorId: analystId,
        before: null,
        after: source,
      }),
    ]);
  });

  it("rejects a taken name or alias with a ConflictError carrying the owner, writing nothing", () => {
    const owner = createSource(db, { name: "Pentagon" }, analystId);
    const attempt = () =>
      createSource(db, { name: "Defense Department", aliases: ["the pentagon"] }, analystId);
    expect(attempt).toThrow(ConflictError);
    expect(attempt).toThrow(
      /"the pentagon" is already a name or alias of source \d+ \("Pentagon"\)/,
    );
    try {
      attempt();
    } catch (error) {
      expect((error as ConflictError).current).toEqual({ entity: "source", record: owner });
    }
    expect(db.select().from(sources).all()).toHaveLength(1);
    expect(db.select().from(sourceAliases).all()).toHaveLength(1);
  });
});

describe("listSources", () => {
  function claimBy(sourceId: number, n: number) {
    const text = `Officials said ${"x".repeat(n + 1)}.`;
    const article = insertTestArticle(db, { title: `A${sourceId}-${n}`, text });
    for (let i = 0; i < n; i++)
      createClaim(
        db,
        { articleId: article.id, content: spanOf(text, "x".repeat(i + 1)), sourceId },
        analystId,
      );
  }

  it("matches name or alias substrings case-insensitively, most-used first, with claim counts", () => {
    const iran = createSource(
      db,
      { name: "Iranian foreign ministry", aliases: ["Tehran"] },
      analystId,
    );
    const iraq = createSource(db, { name: "Iraqi security source" }, analystId);
    const reuters = createSource(db, { name: "Reuters" }, analystId);
    claimBy(iraq.id, 3);
    claimBy(iran.id, 1);

    expect(listSources(db, {}).items.map((s) => [s.name, s.claimCount])).toEqual([
      ["Iraqi security source", 3],
      ["Iranian foreign ministry", 1],
      ["Reuters", 0],
    ]);
    expect(listSources(db, { query: "IRA" }).items.map((s) => s.id)).toEqual([iraq.id, iran.id]);
    expect(listSources(db, { query: "hRAN" }).items.map((s) => s.id)).toEqual([iran.id]);
    expect(listSources(db, { query: "reut" }).items).toEqual([{ ...reuters, claimCount: 0 }]);
    expect(listSources(db, { query: "ira", limit: 1 }).items).toHaveLength(1);
  });

  it("treats % and _ as literal characters", () => {
    createSource(db, { name: "Reuters" }, analystId);
    expect(listSources(db, { query: "%" }).items).toEqual([]);
    expect(listSources(db, { query: "_" }).items).toEqual([]);
    createSource(db, { name: "50% Club" }, analystId);
    expect(listSources(db, { query: "50%" }).items.map((s) => s.name)).toEqual(["50% Club"]);
  });

  it("leaves out sources merged into another", () => {
    const kept = createSource(db, { name: "Pentagon" }, analystId);
    const merged = createSource(db, { name: "Defense Dept" }, analystId);
    db.update(sources).set({ mergedIntoId: kept.id }).where(eq(sources.id, merged.id)).run();
    expect(listSources(db, {}).items.map((s) => s.id)).toEqual([kept.id]);
  });
});

describe("matchOrCreateSource", () => {
  it("finds a source by its name or any alias, however the mention is written", () => {
    const dod = createSource(
      db,
      { name: "U.S. Department of Defense", aliases: ["Pentagon"] },
      analystId,
    );
    expect(matchOrCreateSource(db, { name: "the  Pentagon" })).toBe(dod.id);
    expect(matchOrCreateSource(db, { name: "U.S. DEPARTMENT OF DEFENSE" })).toBe(dod.id);
    expect(db.select().from(sources).all()).toHaveLength(1);
  });

  it("creates a source of the guessed kind once, then matches it", () => {
    const id = matchOrCreateSource(db, {
      name: "a senior Iraqi security source",
      kindGuess: "unnamed_official",
    });
    expect(getSource(db, id)).toMatchObject({
      name: "a senior Iraqi security source",
      kind: "unnamed_official",
      aliases: [],
    });
    expect(matchOrCreateSource(db, { name: "A senior Iraqi security source" })).toBe(id);
    expect(matchOrCreateSource(db, { name: "witnesses", kindGuess: null })).not.toBe(id);
    expect(getSource(db, matchOrCreateSource(db, { name: "witnesses" }))?.kind).toBe("generic");
    expect(db.select().from(sourceAliases).all()).toHaveLength(2);
  });

  it("runs inside the caller's transaction, and rolls back with it", () => {
    expect(() =>
      db.transaction((tx) => {
        matchOrCreateSource(tx, { name: "Kataib Hezbollah" });
        matchOrCreateSource(db, { name: "Asaib Ahl al-Haq" });
        throw new Error("abort the batch");
      }),
    ).toThrow("abort the batch");
    expect(db.select().from(sources).all()).toEqual([]);
    const id = db.transaction((tx) => matchOrCreateSource(tx, { name: "Kataib Hezbollah" }));
    expect(matchOrCreateSource(db, { name: "kataib hezbollah" })).toBe(id);
  });

  it("follows a merge to the surviving source", () => {
    const kept = createSource(db, { name: "Pentagon" }, analystId);
    const merged = createSource(db, { name: "Defense Dept" }, analystId);
    db.update(sources).set({ mergedIntoId: kept.id }).where(eq(sources.id, merged.id)).run();
    expect(matchOrCreateSource(db, { name: "defense dept" })).toBe(kept.id);
  });

  it("refuses an empty name", () => {
    expect(() => matchOrCreateSource(db, { name: "   " })).toThrow(/empty/);
  });
});
