/** The dataset card reports the agreement of the exported articles' submitted layers. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { updateClaim } from "@claimdesk/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildFixture, type Fixture, submitAll } from "./test-fixture";
import { writeExport } from "./write-export";

let fx: Fixture;
let dir: string;
beforeEach(() => {
  fx = buildFixture();
  dir = mkdtempSync(join(tmpdir(), "claimdesk-card-"));
});
afterEach(() => {
  fx.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const card = async () => {
  const out = join(dir, "dataset");
  await writeExport(fx.db, {
    format: "jsonl",
    filter: {},
    out,
    split: { ratios: [1, 0, 0], seed: 1 },
    claimdeskVersion: "test",
  });
  return readFileSync(join(out, "README.md"), "utf8");
};

describe("dataset card: agreement", () => {
  it("says there is none before two analysts submitted", async () => {
    expect(await card()).toContain("there is no inter-annotator agreement to report");
  });

  it("reports alpha and span F1 of the exported articles, as counted by hand", async () => {
    // Ana accepted claims 1, 3 and 4; Ben accepted 1 and 4 and now rejects 3 (claim 2: nobody).
    const third = fx.claimIds[2] as number;
    updateClaim(fx.db, { id: third, version: 0, patch: { status: "rejected" } }, fx.analysts.ben);
    submitAll(fx);
    const text = await card();
    // Existence: units 1 (yes, yes), 3 (yes, no), 4 (yes, yes): n = 6, n_yes = 5, n_no = 1;
    // D_o = 2/6, D_e = 2·5·1 / (6·5) = 1/3, alpha = 1 − 1 = 0.
    expect(text).toContain("| Is a claim | nominal | 0.000 | 3 | 6 |");
    // Content spans: Ana 3 claims, Ben 2, both of Ben's equal to Ana's: F1 = 2·2 / (3 + 2).
    expect(text).toContain("| content | 0.800 | 0.800 |");
  });
});

describe("dataset card: selection", () => {
  it("says when the export holds the reviewed claims only (the default), and when it holds all", async () => {
    const { exportSelection } = await import("./reviewed");
    const reviewed = exportSelection({}, false);
    expect(reviewed).toEqual({ filter: { status: ["accepted", "rejected"] }, reviewedOnly: true });
    expect(exportSelection({}, true)).toEqual({ filter: {}, reviewedOnly: false });
    expect(exportSelection({ status: ["suggested"] }, false).reviewedOnly).toBe(false);
    submitAll(fx);
    const out = join(dir, "reviewed");
    await writeExport(fx.db, {
      format: "jsonl",
      ...reviewed,
      out,
      split: { ratios: [1, 0, 0], seed: 1 },
      claimdeskVersion: "test",
    });
    const text = readFileSync(join(out, "README.md"), "utf8");
    expect(text).toContain("Reviewed claims only");
    // Claim 2 was decided by nobody: an unreviewed suggestion is not in the reviewed export.
    const lines = readFileSync(join(out, "train.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { claim: { id: number } }).claim.id)).not.toContain(
      fx.claimIds[1],
    );
    expect(await card()).toContain("All claims (no filter), unreviewed suggestions included.");
  });
});
