import { describe, expect, it } from "vitest";
import { detectFormat, extensionOf } from "./detect-format";
import { compileExcludes } from "./exclude-globs";

describe("detectFormat", () => {
  it("goes by the extension, looking through .gz, case-insensitively", () => {
    expect(detectFormat("/a/b.TXT")).toEqual({ format: "text", gzip: false });
    expect(detectFormat("/a/b.md.gz")).toEqual({ format: "text", gzip: true });
    expect(detectFormat("/a/b.htm")).toEqual({ format: "html", gzip: false });
    expect(detectFormat("/a/x.html.gz")).toEqual({ format: "html", gzip: true });
    expect(detectFormat("/a/c.jsonl.gz")).toEqual({ format: "jsonl", gzip: true });
    expect(detectFormat("/a/d.csv")).toEqual({ format: "csv", gzip: false });
    expect(detectFormat("/a/e.json")).toBeNull();
    expect(detectFormat("/a/f.tar.gz")).toBeNull();
  });

  it("lets --format override the extension but not gzip", () => {
    expect(detectFormat("/a/page", "html")).toEqual({ format: "html", gzip: false });
    expect(detectFormat("/a/data.txt.gz", "jsonl")).toEqual({ format: "jsonl", gzip: true });
  });

  it("names the extension of skipped files", () => {
    expect(extensionOf("/x/README")).toBe("");
    expect(extensionOf("/x/a.PDF")).toBe(".pdf");
    expect(extensionOf("/x/a.tar.gz")).toBe(".tar.gz");
  });
});

describe("compileExcludes", () => {
  it("matches names without a slash, paths with one, case-insensitively", () => {
    const excluded = compileExcludes(["expected*.html", "drafts/**", "?.tmp"]);
    expect(excluded("/c/pages/bbc-1/expected.html")).toBe(true);
    expect(excluded("/c/pages/bbc-1/Expected-Metadata.HTML")).toBe(true);
    expect(excluded("/c/pages/bbc-1/source.html")).toBe(false);
    expect(excluded("/c/drafts/a/b.txt")).toBe(true);
    expect(excluded("/c/final/a.txt")).toBe(false);
    expect(excluded("/c/a.tmp")).toBe(true);
    expect(excluded("/c/ab.tmp")).toBe(false);
    expect(compileExcludes([])("/anything")).toBe(false);
  });
});
