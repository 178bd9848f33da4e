/** The dedupe key of an article: sha256 (hex) of its cleaned text, as UTF-8. */
import { createHash } from "node:crypto";

export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
