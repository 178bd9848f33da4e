/**
 * Likely duplicates in the registry, proposed for an analyst to confirm by merging: a surname
 * on its own beside the full name ("Blair" and "Tony Blair", "Howard" and "Michael Howard"), and
 * an organisation's initials beside its name ("BBC" and "British Broadcasting Corporation").
 * Nothing is merged here; the registry page offers each proposal as a merge.
 */
import type { TSourceMergeProposalsInput } from "@claimdesk/types";
import { isNull } from "drizzle-orm";
import { sources } from "../schema";
import type { DbExecutor } from "./executor";
import { type RegistrySource, toRegistrySource } from "./source-merge";

export interface SourceMergeProposal {
  /** The fuller name, proposed to be kept. */
  keep: RegistrySource;
  /** The shorter variant, proposed to be merged into `keep`. */
  merge: RegistrySource;
  reason: "surname" | "initials";
  /** Other full names the short one could also stand for ("Brown": Gordon, Nick): check first. */
  alternatives: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SMALL_WORDS = new Set(["of", "for", "and", "the", "de", "la", "&"]);

function initialsOf(name: string): string {
  const words = name.match(WORD) ?? [];
  return words
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0] ?? "")
    .join("")
    .toLowerCase();
}

/**
 * Proposed merges among active sources, those with the most claims at stake first. A surname
 * proposal needs a one-word person or organisation name equal to the last word of a person's
 * full name; an initials proposal a 2–6 letter acronym equal to an organisation's initials.
 */
export function listSourceMergeProposals(
  db: DbExecutor,
  input: TSourceMergeProposalsInput = {},
): SourceMergeProposal[] {
  const limit = input.limit ?? 20;
  const rows = db.select().from(sources).where(isNull(sources.mergedIntoId)).all();
  const byLastWord = new Map<string, (typeof rows)[number][]>();
  const byInitials = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) {
    const words = row.nameKey.match(WORD) ?? [];
    if (words.length < 2) continue;
    if (row.kind === "named_person") {
      const last = words[words.length - 1] ?? "";
      const list = byLastWord.get(last) ?? [];
      list.push(row);
      byLastWord.set(last, list);
    } else if (row.kind === "named_organization" || row.kind === "media_outlet") {
      const initials = initialsOf(row.name);
      if (initials.length < 2) continue;
      const list = byInitials.get(initials) ?? [];
      list.push(row);
      byInitials.set(initials, list);
    }
  }
  const proposals: SourceMergeProposal[] = [];
  for (const row of rows) {
    const words = row.nameKey.match(WORD) ?? [];
    if (words.length !== 1 || words[0] !== row.nameKey) continue;
    const surnameOf =
      row.kind === "named_person" || row.kind === "named_organization"
        ? byLastWord.get(row.nameKey)
        : undefined;
    const acronym = /^\p{Lu}{2,6}$/u.test(row.name) ? byInitials.get(row.nameKey) : undefined;
    const candidates = surnameOf ?? acronym;
    if (!candidates || candidates.length === 0) continue;
    const sorted = [...candidates].sort((a, b) => b.claimCount - a.claimCount || a.id - b.id);
    const best = sorted[0];
    if (!best) continue;
    proposals.push({
      keep: toRegistrySource(best),
      merge: toRegistrySource(row),
      reason: surnameOf ? "surname" : "initials",
      alternatives: sorted.length - 1,
    });
  }
  proposals.sort(
    (a, b) =>
      b.merge.claimCount + b.keep.claimCount - (a.merge.claimCount + a.keep.claimCount) ||
      a.merge.id - b.merge.id,
  );
  return proposals.slice(0, limit);
}
