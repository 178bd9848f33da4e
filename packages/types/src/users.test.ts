/** Account inputs: email normalised, empty patches refused; the UI's role ordering. */
import { describe, expect, it } from "vitest";
import {
  roleAtLeast,
  ZAuthSetupInputSchema,
  ZUserCreateInputSchema,
  ZUserUpdateInputSchema,
} from "./users";

describe("account input schemas", () => {
  it("trims and lowercases the email and refuses one that is not an address", () => {
    const parsed = ZAuthSetupInputSchema.parse({
      name: " Ada ",
      email: "  Ada@Example.ORG ",
      password: "x",
    });
    expect(parsed).toEqual({ name: "Ada", email: "ada@example.org", password: "x" });
    const bad = ZAuthSetupInputSchema.safeParse({ name: "Ada", email: "ada", password: "x" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["email"]);
  });

  it("needs a known role to create, and at least one change to update", () => {
    const base = { name: "Ben", email: "ben@example.org", password: "long enough!" };
    expect(ZUserCreateInputSchema.safeParse({ ...base, role: "owner" }).success).toBe(false);
    expect(ZUserCreateInputSchema.parse({ ...base, role: "viewer" }).role).toBe("viewer");
    expect(ZUserUpdateInputSchema.safeParse({ id: 3 }).success).toBe(false);
    expect(ZUserUpdateInputSchema.parse({ id: 3, disabled: true })).toEqual({
      id: 3,
      disabled: true,
    });
  });
});

describe("roleAtLeast", () => {
  it("orders viewer < analyst < adjudicator < admin", () => {
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
    expect(roleAtLeast("viewer", "analyst")).toBe(false);
    expect(roleAtLeast("adjudicator", "analyst")).toBe(true);
    expect(roleAtLeast("adjudicator", "admin")).toBe(false);
    expect(roleAtLeast("admin", "adjudicator")).toBe(true);
  });
});
