import { auditEvents, claims, getClaimWithDetails } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, type HttpErrorBody, setupApi } from "../testing";

const TEXT = 'Tehran says it has funded allies. "We will respond," the official said.';

let api: ReturnType<typeof setupApi>;
let articleId: number;
beforeEach(() => {
  api = setupApi();
  articleId = insertTestArticle(api.db, { title: "Allies", text: TEXT }).id;
});
afterEach(() => api.db.$client.close());

const auditOf = (entity: string) =>
  api.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.entity === entity);

const create = () =>
  api.caller.claim.create({
    articleId,
    content: spanOf(TEXT, "it has funded allies"),
    sourceMention: spanOf(TEXT, "Tehran"),
    cue: spanOf(TEXT, "says"),
    cueLemma: "say",
  });

describe("claim.create", () => {
  it("creates an accepted analyst claim, persists it and audits it", async () => {
    const claim = await create();
    expect(claim).toMatchObject({
      articleId,
      contentText: "it has funded allies",
      sourceText: "Tehran",
      cueText: "says",
      origin: "analyst",
      status: "accepted",
      quoteType: "indirect",
      version: 0,
      source: null,
      annotation: null,
    });
    expect(getClaimWithDetails(api.db, claim.id, api.analystId)).toEqual(claim);
    const audit = auditOf("claim").filter((e) => e.entityId === claim.id);
    expect(audit).toMatchObject([{ entity: "claim", action: "create", actorId: api.analystId }]);
  });

  it("rejects malformed input with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(
      api.caller.claim.create({ articleId, content: { start: 5, end: 2, exact: "abc" } }),
      "BAD_REQUEST",
    );
    await expectFieldError(
      api.http.mutation("claim.create", { articleId, content: { start: 0, end: 3, exact: "Te" } }),
      "content",
    );
    await expectFieldError(
      api.http.mutation("claim.create", {
        articleId,
        content: spanOf(TEXT, "it"),
        quoteType: "loud",
      }),
      "quoteType",
    );
    await expectFieldError(
      api.http.mutation("claim.create", { content: spanOf(TEXT, "it") }),
      "articleId",
    );
  });

  it("rejects a span that does not match the article text: BAD_REQUEST naming the span", async () => {
    const wrong = { start: 0, end: 6, exact: "Moscow" };
    const error = await expectTRPCError(
      api.caller.claim.create({ articleId, content: spanOf(TEXT, "it has"), sourceMention: wrong }),
      "BAD_REQUEST",
    );
    expect(error.message).toMatch(
      /source mention span 0–6 reads "Tehran" in article \d+, not "Moscow"/,
    );
    const http = await expectFieldError(
      api.http.mutation("claim.create", {
        articleId,
        content: { start: 60, end: 90, exact: "x".repeat(30) },
      }),
      "content",
    );
    expect(http.error.message).toMatch(/lies outside article/);
    expect(api.db.select().from(claims).all()).toEqual([]);
  });

  it("answers NOT_FOUND for a missing article", async () => {
    await expectTRPCError(
      api.caller.claim.create({ articleId: 999, content: spanOf(TEXT, "it has") }),
      "NOT_FOUND",
    );
  });
});

describe("claim.update", () => {
  it("applies the patch, bumps the version and audits before/after", async () => {
    const claim = await create();
    const updated = await api.caller.claim.update({
      id: claim.id,
      version: 0,
      patch: { quoteType: "mixed", cue: null, status: "rejected" },
    });
    expect(updated).toMatchObject({
      id: claim.id,
      version: 1,
      quoteType: "mixed",
      cueText: null,
      status: "rejected",
    });
    expect(getClaimWithDetails(api.db, claim.id, api.analystId)).toEqual(updated);
    const audit = auditOf("claim").find((e) => e.action === "update");
    expect(audit).toMatchObject({
      entity: "claim",
      entityId: claim.id,
      before: { version: 0, quoteType: "indirect" },
      after: { version: 1, quoteType: "mixed" },
    });
  });

  it("answers CONFLICT on a stale version, carrying the current claim, overwriting nothing", async () => {
    const claim = await create();
    const theirs = await api.caller.claim.update({
      id: claim.id,
      version: 0,
      patch: { quoteType: "direct" },
    });

    const error = await expectTRPCError(
      api.caller.claim.update({
        id: claim.id,
        version: 0,
        patch: { quoteType: "mixed", status: "rejected" },
      }),
      "CONFLICT",
    );
    expect(error.message).toBe(`Claim ${claim.id} was changed elsewhere (version 1, you had 0)`);
    const http = await api.http.mutation("claim.update", {
      id: claim.id,
      version: 0,
      patch: { status: "rejected" },
    });
    expect(http.status).toBe(409);
    expect((http.body as HttpErrorBody).error.data.current).toEqual({
      entity: "claim",
      record: theirs,
    });
    expect(getClaimWithDetails(api.db, claim.id, api.analystId)).toEqual(theirs);
    expect(auditOf("claim").filter((e) => e.action === "update")).toHaveLength(1);
  });

  it("rejects invalid input and answers NOT_FOUND for a missing claim", async () => {
    await expectFieldError(
      api.http.mutation("claim.update", { id: 1, version: 0, patch: {} }),
      "patch",
    );
    await expectFieldError(
      api.http.mutation("claim.update", { id: 1, version: -1, patch: { status: "accepted" } }),
      "version",
    );
    await expectFieldError(
      api.http.mutation("claim.update", { id: 1, version: 0, patch: { status: "maybe" } }),
      "patch",
    );
    await expectTRPCError(
      api.caller.claim.update({ id: 999, version: 0, patch: { status: "accepted" } }),
      "NOT_FOUND",
    );
  });

  it("answers BAD_REQUEST naming sourceId when the source does not exist", async () => {
    const claim = await create();
    const http = await expectFieldError(
      api.http.mutation("claim.update", { id: claim.id, version: 0, patch: { sourceId: 12345 } }),
      "sourceId",
    );
    expect(http.error.message).toBe("Source 12345 does not exist");
  });
});

describe("claim.delete", () => {
  it("deletes with the current version and audits it", async () => {
    const claim = await create();
    expect(await api.caller.claim.delete({ id: claim.id, version: 0 })).toEqual({ id: claim.id });
    expect(api.db.select().from(claims).all()).toEqual([]);
    expect(auditOf("claim").find((e) => e.action === "delete")).toMatchObject({
      entity: "claim",
      entityId: claim.id,
      actorId: api.analystId,
    });
  });

  it("answers CONFLICT when stale, NOT_FOUND when missing, BAD_REQUEST when malformed", async () => {
    const claim = await create();
    await api.caller.claim.update({ id: claim.id, version: 0, patch: { status: "rejected" } });
    const conflict = await expectTRPCError(
      api.caller.claim.delete({ id: claim.id, version: 0 }),
      "CONFLICT",
    );
    expect(conflict.message).toMatch(/version 1, you had 0/);
    expect(api.db.select().from(claims).all()).toHaveLength(1);
    await expectTRPCError(api.caller.claim.delete({ id: 999, version: 0 }), "NOT_FOUND");
    await expectFieldError(api.http.mutation("claim.delete", { id: claim.id }), "version");
  });
});
