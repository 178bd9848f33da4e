/** Writes an upload's files into a fresh folder of their own under the uploads directory. */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { findRepoRoot, resolveDbPath } from "@claimdesk/db";
import { uniqueFileNames } from "./upload-rules";

/**
 * `uploads/` beside the database: `<repo>/data/uploads` by default, and next to a test database
 * when CLAIMDESK_DB points elsewhere, so test runs never write into the real data folder.
 */
export function uploadsRoot(): string {
  const db = resolveDbPath();
  const base = db === ":memory:" ? join(findRepoRoot(), "data") : dirname(db);
  return join(base, "uploads");
}

/** Stores the files as `<root>/<uuid>/<sanitised name>`; returns their absolute paths. */
export async function storeUpload(root: string, files: readonly File[]): Promise<string[]> {
  await mkdir(root, { recursive: true });
  // Uploaded articles are data, not source: keep them out of git whatever the repo ignores.
  const ignore = join(root, ".gitignore");
  if (!existsSync(ignore)) await writeFile(ignore, "*\n");
  const folder = join(root, randomUUID());
  await mkdir(folder);
  const names = uniqueFileNames(files.map((f) => f.name));
  try {
    const paths: string[] = [];
    for (const [i, file] of files.entries()) {
      const path = join(folder, names[i] ?? `upload-${i + 1}`);
      // "wx": never follow or overwrite anything already there.
      await writeFile(path, Buffer.from(await file.arrayBuffer()), { flag: "wx" });
      paths.push(path);
    }
    return paths;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
