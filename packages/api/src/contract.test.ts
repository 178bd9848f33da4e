import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderApiContract } from "./contract";
import { contractPaths } from "./contract-paths";

describe("docs/api-contract.md", () => {
  it("lists every procedure as the router has it (run `pnpm api:contract` after changing one)", () => {
    const committed = readFileSync(contractPaths.contract, "utf8");
    expect(committed).toBe(renderApiContract(readFileSync(contractPaths.notes, "utf8")));
    expect(committed).toContain("| `article.submit` | mutation | analyst | id: integer |");
  });
});
