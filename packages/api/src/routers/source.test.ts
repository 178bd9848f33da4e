import { auditEvents, matchOrCreateSource, sourceAliases, sources } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, type HttpErrorBody, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

describe("source.create", () => {
  it("creates a source with its aliases, applying the defaults, and audits it", async () => {
    const source = await api.caller.source.create({
      name: "  U.S. Department of Defense ",
      aliases: ["Pentagon"],
      country: "US",
    });
    expect(source).toEqual({
      id: expect.any(Number),
      name: "U.S. Department of Defense",
      aliases: ["Pentagon"],
      kind: "generic",
      affiliation: "unknown",
      country: "US",
      reliability: "F",
      claimCount: 0,
    });
    expect(api.db.select().from(sources).all()).toHaveLength(1);
    expect(api.db.select().from(sourceAliases).all()).toHaveLength(2);
    expect(api.db.select().from(auditEvents).get()).toMatchObject({
      entity: "source",
      entityId: source.id,
      action: "create",
      actorId: api.analystId,
    });
    // The bulk importer now matches mentions by the alias.
    expect(matchOrCreateSource(api.db, { name: "the Pentagon" })).toBe(source.id);
  });

  it("answers CONFLICT carrying the owner when a name or alias is taken", async () => {
    const owner = await api.caller.source.create({ name: "Pentagon" });
    await expectTRPCError(
      api.caller.source.create({ name: "DoD", aliases: ["The Pentagon"] }),
      "CONFLICT",
    );
    const http = await api.http.mutation("source.create", { name: "PENTAGON" });
    expect(http.status).toBe(409);
    expect((http.body as HttpErrorBody).error.data.current).toEqual({
      entity: "source",
      record: owner,
    });
    expect(api.db.select().from(sources).all()).toHaveLength(1);
  });

  it("rejects invalid input with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(api.caller.source.create({ name: "   " }), "BAD_REQUEST");
    await expectFieldError(api.http.mutation("source.create", { name: "" }), "name");
    const country = await expectFieldError(
      api.http.mutation("source.create", { name: "Reuters", country: "Iraq" }),
      "country",
    );
    expect(country.error.data.zodError?.fieldErrors.country).toEqual([
      "Use an ISO 3166-1 alpha-2 code such as IQ",
    ]);
    await expectFieldError(
      api.http.mutation("source.create", { name: "X", kind: "alien" }),
      "kind",
    );
    await expectFieldError(
      api.http.mutation("source.create", { name: "X", reliability: "G" }),
      "reliability",
    );
  });
});

describe("source.list", () => {
  it("matches name or alias case-insensitively, most-used first, with claim counts", async () => {
    const text = "Tehran said it funded them. Iraqi officials said they did not.";
    const article = insertTestArticle(api.db, { text });
    const iran = await api.caller.source.create({
      name: "Iranian government",
      aliases: ["Tehran"],
    });
    const iraq = await api.caller.source.create({ name: "Iraqi officials" });
    await api.caller.claim.create({
      articleId: article.id,
      content: spanOf(text, "they did not"),
      sourceId: iraq.id,
    });
    await api.caller.claim.create({
      articleId: article.id,
      content: spanOf(text, "did not"),
      sourceId: iraq.id,
    });
    await api.caller.claim.create({
      articleId: article.id,
      content: spanOf(text, "it funded them"),
      sourceId: iran.id,
    });

    expect(await api.caller.source.list({})).toEqual({
      items: [
        { ...iraq, claimCount: 2 },
        { ...iran, claimCount: 1 },
      ],
    });
    expect((await api.caller.source.list({ query: "TEHR" })).items.map((s) => s.id)).toEqual([
      iran.id,
    ]);
    expect((await api.caller.source.list({ query: "ira" })).items.map((s) => s.id)).toEqual([
      iraq.id,
      iran.id,
    ]);
    expect((await api.caller.source.list({ query: "nobody" })).items).toEqual([]);
  });

  it("rejects invalid input with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(api.caller.source.list({ limit: 0 }), "BAD_REQUEST");
    await expectFieldError(api.http.query("source.list", { limit: 201 }), "limit");
    await expectFieldError(api.http.query("source.list", { query: 5 }), "query");
  });
});

describe("validation errors in the user's language", () => {
  it("a too-long name answers a readable message and field error, not zod's JSON", async () => {
    const long = "x".repeat(301);
    const error = await expectFieldError(
      api.http.mutation("source.create", { name: long }),
      "name",
    );
    expect(error.error.message).toBe("Name: Use at most 300 characters.");
    expect(error.error.data.zodError?.fieldErrors.name).toEqual(["Use at most 300 characters"]);
    const search = await expectFieldError(
      api.http.query("source.list", { query: "y".repeat(201) }),
      "query",
    );
    expect(search.error.message).toBe("Query: Search with at most 200 characters.");
    expect(search.error.message).not.toMatch(/Too big|expected string|\[/);
  });

  it("zod's default messages are rewritten and nested fields are named by their path", async () => {
    const error = await expectFieldError(
      api.http.mutation("source.update", {
        id: 1,
        version: 0,
        patch: { kind: "alien", aliases: ["ok", ""] },
      }),
      "patch",
    );
    expect(error.error.message).toContain("Kind: Choose one of the listed values.");
    expect(error.error.message).toContain("Aliases, item 2: Give the source a name.");
    expect(error.error.data.zodError?.fieldErrors["patch.aliases.1"]).toEqual([
      "Give the source a name",
    ]);
    const limit = await expectFieldError(api.http.query("source.list", { limit: 1000 }), "limit");
    expect(limit.error.message).toBe("Limit: Must be at most 200.");
  });
});

describe("source.update", () => {
  it("edits a source with optimistic concurrency; a stale version is a CONFLICT with the record", async () => {
    const created = await api.caller.source.create({ name: "Bank" });
    const [row] = (await api.caller.corpus.sources({})).items;
    expect(row?.version).toBe(0);
    const updated = await api.caller.source.update({
      id: created.id,
      version: 0,
      patch: { name: "Bank of England", aliases: ["the Bank"], country: "gb", reliability: "B" },
    });
    expect(updated).toMatchObject({
      name: "Bank of England",
      aliases: ["the Bank"],
      country: "GB",
      version: 1,
    });
    const stale = await api.http.mutation("source.update", {
      id: created.id,
      version: 0,
      patch: { reliability: "A" },
    });
    expect(stale.status).toBe(409);
    expect((stale.body as HttpErrorBody).error.data.current?.record).toMatchObject({
      reliability: "B",
    });
  });

  it("names the field and the owner when a name is taken, and is refused to viewers", async () => {
    const owner = await api.caller.source.create({ name: "Pentagon" });
    const other = await api.caller.source.create({ name: "DoD" });
    const taken = await expectFieldError(
      api.http.mutation("source.update", {
        id: other.id,
        version: 0,
        patch: { aliases: ["The Pentagon"] },
      }),
      "aliases",
    );
    expect(taken.error.message).toContain(`source ${owner.id} ("Pentagon")`);
    const viewer = api.callerAs("viewer").caller;
    await expectTRPCError(
      viewer.source.update({ id: other.id, version: 0, patch: { reliability: "A" } }),
      "FORBIDDEN",
    );
  });
});

describe("source.merge, source.undoMerge, source.recentMerges, source.mergeProposals", () => {
  it("merges several sources, lists the merge, and undoes it", async () => {
    const text = "Blair said a. The PM said b. Tony Blair said c.";
    const article = insertTestArticle(api.db, { text });
    const ids = ["Blair", "The PM", "Tony Blair"].map((name) =>
      matchOrCreateSource(api.db, { name, kindGuess: "named_person" }),
    );
    for (const [i, sourceId] of ids.entries())
      await api.caller.claim.create({
        articleId: article.id,
        content: spanOf(text, `said ${"abc"[i]}`),
        sourceId,
      });
    const [blair, mrBlair, tony] = ids as [number, number, number];
    const proposals = await api.caller.source.mergeProposals({});
    expect(proposals.map((p) => [p.merge.id, p.keep.id])).toEqual([[blair, tony]]);

    const merged = await api.caller.source.merge({ keepId: tony, mergeIds: [blair, mrBlair] });
    expect(merged).toMatchObject({ movedClaims: 2, kept: { claimCount: 3 } });
    expect(await api.caller.source.mergeProposals({})).toEqual([]);
    const recent = await api.caller.source.recentMerges({});
    expect(recent.map((m) => m.merged.id)).toEqual([mrBlair, blair]);

    const undone = await api.caller.source.undoMerge({ id: blair });
    expect(undone).toMatchObject({ restoredClaims: 1, restored: { id: blair, claimCount: 1 } });
    const again = await expectFieldError(
      api.http.mutation("source.undoMerge", { id: blair }),
      "id",
    );
    expect(again.error.message).toContain("is not merged");
    await expectFieldError(
      api.http.mutation("source.merge", { keepId: tony, mergeIds: [tony] }),
      "mergeIds",
    );
  });
});
