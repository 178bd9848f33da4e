/**
 * Human agreement under the bench's own scorer: on every PolNeAR article that several annotators
 * marked, each annotator's spans are scored against each other's (all unordered pairs, counts
 * pooled). It is the ceiling a suggester can be expected to reach against one annotator's gold;
 * the suggester is scored against each annotator of the same articles, to compare like with like.
 */
import { emptyTable, scoreArticle, scoreRanges, suggest, type Table } from "./evaluate";
import type { PolnearArticle } from "./polnear";
import { type Range, ROLES } from "./score";

export interface AgreementGroup {
  readonly name: string;
  readonly articles: number;
  readonly pairs: number;
  /** Annotator against annotator. */
  readonly human: Table;
  /** The suggester against each annotator of the same articles. */
  readonly suggester: Table;
}

/** One annotator's spans of a role as a suggester would give them: one range (the hull) each. */
function hulls(article: PolnearArticle, role: (typeof ROLES)[number]): Range[] {
  const out: Range[] = [];
  for (const a of article.attributions) {
    const parts = a[role];
    const first = parts?.[0];
    const last = parts?.at(-1);
    if (first && last) out.push({ start: first.start, end: last.end });
  }
  return out;
}

function addPair(gold: PolnearArticle, other: PolnearArticle, table: Table): void {
  for (const role of ROLES) scoreRanges(gold, role, hulls(other, role), table);
}

/** Groups: the train and dev articles with several annotators, and the annotator-training set. */
export function annotatorAgreement(annotations: readonly PolnearArticle[]): AgreementGroup[] {
  const byId = new Map<string, PolnearArticle[]>();
  for (const a of annotations) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  const groups = [
    { name: "train + dev", keep: (c: string) => c === "train" || c === "dev" },
    { name: "annotator training", keep: (c: string) => c !== "train" && c !== "dev" },
  ];
  return groups.map(({ name, keep }) => {
    const human = emptyTable();
    const suggester = emptyTable();
    let articles = 0;
    let pairs = 0;
    for (const versions of byId.values()) {
      if (versions.length < 2 || !keep(versions[0]?.compartment ?? "")) continue;
      articles++;
      const claims = suggest(versions[0]?.text ?? "");
      for (const v of versions) scoreArticle(v, claims, suggester);
      // Each unordered pair once, the annotator whose id sorts first as the gold.
      const sorted = [...versions].sort((x, y) => (x.annotator < y.annotator ? -1 : 1));
      for (let i = 0; i < sorted.length; i++)
        for (let j = i + 1; j < sorted.length; j++) {
          const [g, o] = [sorted[i], sorted[j]];
          if (g && o) addPair(g, o, human);
          pairs++;
        }
    }
    return { name, articles, pairs, human, suggester };
  });
}
