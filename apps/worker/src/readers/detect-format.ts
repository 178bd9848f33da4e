/** Which reader a file needs: its format from the name (or `--format`), and whether it is gzipped. */
import type { TInputFormat } from "@claimdesk/types";

export type FileFormat = Exclude<TInputFormat, "auto">;

export interface DetectedFormat {
  format: FileFormat;
  gzip: boolean;
}

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  ".txt": "text",
  ".md": "text",
  ".html": "html",
  ".htm": "html",
  ".jsonl": "jsonl",
  ".csv": "csv",
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION).flatMap((e) => [e, `${e}.gz`]);

/** The lower-cased extension, looking through a trailing ".gz": "a.HTML.gz" → ".html.gz". */
export function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1).toLowerCase();
  const match = /(\.[a-z0-9]+)?(\.gz)?$/.exec(name);
  return match?.[0] ?? "";
}

/**
 * The format of `file`, or null when it is not importable. A `format` other than "auto" applies to
 * every file (a folder of extension-less HTML pages); gzip still follows the ".gz" extension.
 */
export function detectFormat(file: string, format: TInputFormat = "auto"): DetectedFormat | null {
  const extension = extensionOf(file);
  const gzip = extension.endsWith(".gz");
  if (format !== "auto") return { format, gzip };
  const inner = gzip ? extension.slice(0, -3) : extension;
  const detected = BY_EXTENSION[inner];
  return detected === undefined ? null : { format: detected, gzip };
}
