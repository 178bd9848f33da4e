/** What `import` prints when it ends: a one-line outcome, then skipped files and failed records. */
import type { ImportSummary } from "./import-articles";

const plural = (n: number, word: string, suffix = "s") => `${n} ${word}${n === 1 ? "" : suffix}`;

export function formatSummary(summary: ImportSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(2);
  const records = summary.read === summary.files ? "" : ` (${plural(summary.read, "record")})`;
  const versions =
    summary.versions > 0 ? `${plural(summary.versions, "new version")} of known articles, ` : "";
  const resumed =
    summary.resumedAfter === null
      ? ""
      : `; resumed job ${summary.jobId} after ${plural(summary.resumedAfter, "input record")}`;
  const lines = [
    `Imported ${plural(summary.imported, "article")} (${versions}${plural(summary.claims, "claim")} suggested); ` +
      `${plural(summary.duplicates, "duplicate")}, ${summary.failed} failed; ` +
      `read ${plural(summary.files, "file")}${records} in ${seconds} s${resumed} (db: ${summary.dbPath})`,
  ];

  const skipped = Object.entries(summary.skipped);
  if (skipped.length > 0) {
    const total = skipped.reduce((sum, [, n]) => sum + n, 0);
    const byExtension = skipped.map(([ext, n]) => `${ext} ${n}`).join(", ");
    lines.push(`Skipped ${plural(total, "file")} of unsupported types (${byExtension})`);
  }

  if (summary.assumedCount > 0) {
    lines.push(`Read by assumption (${plural(summary.assumedCount, "record")}):`);
    for (const { file, line, note } of summary.assumed) {
      lines.push(`  ${file}${line === null ? "" : `:${line}`}  ${note}`);
    }
    const more = summary.assumedCount - summary.assumed.length;
    if (more > 0) lines.push(`  (+${more} more)`);
  }

  if (summary.failed > 0) {
    lines.push("Failed records:");
    for (const { file, line, reason } of summary.failures) {
      lines.push(`  ${file}${line === null ? "" : `:${line}`}  ${reason}`);
    }
    const more = summary.failed - summary.failures.length;
    if (more > 0) lines.push(`  (+${more} more in import job ${summary.jobId})`);
  }
  return lines.join("\n");
}

/** Inputs that could not be opened, one `reason: path` line each (warnings when others were read). */
export function formatUnreadable(summary: ImportSummary): string[] {
  return summary.unreadable.map(({ path, reason }) => `${reason}: ${path}`);
}
