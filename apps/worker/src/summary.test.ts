import { describe, expect, it } from "vitest";
import type { ImportSummary } from "./import-articles";
import { formatSummary, formatUnreadable } from "./summary";

const base: ImportSummary = {
  jobId: 7,
  status: "completed",
  error: null,
  dbPath: "/data/claimdesk.db",
  paths: ["/in"],
  resumedAfter: null,
  jobs: 2,
  files: 4,
  read: 4,
  imported: 3,
  versions: 0,
  duplicates: 1,
  failed: 0,
  claims: 17,
  skipped: {},
  unreadable: [],
  failures: [],
  assumed: [],
  assumedCount: 0,
  durationMs: 423,
  peakRssBytes: 90_000_000,
  cpuMs: 380,
};

describe("formatSummary", () => {
  it("lists the records read by an assumption, and how many more there were", () => {
    const note = "assumed windows-1252 (detected, confidence 0.54; --encoding to override)";
    const text = formatSummary({
      ...base,
      assumed: [{ file: "/in/a.txt", line: null, note }],
      assumedCount: 3,
    });
    expect(text).toContain(`\nRead by assumption (3 records):\n  /in/a.txt  ${note}\n  (+2 more)`);
  });

  it("says what happened in one line", () => {
    expect(formatSummary(base)).toBe(
      "Imported 3 articles (17 claims suggested); 1 duplicate, 0 failed; " +
        "read 4 files in 0.42 s (db: /data/claimdesk.db)",
    );
  });

  it("uses the singular for one and counts records apart from files when they differ", () => {
    const line = formatSummary({ ...base, imported: 1, claims: 1, duplicates: 2, files: 1 });
    expect(line).toContain("Imported 1 article (1 claim suggested); 2 duplicates, 0 failed");
    expect(line).toContain("read 1 file (4 records) in");
  });

  it("names new versions and a resumed job", () => {
    expect(formatSummary({ ...base, versions: 2, resumedAfter: 1200 })).toBe(
      "Imported 3 articles (2 new versions of known articles, 17 claims suggested); " +
        "1 duplicate, 0 failed; read 4 files in 0.42 s; resumed job 7 after 1200 input records " +
        "(db: /data/claimdesk.db)",
    );
  });

  it("lists skipped types and failed records, pointing to the job for the rest", () => {
    const text = formatSummary({
      ...base,
      failed: 23,
      skipped: { ".pdf": 2, ".docx": 1 },
      failures: [
        { file: "/in/bad.txt", line: null, reason: "cannot decode: invalid UTF-8" },
        { file: "/in/feed.jsonl", line: 12, reason: "empty file" },
      ],
    });
    expect(text.split("\n").slice(1)).toEqual([
      "Skipped 3 files of unsupported types (.pdf 2, .docx 1)",
      "Failed records:",
      "  /in/bad.txt  cannot decode: invalid UTF-8",
      "  /in/feed.jsonl:12  empty file",
      "  (+21 more in import job 7)",
    ]);
  });

  it("names each input that could not be opened", () => {
    expect(
      formatUnreadable({
        ...base,
        unreadable: [{ path: "/in/missing.txt", reason: "No such file or directory" }],
      }),
    ).toEqual(["No such file or directory: /in/missing.txt"]);
  });
});
