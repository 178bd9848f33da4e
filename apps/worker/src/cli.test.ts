import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runWorkerCli } from "./test-support/worker-cli";

const SAMPLE_ARG = "../shared/samples/iran-iraq-militias-pause.txt";

let dir: string;
let dbPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-cli-"));
  dbPath = join(dir, "fresh.db");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI the way `pnpm worker` does: tsx, from the repo root, paths relative to INIT_CWD. */
function worker(...args: string[]) {
  return runWorkerCli(args, { db: dbPath });
}

// Each case spawns real node processes: allow for a loaded 2-core CI machine.
describe("claimdesk-worker import", { timeout: 60_000 }, () => {
  it("imports the sample into a fresh database, then nothing on a second run", () => {
    const first = worker("import", "--no-progress", SAMPLE_ARG);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `^Imported 1 article \\(\\d+ claims? suggested\\); 0 duplicates, 0 failed; read 1 file in [\\d.]+ s \\(db: ${dbPath}\\)\\n$`,
      ),
    );

    const second = worker("import", "--json", "--no-progress", SAMPLE_ARG);
    expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: "" });
    const summary = JSON.parse(second.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      status: "completed",
      read: 1,
      imported: 0,
      duplicates: 1,
      claims: 0,
      paths: [join(repoRoot, SAMPLE_ARG)],
    });

    const db = openDb({ path: dbPath, readonly: true }).$client;
    const jobs = db
      .prepare("select status, imported, duplicates from import_jobs order by id")
      .all();
    expect(jobs).toEqual([
      { status: "completed", imported: 1, duplicates: 0 },
      { status: "completed", imported: 0, duplicates: 1 },
    ]);
    expect(db.prepare("select count(*) from articles").pluck().get()).toBe(1);
    db.close();
  });

  it("exits non-zero with a clear message when nothing could be read", () => {
    const run = worker("import", "no/such/file.txt");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `No such file or directory: ${join(repoRoot, "no/such/file.txt")}`,
    );
  });

  it("rejects a batch size that is not a positive integer", () => {
    const run = worker("import", "--batch-size", "0", SAMPLE_ARG);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Expected a positive integer");
  });
});
