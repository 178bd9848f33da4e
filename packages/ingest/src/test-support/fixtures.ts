/** Test-only: locate the repo root and read the shared sample and demo articles. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("No pnpm-workspace.yaml above the ingest tests");
    dir = parent;
  }
}

/** A sample from ../shared/samples next to the repo (read in place, never copied in). */
export function readSample(name: string): string {
  return readFileSync(join(repoRoot(), "..", "shared", "samples", name), "utf8");
}

export function demoArticles(): { name: string; text: string }[] {
  const dir = join(repoRoot(), "demo", "articles");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}
