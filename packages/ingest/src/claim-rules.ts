/** The claim rules: each suggestion records its rule name and version and starts from its base score. */
import type { ClaimRule } from "./claim-draft";

export const CLAIM_RULES = {
  sourceCueContent: {
    name: "source-cue-content",
    version: 1,
    baseScore: 0.8,
    description: '`S V (that) C`: "Tehran says it has funded … allies".',
  },
  sourceToldOutlet: {
    name: "source-told-outlet",
    version: 1,
    baseScore: 0.8,
    description: '`S told OUTLET (that) C` and `C, S told OUTLET`: "sources told Reuters".',
  },
  contentSourceCue: {
    name: "content-source-cue",
    version: 1,
    baseScore: 0.85,
    description: '`C, S V.` / `"Q," S V.`: "…safety,” the senior Iraqi security source said."',
  },
  contentCueSource: {
    name: "content-cue-source",
    version: 1,
    baseScore: 0.8,
    description: '`"Q," V S.`: "…, said the minister."',
  },
  accordingToLead: {
    name: "according-to-lead",
    version: 1,
    baseScore: 0.85,
    description: "`According to S, C`.",
  },
  accordingToTail: {
    name: "according-to-tail",
    version: 1,
    baseScore: 0.85,
    description: "`C, according to S` (and `C, according to S, C2`).",
  },
  parenthetical: {
    name: "parenthetical-cue",
    version: 1,
    baseScore: 0.7,
    description: '`C, S V, C2`: "The response would be based on consensus, he said, including…".',
  },
  precedingQuote: {
    name: "preceding-quote",
    version: 1,
    baseScore: 0.7,
    description: "`“Q.” S V.`: a bare attribution sentence after a quotation in its paragraph.",
  },
  speakerColon: {
    name: "speaker-colon",
    version: 1,
    baseScore: 0.6,
    description:
      '`S: C` opening a sentence: headlines and transcripts ("Warren: Trump Is a Failure").',
  },
  headlineCue: {
    name: "headline-cue",
    version: 1,
    baseScore: 0.7,
    description: '`S V C` in a title-case headline: "Clinton Says Russians Hacked DNC".',
  },
  asSourceCue: {
    name: "as-source-cue",
    version: 1,
    baseScore: 0.75,
    description: '`As S V, C`: "As the senator noted, the bill has stalled".',
  },
  raising: {
    name: "raising-cue",
    version: 1,
    baseScore: 0.55,
    description:
      '`X seems / appears / is expected to V`: no source; the content is X … V ("The deal appears to be dead").',
  },
  askedQuestion: {
    name: "asked-question",
    version: 1,
    baseScore: 0.6,
    description:
      "`Asked whether Q, S V …` / `… when asked about Q`: the question put to the speaker.",
  },
  reportedly: {
    name: "reportedly",
    version: 1,
    baseScore: 0.5,
    description: '"X has reportedly done Y": hearsay the article does not attribute to anyone.',
  },
  passive: {
    name: "passive-by-agent",
    version: 1,
    baseScore: 0.5,
    description:
      '`C was V-ed by S` / `As V-ed by S, C`: "The allegations were highlighted by his rivals".',
  },
  passiveNoAgent: {
    name: "passive-no-agent",
    version: 1,
    baseScore: 0.45,
    description:
      '`C was V-ed` without a "by" agent: no source ("Sanders has been criticized for …").',
  },
  infinitive: {
    name: "infinitive-cue",
    version: 1,
    baseScore: 0.5,
    description: '`S V … to CUE C`: "The NRA used the comments to urge people to vote for him".',
  },
  knownAs: {
    name: "known-as",
    version: 1,
    baseScore: 0.5,
    description: "`X, (also) known as Y` / `X is best known for Y`: no source; Y is the content.",
  },
  possessedNoun: {
    name: "possessed-noun-cue",
    version: 1,
    baseScore: 0.5,
    description:
      '`POSSESSOR NOUN that|to|of C`: "Trump’s promise to build a wall", "his claim that …".',
  },
  inPoll: {
    name: "in-poll",
    version: 1,
    baseScore: 0.6,
    description:
      '`In POLL, C` / `C in POLL`: "In a CBS News poll released Monday, she led by 24 points".',
  },
  seesAs: {
    name: "sees-as",
    version: 1,
    baseScore: 0.55,
    description:
      '`S sees|views X as Y`: a perception as a stance ("Voters see him as a liability").',
  },
  colonParagraph: {
    name: "colon-paragraph",
    version: 1,
    baseScore: 0.6,
    description:
      '`S V:` ending a paragraph, the next paragraph as content: "Breitbart News responded: ⏎ “…”".',
  },
  leadingParticiple: {
    name: "leading-participle",
    version: 1,
    baseScore: 0.55,
    description:
      '`(After) V-ing C, S …`: "After thanking the crowd, he touted …"; the main subject speaks.',
  },
  nounThat: {
    name: "noun-that",
    version: 1,
    baseScore: 0.5,
    description: '`NOUN that C` without a speaker: "amid allegations that he assaulted her".',
  },
  withParticiple: {
    name: "with-participle",
    version: 1,
    baseScore: 0.6,
    description:
      '`with S V-ing C`: the noun phrase after "with" speaks ("…, with Trump calling for a ban").',
  },
  participle: {
    name: "participle-cue",
    version: 1,
    baseScore: 0.65,
    description: "A second cue of the same source: `…, saying C` / `… and added that C`.",
  },
  labelledQuote: {
    name: "labelled-quote-colon",
    version: 1,
    baseScore: 0.6,
    description:
      "`HEADING - S: “Q”`, `More from S: “Q”`, `Here’s S: “Q”`: a quotation labelled with its author.",
  },
  quoteThenCue: {
    name: "quote-then-cue",
    version: 1,
    baseScore: 0.65,
    description:
      '`“Q?” S V, …` / `“Q!” V S, …`: a quotation ended by "?" or "!", then its attribution.',
  },
  reducedPassive: {
    name: "reduced-passive",
    version: 1,
    baseScore: 0.55,
    description: '`NP(,) V-ed by S`: "The immigration bill, opposed by House Republicans, …".',
  },
  relativeObject: {
    name: "relative-object",
    version: 1,
    baseScore: 0.55,
    description:
      '`…, which S V` / `whom S V as X`: the relative pronoun is the content ("which he has denied").',
  },
} as const satisfies Record<string, ClaimRule>;
