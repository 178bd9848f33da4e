import { describe, expect, it } from "vitest";
import { users } from "../schema";
import { createTestDb } from "../testing";
import { ensureLocalAnalyst, LOCAL_ANALYST_NAME } from "./users";

describe("ensureLocalAnalyst", () => {
  it("creates the Local analyst once and returns the same id afterwards", () => {
    const db = createTestDb();
    const id = ensureLocalAnalyst(db);
    expect(ensureLocalAnalyst(db)).toBe(id);
    expect(db.select().from(users).all()).toEqual([
      expect.objectContaining({ id, name: LOCAL_ANALYST_NAME, role: "analyst" }),
    ]);
    db.$client.close();
  });
});
