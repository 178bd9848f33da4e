/** Source resolution: kind and registry name per mention; anaphora ("he", "the minister"). */
import type { TSentence } from "@claimdesk/types";
import type { Draft } from "./claim-draft";
import { analyseMention, isPronoun } from "./guess-source-kind";
import { wordSet } from "./word-set";

type Anaphor = "person" | "thing" | "plural" | "definite";

// Anaphora look at most this many earlier claims (the sentence window bounds it in normal prose).
const MAX_ANTECEDENTS = 40;
const PERSON_PRONOUNS = wordSet("he she");
// "the minister", "the senior official", "the company": heads that refer back to a named source.
const PERSON_ANAPHORS: ReadonlySet<string> = wordSet(`
  official spokesman spokeswoman spokesperson source minister commander diplomat ambassador envoy
  officer chief leader president mayor governor director executive
`);
// These name an organisation; the ones above a person.
const ORGANIZATION_ANAPHORS: ReadonlySet<string> = wordSet(`
  company firm group ministry militia agency organisation organization government council party
  board authority regulator office court bank department commission committee
`);
// "Mr Blair", "President Reagan": a personal title before a capitalised word makes it a name.
const PERSONAL_TITLES = `mr mrs ms miss dr prof sir lord lady president senator sen rep gov governor
  mayor pope king queen prince princess sheikh ayatollah chancellor premier judge justice general
  gen col colonel capt captain minister secretary`.split(/\s+/);
const TITLED_NAME = new RegExp(
  `\\b(?:${PERSONAL_TITLES.map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`).join("|")})\\.? (\\p{Lu}[\\p{L}'’-]+)\\b(?! \\p{Lu})`,
  "gu",
);
const DEFINITE_ANAPHOR = new RegExp(
  `^the (?:[a-z-]+ ){0,3}(${[...PERSON_ANAPHORS, ...ORGANIZATION_ANAPHORS].join("|")})$`,
);
const WORDS_OF = /[\p{L}]+/gu;
const SINGLE_NAME = /^\p{Lu}[\p{L}'’-]+$/u;
const PROSE_END = /[.!?”"’)…]$/;
const PARTY_LABEL = /\s*\([^()]{1,12}\)$/;
// How many earlier sentences an anaphor may reach back (the same sentence always counts).
const ANAPHORA_WINDOW = 2;
// Relative pronouns that stand for a source ("…, which said", "officials who spoke").
const RELATIVE_PRONOUNS = wordSet("who whom which that");

/** A pronoun names no one: left unresolved it gets no registry source ("he" is not a source). */
function namesNoOne(mention: string): boolean {
  return isPronoun(mention) || RELATIVE_PRONOUNS.has(mention.trim().toLowerCase());
}

function anaphorType(mention: string): Anaphor | null {
  const lower = mention.toLowerCase();
  if (PERSON_PRONOUNS.has(lower)) return "person";
  if (lower === "it") return "thing";
  if (lower === "they") return "plural";
  return DEFINITE_ANAPHOR.test(lower) ? "definite" : null;
}

function compatible(anaphor: Anaphor, mention: string, candidate: Draft, text: string): boolean {
  const kind = candidate.kind;
  switch (anaphor) {
    case "person":
      return kind === "named_person";
    case "thing":
      return kind === "named_organization" || kind === "media_outlet" || kind === "document";
    case "plural":
      return kind === "named_organization";
    case "definite": {
      const head = DEFINITE_ANAPHOR.exec(mention.toLowerCase())?.[1];
      const src = candidate.source;
      if (!head || !src) return false;
      const wanted = ORGANIZATION_ANAPHORS.has(head) ? "named_organization" : "named_person";
      if (kind !== wanted) return false;
      // "the minister" → "Foreign Minister Teodor Halvik": the head must be a word of the mention.
      const words: string[] = text.slice(src.start, src.end).toLowerCase().match(WORDS_OF) ?? [];
      return words.includes(head);
    }
  }
}

export function resolveSources(
  text: string,
  sentences: readonly TSentence[],
  drafts: Draft[],
): void {
  // Index of the n-th previous prose sentence (headlines and subheads do not count).
  const proseBefore: number[] = [];
  const prose: number[] = [];
  for (let i = 0; i < sentences.length; i++) {
    proseBefore.push(
      prose.length >= ANAPHORA_WINDOW ? (prose[prose.length - ANAPHORA_WINDOW] ?? 0) : 0,
    );
    const s = sentences[i];
    if (s && PROSE_END.test(text.slice(s.end - 1, s.end))) prose.push(i);
  }
  let windowStart = 0;
  const analyses = drafts.map((draft) =>
    // A party label is not part of the name: "Sen. Ted Cruz (R-Texas)".
    draft.source
      ? analyseMention(text.slice(draft.source.start, draft.source.end).replace(PARTY_LABEL, ""))
      : null,
  );
  // Last name → full name of the people the article's sources name ("Halvik" for "Teodor
  // Halvik"), so that "Blair said" and "Mr Blair said" are Tony Blair's in his article.
  const surnames = new Map<string, string | null>();
  for (const analysis of analyses) {
    if (analysis?.kind !== "named_person") continue;
    const last = analysis.name.split(" ").pop();
    if (!last || last === analysis.name) continue;
    const known = surnames.get(last);
    // Two people sharing a surname make it ambiguous: remember that with null.
    surnames.set(last, known === undefined || known === analysis.name ? analysis.name : null);
  }
  let titled: Set<string> | null = null;
  for (let d = 0; d < drafts.length; d++) {
    const draft = drafts[d];
    const analysis = analyses[d];
    if (!draft?.source || !analysis) continue;
    const mention = text.slice(draft.source.start, draft.source.end);
    draft.kind = analysis.kind;
    draft.sourceName = analysis.name;
    if (
      (analysis.kind === "named_organization" || analysis.kind === "named_person") &&
      SINGLE_NAME.test(analysis.name)
    ) {
      const person = surnames.get(analysis.name);
      if (person) {
        draft.kind = "named_person";
        draft.sourceName = person;
      } else if (analysis.kind === "named_organization") {
        // "Reagan said" where the article also says "President Reagan": a person.
        titled ??= titledNames(text);
        if (titled.has(analysis.name)) draft.kind = "named_person";
      }
    }
    const anaphor = anaphorType(mention);
    // Unknown head noun, or a pronoun no rule can resolve ("we", "I" inside quotations).
    if (analysis.kind === null && !anaphor) draft.score -= isPronoun(mention) ? 0.3 : 0.15;
    if (!anaphor) {
      draft.resolved = analysis.kind === "named_person" || analysis.kind === "named_organization";
      if (namesNoOne(mention)) draft.sourceName = null;
      else if (!analysis.named) draft.sourceIsDescription = true;
      continue;
    }
    const earliest = proseBefore[draft.sentence] ?? 0;
    while ((drafts[windowStart]?.sentence ?? Number.POSITIVE_INFINITY) < earliest) windowStart++;
    // Recency: the nearest sentence holding a compatible source decides, and only if it holds
    // exactly one ("he" after two different named people is left unresolved).
    const names = new Map<string, Draft>();
    let decidingSentence = -1;
    for (let c = d - 1; c >= Math.max(windowStart, d - MAX_ANTECEDENTS); c--) {
      const candidate = drafts[c];
      if (!candidate?.sourceName || !candidate.resolved) continue;
      if (decidingSentence >= 0 && candidate.sentence !== decidingSentence) break;
      if (candidate.source && candidate.source.start === draft.source.start) continue;
      if (!compatible(anaphor, mention, candidate, text)) continue;
      decidingSentence = candidate.sentence;
      names.set(candidate.sourceName, candidate);
    }
    const only = names.size === 1 ? [...names.values()][0] : undefined;
    if (only) {
      draft.sourceName = only.sourceName;
      draft.kind = only.kind;
      draft.resolved = true;
      draft.score -= 0.05;
    } else {
      // Unsure: a description keeps itself as the name ("the senior Iraqi security source"), a
      // pronoun gets none; the score says so either way.
      draft.score -= anaphor === "definite" ? 0.1 : 0.25;
      if (namesNoOne(mention)) draft.sourceName = null;
      else if (!analysis.named) draft.sourceIsDescription = true;
    }
  }
}

/** Capitalised words the text puts after a title ("Mr Blair", "President Reagan"). */
function titledNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(TITLED_NAME)) if (m[1]) names.add(m[1]);
  return names;
}
