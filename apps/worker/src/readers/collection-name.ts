/** The collection a structured record's id is unique in: its file's name without extensions. */
import { basename } from "node:path";

const COMPRESSION = /\.gz$/i;
const FORMAT = /\.(?:jsonl|csv)$/i;

/** "/corpora/reuters-21578/reuters-21578.jsonl.gz" → "reuters-21578". */
export function collectionName(file: string): string {
  return basename(file).replace(COMPRESSION, "").replace(FORMAT, "");
}
