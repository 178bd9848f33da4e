import { auditEvents, type Db } from "@claimdesk/db";
import { insertTestArticle, insertTestSuggestion } from "@claimdesk/db/testing";
import type { TAdjudicationValues } from "@claimdesk/types";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { expectFieldError, expectTRPCError, type HttpErrorBody, setupApi } from "../testing";
import { createContextInner, type SessionUser } from "../trpc";

/** A POST through the fetch adapter as `user` (the shared harness posts as the analyst only). */
async function postAs(db: Db, user: SessionUser, path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      body: JSON.stringify(input),
      headers: { "content-type": "application/json" },
    }),
    router: appRouter,
    createContext: () => createContextInner({ db, user }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const EMPTY: TAdjudicationValues = {
  sourceStance: null,
  reportingStance: null,
  likelihood: null,
  analyticConfidence: null,
  credibility: null,
  verdict: null,
};

let api: ReturnType<typeof setupApi>;
let claimId: number;
let judy: ReturnType<ReturnType<typeof setupApi>["callerAs"]>;
beforeEach(async () => {
  api = setupApi();
  const text = "Tehran says it has funded allies.";
  const article = insertTestArticle(api.db, { text, title: "Allies" });
  claimId = insertTestSuggestion(api.db, {
    articleId: article.id,
    text,
    content: "funded allies",
    source: "Tehran",
    cue: "says",
  });
  // Ana (the default caller) and Ben both accept the suggestion, disagree on the verdict and
  // submit their layers of the article.
  const ben = api.callerAs("analyst", "Ben");
  for (const analyst of [api.caller, ben.caller])
    await analyst.claim.update({ id: claimId, version: 0, patch: { status: "accepted" } });
  await api.caller.annotation.upsert({ claimId, values: { verdict: "supported" } });
  await ben.caller.annotation.upsert({ claimId, values: { verdict: "refuted" } });
  await api.caller.article.submit({ id: article.id });
  await ben.caller.article.submit({ id: article.id });
  judy = api.callerAs("adjudicator", "Judy");
});
afterEach(() => api.db.$client.close());

describe("adjudication router", () => {
  it("shows the decision to an analyst only once they have submitted their own annotation", async () => {
    const decided = await judy.caller.adjudication.decide({
      claimId,
      values: { ...EMPTY, verdict: "refuted" },
      note: null,
      version: null,
    });
    // Cyd has a draft on the claim; Dan has nothing: the decision would tell them the others' view.
    const cyd = api.callerAs("analyst", "Cyd");
    const dan = api.callerAs("analyst", "Dan");
    await cyd.caller.annotation.upsert({ claimId, values: { verdict: "supported" } });
    expect(await cyd.caller.adjudication.byClaim({ claimId })).toBeNull();
    expect(await dan.caller.adjudication.byClaim({ claimId })).toBeNull();
    await cyd.caller.annotation.submit({ claimId });
    expect(await cyd.caller.adjudication.byClaim({ claimId })).toEqual(decided);
    // Viewers and adjudicators see it as soon as it exists.
    const viewer = api.callerAs("viewer", "Vic");
    expect(await viewer.caller.adjudication.byClaim({ claimId })).toEqual(decided);
    expect(await judy.caller.adjudication.byClaim({ claimId })).toEqual(decided);
  });

  it("lists the dispute for an adjudicator and records the decision", async () => {
    const queue = await judy.caller.adjudication.queue({ status: "open" });
    expect(queue.items.map((i) => [i.claim.id, i.disputedFields])).toEqual([
      [claimId, ["verdict"]],
    ]);
    expect(queue.items[0]?.analysts.map((a) => [a.analyst.name, a.verdict])).toEqual([
      ["Ana Analyst", "supported"],
      ["Ben", "refuted"],
    ]);
    const decided = await judy.caller.adjudication.decide({
      claimId,
      values: { ...EMPTY, verdict: "refuted" },
      note: "  Ben is right  ",
      version: null,
    });
    expect(decided).toMatchObject({
      claimId,
      verdict: "refuted",
      note: "Ben is right",
      version: 0,
      adjudicator: { id: judy.user.id, name: "Judy" },
    });
    expect(await api.caller.adjudication.byClaim({ claimId })).toEqual(decided);
    const resolved = await judy.caller.adjudication.queue({ status: "resolved" });
    expect(resolved.items[0]?.adjudication).toEqual(decided);
    expect(resolved.counts).toEqual({ open: 0, resolved: 1 });
    const audit = api.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.entity === "adjudication");
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["create", judy.user.id]]);
  });

  it("an admin may adjudicate too (the role above)", async () => {
    const admin = api.callerAs("admin");
    const decided = await admin.caller.adjudication.decide({
      claimId,
      values: { ...EMPTY, verdict: "supported" },
      version: null,
    });
    expect(decided.adjudicator.id).toBe(admin.user.id);
    // A blank note is no note.
    const revised = await admin.caller.adjudication.decide({
      claimId,
      values: { ...EMPTY, verdict: "supported" },
      note: "   ",
      version: decided.version,
    });
    expect(revised).toMatchObject({ note: null, version: 1 });
  });

  it("answers a stale version with CONFLICT carrying the current decision", async () => {
    const first = await judy.caller.adjudication.decide({
      claimId,
      values: { ...EMPTY, verdict: "refuted" },
      version: null,
    });
    await judy.caller.adjudication.decide({
      claimId,
      values: { ...EMPTY, verdict: "supported" },
      version: first.version,
    });
    await expectTRPCError(
      judy.caller.adjudication.decide({
        claimId,
        values: { ...EMPTY, verdict: "not_enough_info" },
        version: first.version,
      }),
      "CONFLICT",
    );
    // Over HTTP the error carries the decision as it is now, as the UI reads it.
    const { status, body } = await postAs(api.db, judy.user, "adjudication.decide", {
      claimId,
      values: EMPTY,
      version: 0,
    });
    expect(status).toBe(409);
    expect((body as HttpErrorBody).error.data.current).toMatchObject({
      entity: "adjudication",
      record: { claimId, verdict: "supported", version: 1 },
    });
    await expectTRPCError(
      judy.caller.adjudication.decide({ claimId: 999, values: EMPTY, version: null }),
      "NOT_FOUND",
    );
  });

  it("enforces the roles: viewer and analyst FORBIDDEN, anonymous UNAUTHORIZED", async () => {
    const viewer = api.callerAs("viewer");
    const decide = { claimId, values: EMPTY, version: null };
    await expectTRPCError(api.caller.adjudication.queue({ status: "open" }), "FORBIDDEN");
    await expectTRPCError(api.caller.adjudication.decide(decide), "FORBIDDEN");
    await expectTRPCError(viewer.caller.adjudication.queue({}), "FORBIDDEN");
    await expectTRPCError(viewer.caller.adjudication.decide(decide), "FORBIDDEN");
    await expectTRPCError(api.anonymous.adjudication.queue({}), "UNAUTHORIZED");
    await expectTRPCError(api.anonymous.adjudication.decide(decide), "UNAUTHORIZED");
    await expectTRPCError(api.anonymous.adjudication.byClaim({ claimId }), "UNAUTHORIZED");
    // byClaim is readable by a viewer.
    expect(await viewer.caller.adjudication.byClaim({ claimId })).toBeNull();
    expect(
      api.db
        .select()
        .from(auditEvents)
        .all()
        .filter((e) => e.entity === "adjudication"),
    ).toEqual([]);
  });

  it("validates the input over HTTP (field errors), and the analyst's HTTP call is FORBIDDEN", async () => {
    const bad = await expectFieldError(
      postAs(api.db, judy.user, "adjudication.decide", {
        claimId,
        values: { ...EMPTY, verdict: "maybe" },
        version: null,
      }),
      "values",
    );
    expect(bad.error.data.path).toBe("adjudication.decide");
    const forbidden = await api.http.mutation("adjudication.decide", {
      claimId,
      values: EMPTY,
      version: null,
    });
    expect(forbidden.status).toBe(403);
    expect((forbidden.body as HttpErrorBody).error.data.code).toBe("FORBIDDEN");
  });
});
