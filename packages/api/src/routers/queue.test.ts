import { claims } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, setupApi } from "../testing";

const TEXT = "Tehran says it has funded allies. Baghdad says talks resumed.";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

function suggest(articleId: number, content: string): number {
  const span = spanOf(TEXT, content);
  return api.db
    .insert(claims)
    .values({
      articleId,
      contentStart: span.start,
      contentEnd: span.end,
      contentText: span.exact,
      origin: "rule:test@1",
    })
    .returning()
    .get().id;
}

describe("queue.summary / queue.next", () => {
  it("walks the queue as the analyst accepts, annotates and rejects", async () => {
    const first = insertTestArticle(api.db, { title: "First", text: TEXT }).id;
    const second = insertTestArticle(api.db, { title: "Second", text: `${TEXT} More.` }).id;
    const funded = suggest(first, "it has funded allies");
    const talks = suggest(second, "talks resumed");

    expect(await api.caller.queue.summary()).toMatchObject({
      articles: 2,
      claims: 2,
      suggested: 2,
    });
    expect(await api.caller.queue.next({})).toMatchObject({
      next: { articleId: first, firstClaimId: funded, pending: 1 },
      remainingArticles: 2,
    });
    expect((await api.caller.queue.next({ afterArticleId: first })).next?.articleId).toBe(second);

    // Accepted but not yet annotated: still needs me.
    const accepted = await api.caller.claim.update({
      id: funded,
      version: 0,
      patch: { status: "accepted" },
    });
    expect(await api.caller.queue.summary()).toMatchObject({ suggested: 1, unannotated: 1 });
    await api.caller.annotation.upsert({ claimId: accepted.id, values: { likelihood: "likely" } });
    await api.caller.claim.update({ id: talks, version: 0, patch: { status: "rejected" } });
    expect(await api.caller.queue.next({ afterArticleId: first })).toEqual({
      next: null,
      remainingArticles: 0,
      remainingClaims: 0,
    });
  });

  it("follows the caller's assignments, for analysts and admins alike", async () => {
    const first = insertTestArticle(api.db, { title: "First", text: TEXT }).id;
    const second = insertTestArticle(api.db, { title: "Second", text: `${TEXT} More.` }).id;
    suggest(first, "it has funded allies");
    const talks = suggest(second, "talks resumed");
    const { caller: admin, user } = api.callerAs("admin");
    expect(await admin.queue.summary()).toMatchObject({ articles: 2, assigned: false });

    await admin.assignment.create({
      label: "Second only",
      articleIds: [second],
      analystIds: [api.analystId, user.id],
      overlapPercent: 100,
    });
    for (const caller of [api.caller, admin]) {
      expect(await caller.queue.summary()).toMatchObject({
        articles: 1,
        claims: 1,
        assigned: true,
        next: { articleId: second, firstClaimId: talks },
        upcoming: [{ articleId: second }],
      });
      expect(await caller.queue.next({ afterArticleId: second })).toMatchObject({
        next: { articleId: second },
        remainingArticles: 1,
      });
    }
    // An adjudicator without assignments still sees everything.
    expect(await api.callerAs("adjudicator").caller.queue.summary()).toMatchObject({
      articles: 2,
      assigned: false,
    });
  });

  it("rejects an invalid article id", async () => {
    await expectFieldError(api.http.query("queue.next", { afterArticleId: -1 }), "afterArticleId");
  });
});
