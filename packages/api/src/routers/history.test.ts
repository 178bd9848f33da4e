import { auditEvents } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectTRPCError, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
let claimId: number;
let sourceId: number;
let propositionId: number;
let articleId: number;
beforeEach(async () => {
  api = setupApi();
  const text = "Tehran says it has funded allies.";
  const article = insertTestArticle(api.db, { text });
  articleId = article.id;
  sourceId = (await api.caller.source.create({ name: "Tehran", kind: "named_organization" })).id;
  propositionId = (await api.caller.proposition.create({ text: "Iran funds its allies" })).id;
  claimId = (
    await api.caller.claim.create({
      articleId: article.id,
      content: spanOf(text, "it has funded allies"),
      sourceId,
      propositionId,
    })
  ).id;
});
afterEach(() => api.db.$client.close());

describe("history.forClaim", () => {
  it("lists the claim's, its annotations' and its source's and proposition's events, newest first, with field diffs", async () => {
    const created = await api.caller.annotation.upsert({
      claimId,
      values: { likelihood: "likely", tags: ["iran"] },
    });
    await api.caller.annotation.upsert({
      claimId,
      version: created.version,
      values: { likelihood: "very_likely", note: "Two sources" },
    });
    await api.caller.claim.update({ id: claimId, version: 0, patch: { status: "rejected" } });

    const history = await api.caller.history.forClaim({ claimId });
    expect(history.map((e) => `${e.entity}:${e.action}`)).toEqual([
      "claim:update",
      "annotation:update",
      "annotation:create",
      "claim:create",
      "proposition:create",
      "source:create",
    ]);
    expect(history.every((e) => e.actor?.name === "Ana Analyst")).toBe(true);
    const times = history.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(history[0]?.changes).toEqual([
      { field: "status", before: "accepted", after: "rejected" },
    ]);
    expect(history[1]?.changes).toEqual([
      { field: "likelihood", before: "likely", after: "very_likely" },
      { field: "note", before: null, after: "Two sources" },
    ]);
    // A create lists the fields it set (not the empty ones, not the bookkeeping).
    expect(history[2]?.changes).toEqual([
      { field: "claimId", before: null, after: claimId },
      { field: "analystId", before: null, after: api.analystId },
      { field: "likelihood", before: null, after: "likely" },
      { field: "tags", before: null, after: ["iran"] },
    ]);
  });

  it("leaves out other claims' and unrelated entities' events", async () => {
    const text = "Washington says it disagrees.";
    const other = insertTestArticle(api.db, { text });
    const otherClaim = await api.caller.claim.create({
      articleId: other.id,
      content: spanOf(text, "it disagrees"),
    });
    await api.caller.annotation.upsert({
      claimId: otherClaim.id,
      values: { likelihood: "likely" },
    });
    await api.caller.source.create({ name: "Washington" });
    const history = await api.caller.history.forClaim({ claimId });
    expect(history.map((e) => e.entity).sort()).toEqual(["claim", "proposition", "source"]);
  });

  it("keeps a deleted claim's history readable, its annotations' events included", async () => {
    await api.caller.annotation.upsert({ claimId, values: { sourceStance: "support" } });
    await api.caller.claim.delete({ id: claimId, version: 0 });
    const eventsBefore = api.db.select().from(auditEvents).all().length;

    const judy = api.callerAs("adjudicator", "Judy").caller;
    const expected = [
      "claim:delete:Ana Analyst",
      "annotation:create:Ana Analyst",
      "claim:create:Ana Analyst",
      "proposition:create:Ana Analyst",
      "source:create:Ana Analyst",
    ];
    const seen = async (caller: typeof judy) =>
      (await caller.history.forClaim({ claimId })).map(
        (e) => `${e.entity}:${e.action}:${e.actor?.name}`,
      );
    expect(await seen(judy)).toEqual(expected);
    const history = await judy.history.forClaim({ claimId });
    expect(history[0]?.changes).toContainEqual({
      field: "status",
      before: "accepted",
      after: null,
    });
    // Ana reads her own deleted claim's history; Ben, another analyst, reads none of her work on
    // it (nor which source and proposition her claim linked).
    expect(await seen(api.caller)).toEqual(expected);
    // To Ben the deleted draft claim of Ana's is not found at all, as a missing id is.
    await expectTRPCError(
      api.callerAs("analyst", "Ben Analyst").caller.history.forClaim({ claimId }),
      "NOT_FOUND",
    );
    // Reading wrote (and deleted) nothing.
    expect(api.db.select().from(auditEvents).all().length).toBe(eventsBefore);
  });

  it("is NOT_FOUND for a claim that never existed, UNAUTHORIZED without a session, open to viewers", async () => {
    await expectTRPCError(api.caller.history.forClaim({ claimId: 999_999 }), "NOT_FOUND");
    await expectTRPCError(api.anonymous.history.forClaim({ claimId }), "UNAUTHORIZED");
    const viewer = api.callerAs("viewer").caller;
    // Ana's hand-made claim is her draft: to a viewer (who reads gold) it does not exist yet.
    await expectTRPCError(viewer.history.forClaim({ claimId }), "NOT_FOUND");
    // Submitted, it is gold: the viewer sees what it links, not Ana's layer's own events.
    await api.caller.article.submit({ id: articleId });
    expect((await viewer.history.forClaim({ claimId })).map((e) => e.entity).sort()).toEqual([
      "proposition",
      "source",
    ]);
  });
});
