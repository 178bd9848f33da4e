/**
 * A probe, not a product part: how far a learned cue tagger gets past the rules on PolNeAR.
 * An averaged perceptron tags each token as in a cue or not, from the words around it, their
 * shapes and suffixes, whether it sits in a quotation, and the rules' own spans as features
 * (stacking); it is trained on train and scored on dev with the bench's scorer.
 * Usage: tsx bench/claims/learned-cue.ts [epochs]
 */
import { segmentSentences } from "../../packages/ingest/src/segment-sentences";
import { type Token, tokenize } from "../../packages/ingest/src/sentence-tokens";
import { suggestClaims } from "../../packages/ingest/src/suggest-claims";
import { emptyTable, scoreRanges } from "./evaluate";
import { loadPolnear, type PolnearArticle } from "./polnear";
import { prf, type Range } from "./score";

const EPOCHS = Number(process.argv[2] ?? 6);

interface Sentence {
  readonly toks: readonly Token[];
  readonly ruleCue: Uint8Array;
  readonly ruleSource: Uint8Array;
  readonly ruleContent: Uint8Array;
  readonly quoted: Uint8Array;
  readonly gold: Uint8Array;
}

function mark(toks: readonly Token[], spans: readonly Range[]): Uint8Array {
  const m = new Uint8Array(toks.length);
  toks.forEach((t, i) => {
    if (spans.some((r) => t.s < r.end && t.e > r.start)) m[i] = 1;
  });
  return m;
}

function sentencesOf(a: PolnearArticle): Sentence[] {
  const sentences = segmentSentences(a.text);
  const claims = suggestClaims(a.text, sentences);
  const spans = (pick: (c: (typeof claims)[number]) => Range | null | undefined): Range[] =>
    claims.flatMap((c) => pick(c) ?? []);
  const cues = spans((c) => c.cue);
  const sources = spans((c) => c.sourceMention);
  const contents = spans((c) => c.content);
  const gold = a.attributions.flatMap((g) => g.cue ?? []);
  return sentences.map((s) => {
    const toks = tokenize(a.text, s.start, s.end);
    const quoted = new Uint8Array(toks.length);
    let inQuote = 0;
    toks.forEach((t, i) => {
      if (t.t === '"' || t.t === "“" || t.t === "”") inQuote ^= 1;
      quoted[i] = inQuote;
    });
    return {
      toks,
      ruleCue: mark(toks, cues),
      ruleSource: mark(toks, sources),
      ruleContent: mark(toks, contents),
      quoted,
      gold: mark(toks, gold),
    };
  });
}

const shape = (t: string): string =>
  t
    .replace(/\p{Lu}/gu, "X")
    .replace(/\p{Ll}/gu, "x")
    .replace(/\p{N}/gu, "d")
    .replace(/(.)\1+/g, "$1$1");

function features(s: Sentence, i: number, prev: number): string[] {
  const w = (k: number): string => s.toks[i + k]?.lw ?? (k < 0 ? "<s>" : "</s>");
  const t = s.toks[i];
  const rc = (k: number): number => s.ruleCue[i + k] ?? 0;
  return [
    "bias",
    `w=${w(0)}`,
    `w-1=${w(-1)}`,
    `w+1=${w(1)}`,
    `w-2=${w(-2)}`,
    `w+2=${w(2)}`,
    `w-1w=${w(-1)}|${w(0)}`,
    `ww+1=${w(0)}|${w(1)}`,
    `suf3=${w(0).slice(-3)}`,
    `suf2=${w(0).slice(-2)}`,
    `shape=${shape(t?.t ?? "")}`,
    `rc=${rc(0)}`,
    `rc-1=${rc(-1)}`,
    `rc+1=${rc(1)}`,
    `rs=${s.ruleSource[i] ?? 0}`,
    `rt=${s.ruleContent[i] ?? 0}`,
    `q=${s.quoted[i] ?? 0}`,
    `lexicon=${t?.cue ? 1 : 0}`,
    `prev=${prev}`,
    `prev|w=${prev}|${w(0)}`,
    `rc|w=${rc(0)}|${w(0)}`,
    `first=${i === 0 ? 1 : 0}`,
  ];
}

/** Averaged perceptron (binary), with lazy averaging. */
class Perceptron {
  private readonly w = new Map<string, number>();
  private readonly total = new Map<string, number>();
  private readonly stamp = new Map<string, number>();
  private clock = 1;

  score(f: readonly string[]): number {
    let s = 0;
    for (const k of f) s += this.w.get(k) ?? 0;
    return s;
  }

  update(f: readonly string[], delta: number): void {
    for (const k of f) {
      const wk = this.w.get(k) ?? 0;
      this.total.set(k, (this.total.get(k) ?? 0) + (this.clock - (this.stamp.get(k) ?? 0)) * wk);
      this.stamp.set(k, this.clock);
      this.w.set(k, wk + delta);
    }
  }

  tick(): void {
    this.clock++;
  }

  average(): void {
    for (const [k, wk] of this.w) {
      const sum = (this.total.get(k) ?? 0) + (this.clock - (this.stamp.get(k) ?? 0)) * wk;
      this.w.set(k, sum / this.clock);
    }
  }
}

/** Contiguous marked tokens as character ranges. */
function runs(s: Sentence, marked: Uint8Array): Range[] {
  const out: Range[] = [];
  let first = -1;
  for (let i = 0; i <= s.toks.length; i++) {
    if (i < s.toks.length && marked[i]) {
      if (first < 0) first = i;
      continue;
    }
    const a = s.toks[first];
    const b = s.toks[i - 1];
    if (first >= 0 && a && b) out.push({ start: a.s, end: b.e });
    first = -1;
  }
  return out;
}

async function main(): Promise<void> {
  const articles = await loadPolnear();
  const train = articles.filter((a) => a.compartment === "train").flatMap(sentencesOf);
  const model = new Perceptron();
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let errors = 0;
    for (const s of train) {
      let prev = 0;
      for (let i = 0; i < s.toks.length; i++) {
        const f = features(s, i, prev);
        const y = s.gold[i] ?? 0;
        if ((model.score(f) > 0 ? 1 : 0) !== y) {
          model.update(f, y ? 1 : -1);
          errors++;
        }
        model.tick();
        prev = y;
      }
    }
    console.log(`epoch ${epoch + 1}: ${errors} token errors on train`);
  }
  model.average();

  const tables = { rules: emptyTable(), learned: emptyTable() };
  for (const a of articles.filter((x) => x.compartment === "dev")) {
    const rules: Range[] = [];
    const learned: Range[] = [];
    for (const s of sentencesOf(a)) {
      const tags = new Uint8Array(s.toks.length);
      let prev = 0;
      for (let i = 0; i < s.toks.length; i++) {
        prev = model.score(features(s, i, prev)) > 0 ? 1 : 0;
        tags[i] = prev;
      }
      rules.push(...runs(s, s.ruleCue));
      learned.push(...runs(s, tags));
    }
    scoreRanges(a, "cue", rules, tables.rules);
    scoreRanges(a, "cue", learned, tables.learned);
  }
  const pct = (x: number): string => (x * 100).toFixed(1);
  console.log(
    "\n| dev cue spans | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const [name, table] of Object.entries(tables)) {
    const x = prf(table.cue.exact);
    const y = prf(table.cue.overlap);
    console.log(
      `| ${name} | ${pct(x.p)} | ${pct(x.r)} | **${pct(x.f)}** | ${pct(y.p)} | ${pct(y.r)} | **${pct(y.f)}** |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
