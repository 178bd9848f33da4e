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
