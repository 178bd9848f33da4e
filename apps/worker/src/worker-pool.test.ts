import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { InputRecord } from "./read-inputs";
import { RecordProcessorPool } from "./worker-pool";

const encoder = new TextEncoder();
const textRecord = (n: number): InputRecord => ({
  kind: "text",
  file: `article-${n}.txt`,
  line: null,
  bytes: encoder.encode(
    `Article ${n}.\n\nThe minister said talks on case ${n} would resume on Monday.`,
  ),
});
/** A page whose DOM (linkedom's nodes for 300,000 paragraphs) needs far more than 16 MB of heap. */
const hugePage: InputRecord = {
  kind: "html",
  file: "huge.html",
  line: null,
  bytes: encoder.encode(`<html><body>${"<p>word word word</p>".repeat(300_000)}</body></html>`),
};

let pool: RecordProcessorPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("RecordProcessorPool", () => {
  it("processes records in worker threads", async () => {
    pool = new RecordProcessorPool(2);
    const results = await Promise.all([1, 2, 3].map((n) => pool?.process(textRecord(n))));
    for (const [i, result] of results.entries()) {
      expect(result?.ok).toBe(true);
      if (result?.ok) expect(result.article.text).toContain(`case ${i + 1}`);
    }
  });

  it.runIf(process.platform === "linux")(
    "runs its threads below the main thread's priority, so the writer is never starved",
    async () => {
      /** Each thread's niceness: field 19 of /proc/self/task/<tid>/stat (after the ")" of comm). */
      const niceness = () =>
        readdirSync("/proc/self/task").map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
        });
      const before = niceness().filter((n) => n === 10).length;
      pool = new RecordProcessorPool(2);
      // Both threads have started once each has answered a record.
      await Promise.all([1, 2, 3, 4].map((n) => pool?.process(textRecord(n))));
      expect(niceness().filter((n) => n === 10).length).toBe(before + 2);
      expect(niceness()).toContain(0); // this thread, the writer, keeps its priority
    },
  );

  it("fails only the record whose worker ran out of memory; the rest are processed", async () => {
    // Small enough heap limits that the huge page kills its thread (ERR_WORKER_OUT_OF_MEMORY),
    // large enough for an ordinary article.
    pool = new RecordProcessorPool(1, { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 24 });
    const before = pool.process(textRecord(1));
    const crash = pool.process(hugePage);
    // Posted to the same thread behind the huge page: they must be retried on its replacement.
    const after = [2, 3, 4].map((n) => pool?.process(textRecord(n)));

    const crashed = await crash;
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) expect(crashed.reason).toMatch(/^worker crashed: .*memory limit/);
    for (const [i, result] of [await before, ...(await Promise.all(after))].entries()) {
      expect(result?.ok, `record ${i}`).toBe(true);
    }
    // The replacement thread keeps working.
    const later = await pool.process(textRecord(5));
    expect(later.ok).toBe(true);
  }, 60_000);
});
