import { annotations, auditEvents } from "@claimdesk/db";
import { insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectFieldError, expectTRPCError, type HttpErrorBody, setupApi } from "../testing";

let api: ReturnType<typeof setupApi>;
let claimId: number;
beforeEach(async () => {
  api = setupApi();
  const text = "Tehran says it has funded allies.";
  const article = insertTestArticle(api.db, { text });
  claimId = (
    await api.caller.claim.create({ articleId: article.id, content: spanOf(text, "funded allies") })
  ).id;
});
afterEach(() => api.db.$client.close());

describe("annotation.upsert", () => {
  it("creates the caller's annotation, then updates it by version; both persisted and audited", async () => {
    const created = await api.caller.annotation.upsert({
      claimId,
      values: { sourceStance: "support", likelihood: "likely", credibility: "2", tags: ["iran"] },
    });
    expect(created).toEqual({
      id: expect.any(Number),
      claimId,
      analystId: api.analystId,
      sourceStance: "support",
      reportingStance: null,
      likelihood: "likely",
      analyticConfidence: null,
      verdict: null,
      credibility: "2",
      note: null,
      tags: ["iran"],
      submittedAt: null,
      version: 0,
      updatedAt: expect.any(String),
    });
    const updated = await api.caller.annotation.upsert({
      claimId,
      version: 0,
      values: { analyticConfidence: "moderate", note: "Single source." },
    });
    expect(updated).toMatchObject({
      id: created.id,
      likelihood: "likely",
      analyticConfidence: "moderate",
      version: 1,
    });
    expect(api.db.select().from(annotations).all()).toEqual([
      expect.objectContaining({ id: created.id, note: "Single source.", version: 1 }),
    ]);
    const audit = api.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.entity === "annotation");
    expect(audit.map((e) => e.action)).toEqual(["create", "update"]);
  });

  it("lets one of two racing saves of the same version win; the other gets CONFLICT", async () => {
    await api.caller.annotation.upsert({ claimId, values: {} });
    const results = await Promise.allSettled([
      api.caller.annotation.upsert({ claimId, version: 0, values: { verdict: "supported" } }),
      api.caller.annotation.upsert({ claimId, version: 0, values: { verdict: "refuted" } }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r) => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    await expectTRPCError(Promise.reject(rejected[0]?.reason), "CONFLICT");
    const winner = fulfilled[0]?.value;
    expect(api.db.select().from(annotations).get()).toMatchObject({
      verdict: winner?.verdict,
      version: 1,
    });

    const http = await api.http.mutation("annotation.upsert", {
      claimId,
      version: 0,
      values: { note: "late" },
    });
    expect(http.status).toBe(409);
    expect((http.body as HttpErrorBody).error.data.current).toEqual({
      entity: "annotation",
      record: winner,
    });
    // Creating again when one exists is a conflict too, not a second row.
    await expectTRPCError(
      api.caller.annotation.upsert({ claimId, values: { note: "new" } }),
      "CONFLICT",
    );
    expect(api.db.select().from(annotations).all()).toHaveLength(1);
  });

  it("answers NOT_FOUND for a missing claim", async () => {
    const error = await expectTRPCError(
      api.caller.annotation.upsert({ claimId: 999, values: { likelihood: "likely" } }),
      "NOT_FOUND",
    );
    expect(error.message).toBe("Claim 999 not found");
  });

  it("rejects invalid input with BAD_REQUEST naming the field", async () => {
    await expectTRPCError(
      api.caller.annotation.upsert({ claimId, values: { tags: [""] } }),
      "BAD_REQUEST",
    );
    await expectFieldError(
      api.http.mutation("annotation.upsert", { claimId, values: { likelihood: "probably" } }),
      "values",
    );
    await expectFieldError(
      api.http.mutation("annotation.upsert", { claimId: 0, values: {} }),
      "claimId",
    );
    await expectFieldError(
      api.http.mutation("annotation.upsert", { claimId, version: 1.5, values: {} }),
      "version",
    );
    expect(api.db.select().from(annotations).all()).toEqual([]);
  });
});
