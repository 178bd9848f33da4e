/**
 * agreement.*: through the real routers on a migrated database — two analysts annotate and submit
 * through the API, and the figures equal a hand computation (Krippendorff 2011; Cohen 1960).
 */
import { insertTestArticle, insertTestSuggestion } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, setupApi } from "../testing";

const TEXT =
  "Officials said the dam is safe. Residents said the dam is cracking. A report said repairs began. Engineers said nothing changed.";
const CONTENTS = ["the dam is safe", "the dam is cracking", "repairs began", "nothing changed"];

let api: ReturnType<typeof setupApi>;
afterEach(() => api.db.$client.close());

describe("agreement.*", () => {
  let claimIds: number[];
  let later: number;
  let propositionId: number;
  let ben: ReturnType<ReturnType<typeof setupApi>["callerAs"]>;
  beforeEach(async () => {
    api = setupApi();
    ben = api.callerAs("analyst", "Ben Analyst");
    // c1..c3 in one article, c4 in another that Ben leaves a draft: submitting is per article.
    const article = insertTestArticle(api.db, { text: TEXT });
    const other = insertTestArticle(api.db, { text: `${TEXT} Again.` });
    later = other.id;
    claimIds = CONTENTS.map((content, i) =>
      insertTestSuggestion(api.db, {
        articleId: i < 3 ? article.id : other.id,
        text: TEXT,
        content,
      }),
    );
    // Ana accepts c1 and c2 and links them to a proposition (before she submits: then it is final).
    propositionId = (await api.caller.proposition.create({ text: "The dam is safe" })).id;
    for (const id of claimIds.slice(0, 2)) {
      const claim = await api.caller.claim.update({
        id,
        version: 0,
        patch: { status: "accepted", propositionId },
      });
      expect(claim.propositionId).toBe(propositionId);
    }
    // Ana / Ben source stances: support/support, deny/deny, support/deny, comment/(draft only).
    const values = [
      ["support", "support"],
      ["deny", "deny"],
      ["support", "deny"],
      ["comment", "comment"],
    ] as const;
    for (const [i, [anaValue, benValue]] of values.entries()) {
      const claimId = claimIds[i] as number;
      await api.caller.annotation.upsert({ claimId, values: { sourceStance: anaValue } });
      await ben.caller.annotation.upsert({ claimId, values: { sourceStance: benValue } });
    }
    await api.caller.article.submit({ id: article.id });
    await api.caller.article.submit({ id: other.id });
    await ben.caller.article.submit({ id: article.id });
  });

  it("summary and pairs equal the hand computation, for any signed-in role", async () => {
    const viewer = api.callerAs("viewer", "Vic Viewer");
    const summary = await viewer.caller.agreement.summary({});
    const stance = summary.fields.find((f) => f.field === "sourceStance");
    expect(stance?.alpha).toBeCloseTo(4 / 9, 12);
    expect(stance).toMatchObject({ units: 3, coders: 2, pairableValues: 6 });
    expect(summary.submittedAnnotations).toBe(7);
    expect(summary.analysts.map((a) => a.name)).toEqual(["Ana Analyst", "Ben Analyst"]);

    const pairs = await viewer.caller.agreement.pairs({});
    expect(pairs).toHaveLength(1);
    const kappa = pairs[0]?.kappas.find((k) => k.field === "sourceStance");
    expect(kappa?.kappa).toBeCloseTo(2 / 5, 12);
    expect(kappa?.items).toBe(3);
    expect(pairs[0]?.spans).toMatchObject({ articles: 1, f1: 0 });
  });

  it("submitting the last draft changes the figures", async () => {
    await ben.caller.article.submit({ id: later });
    // Now also (C,C): o_CC = 2, n_C = 2, n = 8; Σ_{c≠k} n_c n_k = 64 − (9 + 9 + 4) = 42.
    // α = 1 − 7 · 2 / 42 = 2/3.
    const summary = await api.caller.agreement.summary({});
    expect(summary.fields.find((f) => f.field === "sourceStance")?.alpha).toBeCloseTo(2 / 3, 12);
  });

  it("per proposition, and a proposition filter on summary and pairs", async () => {
    const rows = await api.caller.agreement.propositions();
    expect(rows).toHaveLength(1);
    // c1, c2 (Ana linked them): (S,S) (D,D): perfect agreement with variation → α = 1.
    expect(rows[0]?.fields.find((f) => f.field === "sourceStance")?.alpha).toBe(1);
    const scoped = await api.caller.agreement.summary({ propositionId });
    expect(scoped.proposition?.text).toBe("The dam is safe");
    expect(scoped.annotatedClaims).toBe(2);
    const pairs = await api.caller.agreement.pairs({ propositionId });
    expect(pairs[0]?.kappas.find((k) => k.field === "sourceStance")?.kappa).toBe(1);
  });

  it("refuses anonymous calls and reports bad or unknown propositions", async () => {
    await expectTRPCError(api.anonymous.agreement.summary({}), "UNAUTHORIZED");
    await expectTRPCError(api.anonymous.agreement.pairs({}), "UNAUTHORIZED");
    await expectTRPCError(api.anonymous.agreement.propositions(), "UNAUTHORIZED");
    await expectTRPCError(api.caller.agreement.summary({ propositionId: 9999 }), "NOT_FOUND");
    await expectFieldError(
      api.http.query("agreement.summary", { propositionId: -1 }),
      "propositionId",
    );
  });

  it("serialises over HTTP with no NaN (nulls for undefined figures)", async () => {
    const { status, body } = await api.http.query("agreement.summary", {});
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    expect(text).not.toContain("NaN");
    const verdict = (
      body as {
        result: { data: { fields: Array<{ field: string; alpha: unknown; reason: unknown }> } };
      }
    ).result.data.fields.find((f) => f.field === "verdict");
    expect(verdict).toMatchObject({ alpha: null, reason: "no_pairable_values" });
  });
});
