/** Small display helpers shared by the Imports views: job types, times, input names, counts. */
import type { RouterOutputs } from "~/trpc/types";

export type ImportJobItem = RouterOutputs["imports"]["list"]["items"][number];
export type ImportJobDetailData = RouterOutputs["imports"]["byId"];

/** Polling interval while a job is queued or running: the engine writes counts after each batch. */
export const IMPORT_POLL_MS = 1000;

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

/** "24 Nov, 02:40:12 UTC", or an en dash when the time is not known yet. */
export function formatJobTime(iso: string | null): string {
  if (iso === null) return "–";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${timeFormat.format(ms)} UTC`;
}

/** What an analyst recognises: a file's name for uploads (stored under a random folder), else the path. */
export function inputLabel(path: string, origin: ImportJobItem["origin"]): string {
  return origin === "upload" ? (path.split(/[\\/]/).pop() ?? path) : path;
}

export const COUNT_FIELDS = [
  ["read", "Read"],
  ["imported", "Imported"],
  ["duplicates", "Duplicates"],
  ["failed", "Failed"],
  ["claims", "Claims"],
] as const;

export const ORIGIN_LABELS: Record<ImportJobItem["origin"], string> = {
  cli: "Command line",
  upload: "Upload",
};
