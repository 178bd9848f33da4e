import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeUpload } from "./store-upload";

let root: string;
beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), "claimdesk-uploads-")), "uploads");
});
afterEach(() => rmSync(dirname(root), { recursive: true, force: true }));

describe("storeUpload", () => {
  it("writes each upload into its own folder with safe, unique names", async () => {
    const first = await storeUpload(root, [
      new File(["one"], "../../escape.txt"),
      new File(["two"], "escape.txt"),
    ]);
    const second = await storeUpload(root, [new File(["three"], "escape.txt")]);

    expect(first.map((p) => p.slice(dirname(p).length + 1))).toEqual([
      "escape.txt",
      "2-escape.txt",
    ]);
    expect(dirname(first[0] ?? "")).not.toBe(dirname(second[0] ?? ""));
    for (const path of [...first, ...second]) expect(dirname(dirname(path))).toBe(root);
    expect(first.map((p) => readFileSync(p, "utf8"))).toEqual(["one", "two"]);
    expect(readFileSync(second[0] ?? "", "utf8")).toBe("three");
    // Two upload folders and the .gitignore that keeps them out of the repository.
    expect(readdirSync(root).sort()).toHaveLength(3);
    expect(readFileSync(join(root, ".gitignore"), "utf8")).toBe("*\n");
  });
});
