/** The contract every export format implements: text chunks around a stream of claims. */
import type { ExportClaim, UnclaimedEntity } from "@claimdesk/db";
import type { TExportFormat } from "@claimdesk/types";

export interface ExportFormatter {
  readonly format: TExportFormat;
  /** File extension including the dot. */
  readonly extension: string;
  readonly mediaType: string;
  /** Written once at the start of each file (a CSV header); may be "". */
  begin(): string;
  /**
   * The text for one claim, or "" when this format leaves it out (FEVER without a verdict).
   * `firstOfArticle` is true for the first claim of an article in this file.
   */
  claim(claim: ExportClaim, firstOfArticle: boolean): string;
  /**
   * Formats that round-trip (canonical JSONL) also write, in unfiltered exports after the
   * claims, the articles with no claims and the sources and propositions no claim uses.
   */
  entity?(entity: UnclaimedEntity): string;
  /** Written once at the end of each file; may be "". */
  end(): string;
}
