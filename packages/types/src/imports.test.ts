import { describe, expect, it } from "vitest";
import {
  isImportableFileName,
  ZImportByIdInputSchema,
  ZImportListInputSchema,
  ZQueuedImportInputSchema,
} from "./imports";

describe("isImportableFileName", () => {
  it("accepts what the worker reads, gzipped or not, in any case", () => {
    for (const name of ["a.txt", "b.MD", "c.html", "d.htm", "e.jsonl", "f.csv", "g.JSONL.GZ"]) {
      expect(isImportableFileName(name), name).toBe(true);
    }
  });

  it("refuses other formats, a bare .gz and names that are only an extension", () => {
    for (const name of ["scan.pdf", "archive.gz", "data.json", ".txt", "txt", "notes.txt.zip"]) {
      expect(isImportableFileName(name), name).toBe(false);
    }
  });
});

describe("import inputs", () => {
  it("fills paging defaults and bounds them", () => {
    expect(ZImportListInputSchema.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(ZImportByIdInputSchema.parse({ id: 3 })).toEqual({
      id: 3,
      errorsLimit: 50,
      errorsOffset: 0,
    });
    expect(ZImportListInputSchema.safeParse({ limit: 101 }).success).toBe(false);
    expect(ZImportByIdInputSchema.safeParse({ id: 0 }).success).toBe(false);
  });

  it("checks a queued job's payload", () => {
    expect(ZQueuedImportInputSchema.parse({ paths: ["/u/a.txt"], origin: "upload" })).toEqual({
      paths: ["/u/a.txt"],
      options: {},
      origin: "upload",
    });
    expect(ZQueuedImportInputSchema.safeParse({ paths: [], origin: "upload" }).success).toBe(false);
    expect(ZQueuedImportInputSchema.safeParse({ paths: ["/a"], origin: "cli" }).success).toBe(
      false,
    );
    expect(
      ZQueuedImportInputSchema.safeParse({
        paths: ["/a"],
        origin: "upload",
        options: { batchSize: 0 },
      }).success,
    ).toBe(false);
  });
});
