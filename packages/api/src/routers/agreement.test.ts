/**
 * agreement.*: through the real routers on a migrated database — two analysts annotate and submit
 * through the API, and the figures equal a hand computation (Krippendorff 2011; Cohen 1960).
 */
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, setupApi } from "../testing";

const TEXT =
  "Officials said the dam is safe. Residents said the dam is cracking. A report said repairs began. Engineers said nothing changed.";
const CONTENTS = ["the dam is safe", "the dam is cracking", "repairs began", "nothing changed"];

let api: ReturnType<typeof setupApi>;
afterEach(() => api.db.$client.close());

describe("agreement.*", () => {
  let claimIds: number[];
  let ben: ReturnType<ReturnType<typeof setupApi>["callerAs"]>;
  beforeEach(async () => {
    api = setupApi();
    ben = api.callerAs("analyst", "Ben Analyst");
    const article = insertTestArticle(api.db, { text: TEXT });
    claimIds = [];
    for (const content of CONTENTS)
      claimIds.push(
        (await api.caller.claim.create({ articleId: article.id, content: spanOf(TEXT, content) }))
          .id,
      );
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
      await api.caller.annotation.submit({ claimId });
      await ben.caller.annotation.upsert({ claimId, values: { sourceStance: benValue } });
      if (i < 3) await ben.caller.annotation.submit({ claimId });
    }
  });

  /*
   * Units c1..c3 (Ben's c4 is a draft, so c4 has one value and is not pairable):
   * (S,S) (D,D) (S,D). Coincidences: o_SS = 2, o_DD = 2, o_SD = o_DS = 1; n_S = 3, n_D = 3, n = 6.
   * α = 1 − (n − 1) · 2 / (2 · n_S · n_D) = 1 − 5 · 2 / 18 = 4/9.
   * κ: p_o = 2/3; Ana S 2, D 1; Ben S 1, D 2 → p_e = (2 + 2) / 9 = 4/9; κ = (2/3 − 4/9) / (5/9) = 2/5.
   * Ana created all four claims and Ben owns none, so the pair has no shared article for span F1;
   * its row exists through the annotations.
   */
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
    expect(pairs[0]?.spans).toMatchObject({ articles: 0, f1: null });
  });

  it("submitting the last draft changes the figures", async () => {
    await ben.caller.annotation.submit({ claimId: claimIds[3] as number });
    // Now also (C,C): o_CC = 2, n_C = 2, n = 8; Σ_{c≠k} n_c n_k = 64 − (9 + 9 + 4) = 42.
    // α = 1 − 7 · 2 / 42 = 2/3.
    const summary = await api.caller.agreement.summary({});
    expect(summary.fields.find((f) => f.field === "sourceStance")?.alpha).toBeCloseTo(2 / 3, 12);
  });

  it("per proposition, and a proposition filter on summary and pairs", async () => {
    const proposition = await api.caller.proposition.create({ text: "The dam is safe" });
    for (const id of claimIds.slice(0, 2)) {
      const claim = await api.caller.claim.update({
        id,
        version: 0,
        patch: { propositionId: proposition.id },
      });
      expect(claim.propositionId).toBe(proposition.id);
    }
    const rows = await api.caller.agreement.propositions();
    expect(rows).toHaveLength(1);
    // (S,S) (D,D): perfect agreement with variation → α = 1.
    expect(rows[0]?.fields.find((f) => f.field === "sourceStance")?.alpha).toBe(1);
    const scoped = await api.caller.agreement.summary({ propositionId: proposition.id });
    expect(scoped.proposition?.text).toBe("The dam is safe");
    expect(scoped.annotatedClaims).toBe(2);
    const pairs = await api.caller.agreement.pairs({ propositionId: proposition.id });
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
