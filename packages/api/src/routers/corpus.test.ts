import { auditEvents, propositions } from "@claimdesk/db";
import { insertTestArticle, insertTestSuggestion, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

/** One row of raw SQL (the test package does not depend on drizzle-orm). */
function row(query: string, ...params: unknown[]): Record<string, unknown> | undefined {
  return api.db.$client.prepare(query).get(...params) as Record<string, unknown> | undefined;
}

const TEXT_A =
  "Tehran said it funded the militias. Iraqi officials said the attacks stopped. Witnesses said drones flew overnight.";
const TEXT_B = "The Pentagon said troops would stay. Tehran denied any role in the strike.";

/** Two articles, three sources, five claims; the local analyst annotates two of them. */
async function seed() {
  const a = insertTestArticle(api.db, {
    text: TEXT_A,
    title: "Pause",
    publisher: "Reuters",
    publishedAt: "2024-02-06",
  });
  const b = insertTestArticle(api.db, {
    text: TEXT_B,
    title: "Troops",
    publisher: "AP",
    publishedAt: "2024-03-01T10:00:00Z",
  });
  const iran = await api.caller.source.create({ name: "Tehran", kind: "named_organization" });
  const iraq = await api.caller.source.create({
    name: "Iraqi officials",
    kind: "unnamed_official",
  });
  const dod = await api.caller.source.create({ name: "Pentagon", kind: "named_organization" });
  const mk = (articleId: number, text: string, exact: string, sourceId: number | null) =>
    api.caller.claim.create({ articleId, content: spanOf(text, exact), sourceId });
  const c1 = await mk(a.id, TEXT_A, "it funded the militias", iran.id);
  const c2 = await mk(a.id, TEXT_A, "the attacks stopped", iraq.id);
  const c3 = await mk(a.id, TEXT_A, "drones flew overnight", null);
  // c4 is a rule's suggestion nobody has decided on (the others are the analyst's hand-made claims).
  const c4id = insertTestSuggestion(api.db, {
    articleId: b.id,
    text: TEXT_B,
    content: "troops would stay",
    source: "The Pentagon",
    cue: "said",
    sourceId: dod.id,
  });
  const c4 = { id: c4id, version: 0 };
  const c5 = await mk(b.id, TEXT_B, "any role in the strike", iran.id);
  // Suggested and rejected statuses through the update path.
  const c3b = await api.caller.claim.update({
    id: c3.id,
    version: c3.version,
    patch: { status: "rejected" },
  });
  await api.caller.annotation.upsert({
    claimId: c1.id,
    values: { sourceStance: "support", likelihood: "likely", tags: ["funding"] },
  });
  await api.caller.annotation.upsert({
    claimId: c5.id,
    values: { sourceStance: "deny", likelihood: "unlikely" },
  });
  return { a, b, iran, iraq, dod, c1, c2, c3: c3b, c4, c5 };
}

describe("corpus.claims", () => {
  it("lists every claim newest first with the row's details, paged by cursor", async () => {
    const s = await seed();
    const first = await api.caller.corpus.claims({ limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([s.c5.id, s.c4.id]);
    expect(first.nextCursor).toBe(2);
    expect(first.items[0]).toMatchObject({
      articleId: s.b.id,
      articleTitle: "Troops",
      publisher: "AP",
      sourceName: "Tehran",
      sourceKind: "named_organization",
      status: "accepted",
      sourceStance: "deny",
      likelihood: "unlikely",
    });
    const rest = await api.caller.corpus.claims({ limit: 10, cursor: 2 });
    expect(rest.items.map((r) => r.id)).toEqual([s.c3.id, s.c2.id, s.c1.id]);
    expect(rest.nextCursor).toBeNull();
  });

  it("filters by status, source kind, stance, likelihood, publisher, dates, tag and text", async () => {
    const s = await seed();
    const ids = async (filter: Parameters<typeof api.caller.corpus.claims>[0]["filter"]) =>
      (
        await api.caller.corpus.claims({ filter, sort: { field: "id", direction: "asc" } })
      ).items.map((r) => r.id);
    expect(await ids({ status: ["suggested", "rejected"] })).toEqual([s.c3.id, s.c4.id]);
    expect(await ids({ sourceKind: ["named_organization"] })).toEqual([s.c1.id, s.c4.id, s.c5.id]);
    expect(await ids({ sourceStance: ["deny"] })).toEqual([s.c5.id]);
    expect(await ids({ likelihood: ["likely", "unlikely"] })).toEqual([s.c1.id, s.c5.id]);
    expect(await ids({ publisher: ["AP"] })).toEqual([s.c4.id, s.c5.id]);
    expect(await ids({ dateFrom: "2024-03-01", dateTo: "2024-03-01" })).toEqual([s.c4.id, s.c5.id]);
    expect(await ids({ tag: ["funding"] })).toEqual([s.c1.id]);
    expect(await ids({ query: "drone" })).toEqual([s.c3.id]);
    expect(await ids({ sourceId: [s.iran.id], status: ["accepted"] })).toEqual([s.c1.id, s.c5.id]);
    expect(await api.caller.corpus.count({ filter: { sourceId: [s.iran.id] } })).toEqual({
      total: 2,
      capped: false,
    });
    expect(await api.caller.corpus.count({ filter: {}, cap: 3 })).toEqual({
      total: 3,
      capped: true,
    });
  });

  it("sorts by article date, source, status and article", async () => {
    const s = await seed();
    const order = async (
      field: "publishedAt" | "source" | "status" | "article",
      direction: "asc" | "desc",
    ) => (await api.caller.corpus.claims({ sort: { field, direction } })).items.map((r) => r.id);
    expect(await order("publishedAt", "asc")).toEqual([
      s.c1.id,
      s.c2.id,
      s.c3.id,
      s.c4.id,
      s.c5.id,
    ]);
    expect(await order("publishedAt", "desc")).toEqual([
      s.c5.id,
      s.c4.id,
      s.c3.id,
      s.c2.id,
      s.c1.id,
    ]);
    expect((await order("status", "asc")).slice(0, 3)).toEqual([s.c1.id, s.c2.id, s.c5.id]);
    // By name key: "iraqi officials" < "pentagon" < "tehran"; the sourceless claim sorts first.
    expect(await order("source", "asc")).toEqual([s.c3.id, s.c2.id, s.c4.id, s.c1.id, s.c5.id]);
    expect(await order("article", "desc")).toEqual([s.c5.id, s.c4.id, s.c3.id, s.c2.id, s.c1.id]);
  });

  it("rejects invalid input with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(api.caller.corpus.claims({ limit: 0 }), "BAD_REQUEST");
    await expectFieldError(
      api.http.query("corpus.claims", { filter: { status: ["nope"] } }),
      "filter",
    );
    await expectFieldError(
      api.http.query("corpus.claims", { sort: { field: "content", direction: "asc" } }),
      "sort",
    );
    await expectFieldError(
      api.http.query("corpus.claims", { filter: { dateFrom: "May" } }),
      "filter",
    );
  });
});

describe("corpus.bulkUpdate", () => {
  it("updates current claims, reports stale and missing ones, and audits each change", async () => {
    const s = await seed();
    // Someone else edits c2 after the table loaded it.
    await api.caller.claim.update({
      id: s.c2.id,
      version: s.c2.version,
      patch: { cueLemma: "say" },
    });
    const before = api.db.select().from(auditEvents).all().length;
    const result = await api.caller.corpus.bulkUpdate({
      claims: [
        { id: s.c1.id, version: s.c1.version },
        { id: s.c2.id, version: s.c2.version },
        { id: 9999, version: 0 },
        { id: s.c4.id, version: s.c4.version },
      ],
      action: { type: "reject" },
    });
    expect(result.updated).toBe(2);
    expect(result.failed).toBe(2);
    expect(result.results).toEqual([
      { id: s.c1.id, ok: true, version: s.c1.version + 1 },
      {
        id: s.c2.id,
        ok: false,
        reason: "conflict",
        message: expect.stringContaining("changed elsewhere"),
      },
      { id: 9999, ok: false, reason: "not_found", message: "Claim 9999 not found" },
      { id: s.c4.id, ok: true, version: s.c4.version + 1 },
    ]);
    // Each change is in the analyst's own layer; the suggestion c4 itself stays as suggested.
    const statusOf = (id: number) =>
      row(
        "select status from claim_layers where claim_id = ? and analyst_id = ?",
        id,
        api.analystId,
      )?.status;
    expect(statusOf(s.c1.id)).toBe("rejected");
    expect(statusOf(s.c2.id)).toBe("accepted");
    expect(statusOf(s.c4.id)).toBe("rejected");
    expect(row("select status from claims where id = ?", s.c4.id)?.status).toBe("suggested");
    expect(api.db.select().from(auditEvents).all().length - before).toBe(2);
  });

  it("sets and clears a proposition, refusing one that does not exist", async () => {
    const s = await seed();
    const prop = api.db
      .insert(propositions)
      .values({ text: "Iran funds the militias" })
      .returning()
      .get();
    const set = await api.caller.corpus.bulkUpdate({
      claims: [
        { id: s.c1.id, version: s.c1.version },
        { id: s.c5.id, version: s.c5.version },
      ],
      action: { type: "setProposition", propositionId: prop.id },
    });
    expect(set.updated).toBe(2);
    const filtered = await api.caller.corpus.claims({ filter: { propositionId: [prop.id] } });
    expect(filtered.items.map((r) => r.propositionText)).toEqual([prop.text, prop.text]);
    const err = await expectFieldError(
      api.http.mutation("corpus.bulkUpdate", {
        claims: [{ id: s.c1.id, version: s.c1.version + 1 }],
        action: { type: "setProposition", propositionId: 777 },
      }),
      "action",
    );
    expect(err.error.message).toBe("Proposition 777 does not exist");
    await expectFieldError(
      api.http.mutation("corpus.bulkUpdate", { claims: [], action: { type: "accept" } }),
      "claims",
    );
  });
});

describe("corpus.mergeSources", () => {
  it("moves claims and aliases to the kept source and hides the merged one", async () => {
    const s = await seed();
    const iranGov = await api.caller.source.create({
      name: "Iranian government",
      aliases: ["Iran"],
    });
    const result = await api.caller.corpus.mergeSources({ keepId: iranGov.id, mergeId: s.iran.id });
    expect(result.movedClaims).toBe(2);
    expect(result.kept).toMatchObject({
      id: iranGov.id,
      aliases: ["Iran", "Tehran"],
      claimCount: 2,
    });
    const rows = await api.caller.corpus.claims({ filter: { sourceId: [iranGov.id] } });
    expect(rows.items.map((r) => [r.id, r.sourceName])).toEqual([
      [s.c5.id, "Iranian government"],
      [s.c1.id, "Iranian government"],
    ]);
    expect(row("select merged_into_id, claim_count from sources where id = ?", s.iran.id)).toEqual({
      merged_into_id: iranGov.id,
      claim_count: 0,
    });
    expect(row("select count(*) as n from source_aliases where source_id = ?", iranGov.id)?.n).toBe(
      3,
    );
    const registry = await api.caller.corpus.sources({ query: "tehran" });
    expect(registry.items.map((r) => r.id)).toEqual([iranGov.id]);
    expect(row("select entity, entity_id from audit_events where action = 'merge'")).toEqual({
      entity: "source",
      entity_id: s.iran.id,
    });
    // Editing a moved claim with the version from before the merge is a conflict.
    await expectTRPCError(
      api.caller.claim.update({
        id: s.c1.id,
        version: s.c1.version,
        patch: { status: "rejected" },
      }),
      "CONFLICT",
    );
  });

  it("refuses a self-merge, a missing source and a source already merged", async () => {
    const s = await seed();
    await expectFieldError(
      api.http.mutation("corpus.mergeSources", { keepId: s.iran.id, mergeId: s.iran.id }),
      "mergeId",
    );
    await expectTRPCError(
      api.caller.corpus.mergeSources({ keepId: 999, mergeId: s.iran.id }),
      "NOT_FOUND",
    );
    await expectTRPCError(
      api.caller.corpus.mergeSources({ keepId: s.iran.id, mergeId: 999 }),
      "NOT_FOUND",
    );
    await api.caller.corpus.mergeSources({ keepId: s.dod.id, mergeId: s.iraq.id });
    await expectFieldError(
      api.http.mutation("corpus.mergeSources", { keepId: s.iran.id, mergeId: s.iraq.id }),
      "mergeId",
    );
  });
});

describe("corpus.sources", () => {
  it("lists the registry most-cited first with counts, by kind and search", async () => {
    const s = await seed();
    const all = await api.caller.corpus.sources({});
    expect(all.items.map((r) => [r.name, r.claimCount])).toEqual([
      ["Tehran", 2],
      ["Iraqi officials", 1],
      ["Pentagon", 1],
    ]);
    expect(all.total).toBe(3);
    const kind = await api.caller.corpus.sources({ kind: ["unnamed_official"] });
    expect(kind.items.map((r) => r.id)).toEqual([s.iraq.id]);
    await expectFieldError(api.http.query("corpus.sources", { kind: ["alien"] }), "kind");
  });
});

describe("corpus.stats and corpus.facets", () => {
  it("counts claims by status, kind, stance and likelihood", async () => {
    await seed();
    const stats = await api.caller.corpus.stats();
    expect(stats.totalClaims).toBe(5);
    expect(Object.fromEntries(stats.byStatus.map((r) => [r.status, r.count]))).toEqual({
      accepted: 3,
      suggested: 1,
      rejected: 1,
    });
    expect(stats.annotated).toBe(2);
    expect(Object.fromEntries(stats.bySourceKind.map((r) => [String(r.kind), r.count]))).toEqual({
      named_organization: 3,
      unnamed_official: 1,
      null: 1,
    });
    expect(stats.byKindAndStance).toEqual(
      expect.arrayContaining([
        { kind: "named_organization", stance: "support", count: 1 },
        { kind: "named_organization", stance: "deny", count: 1 },
      ]),
    );
    expect(Object.fromEntries(stats.byLikelihood.map((r) => [r.likelihood, r.count]))).toEqual({
      likely: 1,
      unlikely: 1,
    });
    const facets = await api.caller.corpus.facets();
    expect(facets.publishers).toEqual([
      { value: "AP", count: 1 },
      { value: "Reuters", count: 1 },
    ]);
    expect(facets.tags).toEqual([{ value: "funding", count: 1 }]);
    expect(facets.sources.map((r) => r.name)).toEqual(["Tehran", "Iraqi officials", "Pentagon"]);
  });
});

describe("corpus.propositions and corpus.proposition", () => {
  it("lists propositions with counts and shows who supports and who denies", async () => {
    const s = await seed();
    const prop = api.db
      .insert(propositions)
      .values({ text: "Iran funds the militias" })
      .returning()
      .get();
    api.db.insert(propositions).values({ text: "Troops stay" }).run();
    await api.caller.corpus.bulkUpdate({
      claims: [
        { id: s.c1.id, version: s.c1.version },
        { id: s.c5.id, version: s.c5.version },
        { id: s.c2.id, version: s.c2.version },
      ],
      action: { type: "setProposition", propositionId: prop.id },
    });
    const list = await api.caller.corpus.propositions({});
    expect(list.items.map((r) => [r.text, r.claimCount])).toEqual([
      ["Iran funds the militias", 3],
      ["Troops stay", 0],
    ]);
    expect((await api.caller.corpus.propositions({ query: "TROOPS" })).total).toBe(1);
    const overview = await api.caller.corpus.proposition({ id: prop.id });
    expect(overview.claimCount).toBe(3);
    expect(overview.firstAppearance).toBe("2024-02-06");
    expect(overview.bySource).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sourceName: "Tehran",
          stance: "support",
          claims: 1,
          firstAppearance: "2024-02-06",
        }),
        expect.objectContaining({
          sourceName: "Tehran",
          stance: "deny",
          claims: 1,
          firstAppearance: "2024-03-01",
        }),
        expect.objectContaining({ sourceName: "Iraqi officials", stance: null, claims: 1 }),
      ]),
    );
    expect(overview.timeline).toEqual([
      { day: "2024-02-06", stance: null, claims: 1 },
      { day: "2024-02-06", stance: "support", claims: 1 },
      { day: "2024-03-01", stance: "deny", claims: 1 },
    ]);
    expect(overview.claims.map((c) => c.id)).toEqual([s.c1.id, s.c2.id, s.c5.id]);
    await expectTRPCError(api.caller.corpus.proposition({ id: 999 }), "NOT_FOUND");
    await expectFieldError(api.http.query("corpus.proposition", { id: -1 }), "id");
  });
});
