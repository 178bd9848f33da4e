/** Heuristic source kind for a source mention as written ("the senior Iraqi security source"). */
import type { TSourceKind } from "@claimdesk/types";
import { wordSet } from "./word-set";

export const PRONOUNS: ReadonlySet<string> = wordSet(`
  he she they it we i you him her them us
`);

const DETERMINERS: ReadonlySet<string> = wordSet(`
  the a an some several multiple many two three four five other another one both its his her their
  our this that these those
`);

// Multi-word names, so one per line.
const MEDIA_NAMES: ReadonlySet<string> = new Set(
  `reuters
  ap
  associated press
  the associated press
  afp
  agence france-presse
  bbc
  cnn
  al jazeera
  bloomberg
  new york times
  the new york times
  washington post
  the washington post
  wall street journal
  the wall street journal
  guardian
  the guardian
  financial times
  the financial times
  xinhua
  tass
  irna
  tasnim
  fars
  isna
  al arabiya
  sky news
  nbc
  cbs
  abc
  fox news
  npr
  axios
  politico
  kyodo
  yonhap
  interfax
  anadolu
  dpa
  efe
  ansa`
    .split("\n")
    .map((line) => line.trim()),
);

const MEDIA_HEADS: ReadonlySet<string> = wordSet(`
  newspaper newspapers daily broadcaster tv television radio channel outlet outlets magazine media
  website tabloid wire press
`);
/** The last word of a newspaper's or broadcaster's name: "the Lindmark Courier". */
const MEDIA_NAME_WORDS: ReadonlySet<string> = wordSet(`
  times post herald courier gazette tribune journal chronicle observer guardian telegraph express
  mail news ledger standard independent examiner inquirer sun mirror star globe record review
  bulletin dispatch monitor radio tv television broadcasting newswire wire
`);
const STATEMENT_HEADS: ReadonlySet<string> = wordSet(`
  statement statements communique communiqué release announcement declaration bulletin
`);
const DOCUMENT_HEADS: ReadonlySet<string> = wordSet(`
  report reports study studies document documents memo memorandum letter survey analysis
  assessment filing filings indictment complaint lawsuit records record data figures cable cables
  dossier investigation audit review poll polls paper findings estimates census ruling verdict
  judgment judgement transcript minutes budget plan proposal agreement
`);
const OFFICIAL_HEADS: ReadonlySet<string> = wordSet(`
  official officials spokesman spokeswoman spokesperson spokespeople source sources diplomat
  diplomats aide aides adviser advisers advisor advisors minister ministers commander commanders
  officer officers lawmaker lawmakers legislator legislators ambassador envoy envoys negotiator
  negotiators representative representatives prosecutor prosecutors investigator investigators
  regulator regulators mayor governor councillor councilor councillors councilors councilman
  councilwoman senator chief director head president chairman chairwoman chair secretary general
  colonel captain police authorities administrator inspector judge member members leader leaders
  executive executives manager managers staffer staffers
`);
const NON_OFFICIAL_HEADS: ReadonlySet<string> = wordSet(`
  witness witnesses eyewitness eyewitnesses resident residents bystander bystanders villager
  villagers protester protesters protestor protestors passenger passengers survivor survivors
  relative relatives neighbour neighbours neighbor neighbors local locals family families friend
  friends student students worker workers farmer farmers parent parents fighter fighters man woman
  men women person people doctor doctors nurse nurses patient patients driver drivers shopkeeper
  shopkeepers trader traders customer customers commuter commuters rider riders activist activists
  voter voters user users employee employees pharmacist pharmacists cardiologist cardiologists
  teacher teachers owner owners tenant tenants mother father son daughter victim victims
`);
const GENERIC_HEADS: ReadonlySet<string> = wordSet(`
  critics experts analysts observers some many others opponents supporters scholars economists
  commentators skeptics sceptics proponents advocates campaigners researchers scientists insiders
  rumours rumors dealers bankers brokers strategists forecasters
`);
const ORGANIZATION_HEADS: ReadonlySet<string> = wordSet(`
  ministry government army military group militia militias company firm agency council committee
  commission authority department office party movement embassy court parliament cabinet
  administration regime coalition alliance organisation organization union bank manufacturer maker
  regulator board city municipality hospital university faction factions groups
`);
/** A capitalised word in one of these makes a name an organisation, not a person. */
const ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  ...ORGANIZATION_HEADS,
  ...wordSet(`
    forces force corp corporation inc ltd llc plc gmbh co brigade brigades front institute police
    guard guards corps fund foundation nations states kingdom republic emirates house pentagon
    kremlin hezbollah hizbollah hamas taliban kataib nato league federation service services centre
    center command assembly senate congress trust society church school college airlines airways
    motors technologies systems industries holdings partners labs laboratories pharmaceuticals
    pharma therapeutics energy network bureau secretariat tribunal mission consulate county
    province state union authority transit railways association agency commission committee
    democrats dems republicans conservatives tories labour liberals greens socialists unionists
    nationalists
  `),
]);
/**
 * Organisation heads that a house style capitalises without making them a name: "the Bank said",
 * "The Company said" describe an organisation (named elsewhere in the article), they do not name
 * one. Alone (after "the") they are read as descriptions.
 */
const DESCRIPTIVE_ORGANIZATION_HEADS: ReadonlySet<string> = wordSet(`
  company firm bank ministry government group agency department office council committee
  commission authority board party regulator manufacturer maker administration
`);
/** Joins two capitalised words into one name: "Marks and Spencer", "S and P", "AT & T". */
const NAME_CONJUNCTIONS: ReadonlySet<string> = wordSet("and &");
/** The last word of a company's name, after which "X and Y Corp" is one name. */
const COMPANY_SUFFIXES: ReadonlySet<string> = wordSet(`
  corp corp. corporation inc inc. co co. ltd ltd. plc llc group
`);
/** "MPs", "MEPs", "CEOs": a plural of an acronym is a description, not a name. */
const PLURAL_ACRONYM = /^\p{Lu}{2,5}s$/u;
/** Capitalised words that precede a name without being part of it. */
export const TITLE_WORDS: ReadonlySet<string> = wordSet(`
  prime minister president vice deputy foreign defence defense interior finance secretary general
  gen gen. lt lt. col col. sgt sgt. maj maj. capt capt. mr mr. mrs mrs. ms ms. dr dr. prof prof.
  sen sen. rep rep. gov gov. senator representative governor ambassador judge justice pope king
  queen prince princess sheikh ayatollah mayor councillor councilor councilman councilwoman
  chairman chairwoman ceo chief commander colonel captain spokesman spokeswoman director executive
  lieutenant sergeant admiral brigadier major emir supreme leader speaker cleric imam state health
  transport energy trade economy justice attorney chancellor premier senior former acting home
  culture education environment industry work pensions shadow treasury
`);
const DEMONYM_SUFFIX = /(?:ian|ean|ese|ish|ic)$/;
const DEMONYMS: ReadonlySet<string> = wordSet(`
  iraqi israeli saudi kuwaiti pakistani qatari emirati yemeni omani bahraini somali afghan french
  dutch greek thai swiss u.s. us u.k. uk eu u.n. un american german kurdish turkish british
  iranian
`);
const NAME_PARTICLE = /^(?:al|el|bin|ibn|abu|bint|de|del|da|di|van|von|der|den|la|le|du|ben|ul)$/;
const PARTICLE_PREFIXED = /^(?:al|el|bin|ibn|abu|ul)-\p{Lu}/u;
const CAPITALISED = /^[\p{Lu}\p{Lt}]/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;
const TRAILING_PUNCT = /[,;:.]+$/;
const POSSESSIVE = /['’]s?$/;
// Words that end the head noun phrase: "a spokesman for the ministry", "sources familiar with…".
const PP_STARTERS: ReadonlySet<string> = wordSet(`
  of for from at in with on to by familiar close who near inside within across
`);

export interface MentionAnalysis {
  readonly kind: TSourceKind | null;
  /** The name to match in the registry (see analyseMention). */
  readonly name: string;
  /** The mention carries a capitalised name (not just a description such as "a spokesman"). */
  readonly named: boolean;
}

function isNameToken(word: string): boolean {
  return CAPITALISED.test(word) || PARTICLE_PREFIXED.test(word);
}

/** Words of a mention, without trailing commas/periods (except in "U.S."-style tokens). */
function words(mention: string): string[] {
  return mention
    .trim()
    .split(/\s+/)
    .map((w) => (ACRONYM.test(w) ? w : w.replace(TRAILING_PUNCT, "")))
    .filter((w) => w.length > 0);
}

/** The trailing run of capitalised words (name particles allowed inside), without determiners. */
export function trailingNameRun(tokens: readonly string[]): string[] {
  let i = tokens.length;
  while (i > 0) {
    const w = tokens[i - 1] ?? "";
    if (isNameToken(w)) i--;
    else if (
      NAME_PARTICLE.test(w) &&
      i < tokens.length &&
      i > 1 &&
      isNameToken(tokens[i - 2] ?? "")
    )
      i--;
    else break;
  }
  i = joinedNameStart(tokens, i);
  const run = tokens.slice(i);
  while (run.length > 0 && DETERMINERS.has((run[0] ?? "").toLowerCase())) run.shift();
  return run;
}

/**
 * Where a run starting at `i` begins once a name joined by "and"/"&" is taken whole: "Standard and
 * Poor's", "S and P", "Marks and Spencer Plc", "AT & T". Two single words are one name when "&"
 * joins them, when either is an initial or two ("S", "AT"), when the second is possessive
 * ("Poor's") or repeats the first ("Johnson and Johnson"), or when a company suffix ends the
 * run ("Procter and Gamble Co"). Otherwise "Nationwide and Halifax" stays two sources.
 */
function joinedNameStart(tokens: readonly string[], i: number): number {
  const conjunction = tokens[i - 1] ?? "";
  const left = tokens[i - 2] ?? "";
  const right = tokens[i] ?? "";
  if (!NAME_CONJUNCTIONS.has(conjunction.toLowerCase()) || !isNameToken(left) || !right) return i;
  // The left part must be a single word ("Nick Brown and Gordon Brown" are two people).
  const before = tokens[i - 3];
  if (before !== undefined && isNameToken(before) && !DETERMINERS.has(before.toLowerCase()))
    return i;
  if (DETERMINERS.has(left.toLowerCase())) return i;
  const last = (tokens[tokens.length - 1] ?? "").toLowerCase();
  const initial = (w: string) => /^\p{Lu}{1,2}\.?$/u.test(w);
  const joined =
    conjunction === "&" ||
    initial(left) ||
    initial(right) ||
    (POSSESSIVE.test(right) && right.length > 2) ||
    left.toLowerCase() === right.toLowerCase() ||
    (COMPANY_SUFFIXES.has(last) && tokens.length - i >= 2);
  return joined ? i - 2 : i;
}

/** Drops leading titles and demonyms: "Iraqi Prime Minister Mohammed Shia al-Sudani" → the name. */
function stripTitles(run: readonly string[]): { name: string[]; hadTitle: boolean } {
  let i = 0;
  while (i < run.length - 1) {
    const word = run[i] ?? "";
    const w = word.toLowerCase();
    // "-ian"/"-ese" words are demonyms only when a full name still follows ("Brian Smith" stays).
    const demonym = DEMONYMS.has(w) || (DEMONYM_SUFFIX.test(w) && run.length - i - 1 >= 2);
    if (TITLE_WORDS.has(w) || demonym || ACRONYM.test(word)) i++;
    else break;
  }
  const last = (run[run.length - 1] ?? "").toLowerCase();
  const hadTitle = i > 0 || (run.length === 1 && TITLE_WORDS.has(last));
  return { name: run.slice(i), hadTitle };
}

function headNoun(tokens: readonly string[]): string {
  let head = "";
  for (const w of tokens) {
    const lw = w.toLowerCase();
    if (PP_STARTERS.has(lw) && head !== "") break;
    head = lw.replace(POSSESSIVE, "");
  }
  return head;
}

function analysePart(part: string): MentionAnalysis {
  const tokens = words(part);
  const lower = tokens.join(" ").toLowerCase();
  if (tokens.length === 0) return { kind: null, name: part, named: false };
  if (tokens.length === 1 && PRONOUNS.has(lower)) return { kind: null, name: part, named: false };
  const bare = lower.replace(/^the /, "");
  if (MEDIA_NAMES.has(lower) || MEDIA_NAMES.has(bare)) {
    const name = tokens.filter((w, i) => i > 0 || w.toLowerCase() !== "the").join(" ");
    return { kind: "media_outlet", name, named: true };
  }
  const head = headNoun(tokens);
  // A capitalised run that ends the mention is its name, unless a preposition came first.
  const headIsLast =
    head === (tokens[tokens.length - 1] ?? "").toLowerCase().replace(POSSESSIVE, "");
  const run = headIsLast ? trailingNameRun(tokens) : [];
  // "Analysts said…": a common noun capitalised only because it opens the sentence.
  if (run.length === 1 && tokens.length === 1 && kindOfHead(head, lower) !== null) {
    return { kind: kindOfHead(head, lower), name: part, named: false };
  }
  // "the Bank", "The Company": a capitalised description of an organisation, not its name.
  const described =
    run.length === 1 &&
    DESCRIPTIVE_ORGANIZATION_HEADS.has((run[0] ?? "").toLowerCase()) &&
    tokens.length > 1;
  // "the dollar Analysts" (a lost full stop): a capitalised common noun of people is no name.
  const commonNoun =
    run.length === 1 &&
    (GENERIC_HEADS.has(head) || OFFICIAL_HEADS.has(head) || NON_OFFICIAL_HEADS.has(head)) &&
    !ORGANIZATION_WORDS.has(head);
  if (described || commonNoun || (run.length === 1 && PLURAL_ACRONYM.test(run[0] ?? ""))) {
    const kind = described || commonNoun ? kindOfHead(head, lower) : "unnamed_official";
    return { kind, name: part, named: false };
  }
  if (run.length > 0) {
    const runLower = run.map((w) => w.toLowerCase());
    const joined = run.join(" ");
    const lastLower = runLower[runLower.length - 1] ?? "";
    // "the Lindmark Courier", "state TV", "the Post": a paper's or channel's name.
    const mediaName = MEDIA_NAME_WORDS.has(lastLower) && (run.length > 1 || tokens.length > 1);
    if (MEDIA_NAMES.has(runLower.join(" ")) || mediaName)
      return { kind: "media_outlet", name: joined, named: true };
    if (
      runLower.some((w) => ORGANIZATION_WORDS.has(w) || NAME_CONJUNCTIONS.has(w)) ||
      (run.length === 1 && ACRONYM.test(joined))
    )
      return { kind: "named_organization", name: joined, named: true };
    const { name, hadTitle } = stripTitles(run);
    if (name.length >= 2 || (hadTitle && name.length === 1)) {
      return { kind: "named_person", name: name.join(" "), named: true };
    }
    // A single capitalised word is a place or body used for its government ("Tehran", "Iran").
    if (run.length === tokens.length || !OFFICIAL_HEADS.has(head)) {
      return { kind: "named_organization", name: joined, named: true };
    }
  }
  // "Iran’s foreign ministry", "the Pentagon’s press office": an organisation named through a
  // proper noun that modifies it is a registry source; "the company" is a description.
  if (ORGANIZATION_HEADS.has(head) && kindOfHead(head, lower) === "unnamed_official") {
    const proper = tokens.some((w, i) => isNameToken(w) && !(i === 0 && isOpener(w)));
    if (proper) return { kind: "named_organization", name: part, named: true };
  }
  return { kind: kindOfHead(head, lower), name: part, named: false };
}

/** A word capitalised only because it opens the mention: "The", "A", "Its". */
function isOpener(word: string): boolean {
  return DETERMINERS.has(word.toLowerCase()) || !CAPITALISED.test(word);
}

/** Kind from the head noun of an unnamed mention ("the senior Iraqi security source"). */
function kindOfHead(head: string, lower: string): TSourceKind | null {
  if (MEDIA_HEADS.has(head) || lower.endsWith("news agency")) return "media_outlet";
  if (STATEMENT_HEADS.has(head)) return "official_statement";
  if (GENERIC_HEADS.has(head) && !lower.includes("source")) return "generic";
  if (DOCUMENT_HEADS.has(head)) return "document";
  if (OFFICIAL_HEADS.has(head)) return "unnamed_official";
  if (NON_OFFICIAL_HEADS.has(head)) return "unnamed_non_official";
  // "the company", "the ministry": an organisation described, not named (the name, if any, is
  // elsewhere in the article); it speaks through unnamed officials.
  if (ORGANIZATION_HEADS.has(head)) return "unnamed_official";
  return null;
}

/**
 * Kind and registry name of a source mention. The registry name is:
 * - a person: the name without titles or descriptors ("Abdul Aziz al-Mohammedawi");
 * - a named organisation or outlet: its capitalised name without a leading "the" ("Pentagon",
 *   "Kataib Hezbollah" for "elite Iran-backed group Kataib Hezbollah");
 * - anything unnamed: the mention exactly as written ("the senior Iraqi security source"), since
 *   the registry tells unnamed sources apart by their description.
 * An appositive ("Ali Hassan, the spokesman"; "A patients’ group, Heartline") is read part by
 * part: the named part gives the name, and a descriptive organisation head ("a passenger group")
 * overrides a name that merely looks like a person's ("Riders United").
 */
export function analyseMention(mention: string): MentionAnalysis {
  const comma = mention.indexOf(", ");
  if (comma < 0) return analysePart(mention);
  const first = analysePart(mention.slice(0, comma));
  const second = analysePart(mention.slice(comma + 2));
  const named = first.named ? first : second.named ? second : null;
  if (!named) return first.kind ? first : second;
  const description = named === first ? second : first;
  if (
    named.kind === "named_person" &&
    !description.named &&
    ORGANIZATION_HEADS.has(headNoun(words(description.name)))
  )
    return { ...named, kind: "named_organization" };
  return named;
}

/** The heuristic kind of a source mention; null for a bare pronoun or an unknown head noun. */
export function guessSourceKind(mention: string): TSourceKind | null {
  return analyseMention(mention).kind;
}

/** Is the mention a lone personal pronoun ("he", "they")? */
export function isPronoun(mention: string): boolean {
  return PRONOUNS.has(mention.trim().toLowerCase());
}
