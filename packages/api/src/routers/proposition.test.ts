import { claimLayers, claims } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

describe("proposition.create / list / byId", () => {
  it("creates a proposition, finds it by text and id, and links a claim to it", async () => {
    const made = await api.caller.proposition.create({ text: "Iran controls its Iraqi allies" });
    expect(made).toMatchObject({
      text: "Iran controls its Iraqi allies",
      claimCount: 0,
      created: true,
    });
    const same = await api.caller.proposition.create({ text: " iran controls its iraqi allies" });
    expect(same).toMatchObject({ id: made.id, created: false });
    expect((await api.caller.proposition.list({ query: "iraqi" })).items).toEqual([
      { id: made.id, text: made.text, claimCount: 0 },
    ]);
    expect((await api.caller.proposition.list({ query: "nothing like it" })).items).toEqual([]);

    const text = "Tehran says it has funded allies.";
    const articleId = insertTestArticle(api.db, { text }).id;
    const claim = await api.caller.claim.create({
      articleId,
      content: spanOf(text, "it has funded allies"),
    });
    const linked = await api.caller.claim.update({
      id: claim.id,
      version: claim.version,
      patch: { propositionId: made.id },
    });
    expect(linked.propositionId).toBe(made.id);
    expect(await api.caller.proposition.byId({ id: made.id })).toMatchObject({ claimCount: 1 });
    // The link is in Ana's layer (the proposal stays as she made it).
    expect(api.db.select().from(claimLayers).get()?.propositionId).toBe(made.id);
    expect(api.db.select().from(claims).get()?.propositionId).toBeNull();

    // A claim made with the proposition: counted for Ana; another analyst (blind to her draft)
    // and a viewer (gold: nothing submitted) count none of hers.
    await api.caller.claim.create({
      articleId,
      content: spanOf(text, "Tehran"),
      propositionId: made.id,
    });
    expect(await api.caller.proposition.byId({ id: made.id })).toMatchObject({ claimCount: 2 });
    for (const role of ["analyst", "viewer"] as const) {
      const other = api.callerAs(role).caller;
      expect(await other.proposition.byId({ id: made.id })).toMatchObject({ claimCount: 0 });
      expect((await other.proposition.list({ query: "iraqi" })).items).toEqual([
        { id: made.id, text: made.text, claimCount: 0 },
      ]);
    }
    // Submitted: gold holds both, for the viewer.
    await api.caller.article.submit({ id: articleId });
    const viewer = api.callerAs("viewer").caller;
    expect(await viewer.proposition.byId({ id: made.id })).toMatchObject({ claimCount: 2 });
  });

  it("rejects invalid input naming the field, and answers NOT_FOUND for a missing id", async () => {
    await expectFieldError(api.http.mutation("proposition.create", { text: "  " }), "text");
    await expectFieldError(api.http.query("proposition.list", { limit: 0 }), "limit");
    await expectTRPCError(api.caller.proposition.byId({ id: 404 }), "NOT_FOUND");
    const text = "Tehran says it has funded allies.";
    const articleId = insertTestArticle(api.db, { text }).id;
    const claim = await api.caller.claim.create({
      articleId,
      content: spanOf(text, "it has funded allies"),
    });
    await expectFieldError(
      api.http.mutation("claim.update", {
        id: claim.id,
        version: claim.version,
        patch: { propositionId: 404 },
      }),
      "propositionId",
    );
  });
});

describe("tag.list", () => {
  it("lists the tags in use for autocomplete", async () => {
    const text = "Tehran says it has funded allies.";
    const articleId = insertTestArticle(api.db, { text }).id;
    const claim = await api.caller.claim.create({
      articleId,
      content: spanOf(text, "it has funded allies"),
    });
    await api.caller.annotation.upsert({
      claimId: claim.id,
      values: { tags: ["militias", "iran"] },
    });
    expect((await api.caller.tag.list({ query: "mil" })).items).toEqual([
      { tag: "militias", count: 1 },
    ]);
    await expectFieldError(api.http.query("tag.list", { limit: 1000 }), "limit");
  });
});
