import { insertTestArticle, insertTestUser } from "@claimdesk/db/testing";
import type { TUserRole } from "@claimdesk/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { expectTRPCError, setupApi } from "../testing";

const TEXT = "Tehran says it has funded allies. Baghdad says talks resumed.";

let api: ReturnType<typeof setupApi>;
beforeEach(() => {
  api = setupApi();
});
afterEach(() => api.db.$client.close());

function articles(n: number): number[] {
  return Array.from(
    { length: n },
    (_, i) => insertTestArticle(api.db, { title: `A${i}`, text: `${TEXT} ${i}` }).id,
  );
}

describe("assignment router", () => {
  it("lets an admin preview, create, list and open a set; the analyst sees it in `mine`", async () => {
    const ids = articles(4);
    const ben = insertTestUser(api.db, { name: "Ben", role: "analyst" }).id;
    const { caller: admin } = api.callerAs("admin");
    const input = {
      label: "Batch 1",
      articleIds: ids,
      analystIds: [api.analystId, ben],
      overlapPercent: 50,
      seed: 3,
    };
    const preview = await admin.assignment.preview(input);
    expect(preview).toMatchObject({ articles: 4, doubleAnnotated: 2, seed: 3 });
    expect(await admin.assignment.list()).toEqual([]);
    const set = await admin.assignment.create(input);
    expect(set).toEqual({ id: set.id, ...preview });
    const [listed] = await admin.assignment.list();
    expect(listed).toMatchObject({ id: set.id, label: "Batch 1", articles: 4, doubleAnnotated: 2 });
    expect(listed?.analysts.map((a) => a.articles)).toEqual([3, 3]);
    const detail = await admin.assignment.detail({ id: set.id });
    expect(detail.articleList.map((a) => a.articleId).sort()).toEqual([...ids].sort());
    await expectTRPCError(admin.assignment.detail({ id: 999 }), "NOT_FOUND");

    const mine = await api.caller.assignment.mine();
    expect(mine).toEqual([
      expect.objectContaining({ setId: set.id, label: "Batch 1", articles: 3 }),
    ]);
    const candidates = await admin.assignment.candidates();
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([api.analystId, ben]));
  });

  it("is for admins only (mine: analysts and up); anonymous callers are UNAUTHORIZED", async () => {
    const ids = articles(1);
    const input = { label: "x", articleIds: ids, analystIds: [api.analystId], overlapPercent: 0 };
    await expectTRPCError(api.caller.assignment.create(input), "FORBIDDEN");
    for (const role of ["viewer", "analyst", "adjudicator"] as TUserRole[]) {
      const { caller } = api.callerAs(role);
      await expectTRPCError(caller.assignment.create(input), "FORBIDDEN");
      await expectTRPCError(caller.assignment.preview(input), "FORBIDDEN");
      await expectTRPCError(caller.assignment.list(), "FORBIDDEN");
      await expectTRPCError(caller.assignment.detail({ id: 1 }), "FORBIDDEN");
      await expectTRPCError(caller.assignment.candidates(), "FORBIDDEN");
    }
    await expectTRPCError(api.callerAs("viewer").caller.assignment.mine(), "FORBIDDEN");
    expect(await api.callerAs("adjudicator").caller.assignment.mine()).toEqual([]);
    await expectTRPCError(api.anonymous.assignment.list(), "UNAUTHORIZED");
    await expectTRPCError(api.anonymous.assignment.mine(), "UNAUTHORIZED");
  });

  it("refuses a viewer as an analyst and bad input with field errors", async () => {
    const ids = articles(2);
    const { caller: admin } = api.callerAs("admin");
    const vic = insertTestUser(api.db, { name: "Vic", role: "viewer" }).id;
    const error = await expectTRPCError(
      admin.assignment.create({
        label: "x",
        articleIds: ids,
        analystIds: [api.analystId, vic],
        overlapPercent: 0,
      }),
      "BAD_REQUEST",
    );
    expect(error.message).toContain("viewer");
    expect(await admin.assignment.list()).toEqual([]);
    // The zod checks name their fields (the form shows them next to the input).
    const fieldsOf = async (input: Record<string, unknown>) => {
      const e = await expectTRPCError(
        admin.assignment.preview({
          label: "x",
          articleIds: ids,
          analystIds: [api.analystId],
          overlapPercent: 0,
          ...input,
        } as Parameters<typeof admin.assignment.preview>[0]),
        "BAD_REQUEST",
      );
      return Object.keys(z.flattenError(e.cause as z.ZodError).fieldErrors);
    };
    expect(await fieldsOf({ overlapPercent: 101 })).toEqual(["overlapPercent"]);
    expect(await fieldsOf({ overlapPercent: 10 })).toEqual(["overlapPercent"]); // one analyst
    expect(await fieldsOf({ label: " " })).toEqual(["label"]);
    expect(await fieldsOf({ analystIds: [api.analystId, api.analystId] })).toEqual(["analystIds"]);
    expect(await fieldsOf({ filter: {}, filterSearch: "" })).toEqual(["articleIds"]);
    expect(await fieldsOf({ articleIds: undefined, filter: {} })).toEqual(["filterSearch"]);
  });
});
