import { describe, expect, it } from "vitest";
import { CLAIM_RULES, MAX_SENTENCE_CHARS, quoteTypeOf } from "./suggest-claims";
import { claimsIn, claimWithCue } from "./test-support/expect-valid";

const origin = (rule: { name: string; version: number }) => `rule:${rule.name}@${rule.version}`;

describe("suggestClaims: S V (that) C", () => {
  it("takes the subject, the cue and the clause after it", () => {
    const { claims } = claimsIn("The ministry said that 12 people were killed.");
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      sourceMention: { exact: "The ministry" },
      cue: { exact: "said" },
      cueLemma: "say",
      content: { exact: "12 people were killed" },
      quoteType: "indirect",
      reportingStanceGuess: "neutral",
      origin: origin(CLAIM_RULES.sourceCueContent),
    });
  });

  it("skips auxiliaries, adverbs and time phrases between subject and cue", () => {
    // The cue keeps its auxiliaries and adverbs, as PARC and PolNeAR annotate it.
    const repeated = claimWithCue(
      claimsIn("Officials have repeatedly denied arming the militia.").claims,
      "have repeatedly denied",
    );
    expect(repeated.sourceMention?.exact).toBe("Officials");
    expect(repeated.content.exact).toBe("arming the militia");
    const dated = claimWithCue(
      claimsIn("Veloria on Tuesday accused Castrany of theft.").claims,
      "accused",
    );
    expect(dated.sourceMention?.exact).toBe("Veloria");
  });

  it("skips adverbials before “that” and keeps a quotation after a colon", () => {
    const { claims } = claimsIn("The minister said on Monday that talks would resume in March.");
    expect(claims[0]?.content.exact).toBe("talks would resume in March");
    const quoted = claimsIn("He said: “We will not back down.”").claims[0];
    expect(quoted).toMatchObject({
      content: { exact: "“We will not back down.”" },
      quoteType: "direct",
    });
  });

  it("stops the content before a second predicate or a participle", () => {
    const { claims } = claimsIn(
      "The chief vowed a response for the latest killing, but stopped short of announcing a return to violence.",
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]?.content.exact).toBe("a response for the latest killing");
  });

  it("suggests no claim for negated passive, unanswered-request or noun uses of cue words", () => {
    for (const sentence of [
      "It was not reported that the talks failed.",
      "The ministry did not respond to a request for comment.",
      "The claim that the dam leaks is false.",
      "The team found a wallet.",
    ]) {
      expect(claimsIn(sentence).claims, sentence).toEqual([]);
    }
  });

  it("needs a complement for ambiguous verbs, and gives factive ones a committed stance", () => {
    const claim = claimWithCue(claimsIn("The study found that prices rose.").claims, "found");
    expect(claim).toMatchObject({
      sourceKindGuess: "document",
      reportingStanceGuess: "committed",
      content: { exact: "prices rose" },
    });
  });

  it("marks distancing cues", () => {
    const claim = claimWithCue(
      claimsIn("Frost claims the council ignored a memo.").claims,
      "claims",
    );
    expect(claim.reportingStanceGuess).toBe("distancing");
  });
});

describe("suggestClaims: S told OUTLET (that) C", () => {
  it("skips the hearer", () => {
    const claim = claimsIn("Residents told the Lindmark Courier that wells had run dry.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Residents" },
      cue: { exact: "told" },
      content: { exact: "wells had run dry" },
      origin: origin(CLAIM_RULES.sourceToldOutlet),
    });
  });

  it("leaves an unknown object to the content", () => {
    const claim = claimsIn("U.S. officials told reporters the deal was off.").claims[0];
    expect(claim?.content.exact).toBe("the deal was off");
  });

  it("reads `C, S told OUTLET` with the content before", () => {
    const claim = claimsIn("The talks collapsed after midnight, two diplomats told Reuters.")
      .claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "two diplomats" },
      content: { exact: "The talks collapsed after midnight" },
      origin: origin(CLAIM_RULES.sourceToldOutlet),
    });
  });
});

describe('suggestClaims: C, S V / "Q," S V', () => {
  it("takes a direct quotation before the source, quotes and comma included", () => {
    const claim = claimsIn("“We will respond at a time of our choosing,” the commander said.")
      .claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "the commander" },
      content: { exact: "“We will respond at a time of our choosing,”" },
      quoteType: "direct",
      origin: origin(CLAIM_RULES.contentSourceCue),
    });
  });

  it("takes indirect content before the comma, without it", () => {
    const claim = claimsIn("The bridge will reopen next week, city officials said.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "city officials" },
      content: { exact: "The bridge will reopen next week" },
      quoteType: "indirect",
    });
  });

  it("extends a quotation back over earlier sentences of the paragraph", () => {
    const { claims } = claimsIn("“We are ready. The enemy knows it,” the general said.");
    expect(claims[0]?.content.exact).toBe("“We are ready. The enemy knows it,”");
  });

  it("keeps a quoted question with its lower-case attribution", () => {
    const claim = claimsIn('"Why now?" he asked.').claims[0];
    expect(claim).toMatchObject({
      content: { exact: '"Why now?"' },
      cueLemma: "ask",
      quoteType: "direct",
    });
  });
});

describe('suggestClaims: "Q," V S (inverted)', () => {
  it("takes the source after the cue", () => {
    const claim = claimsIn("“Nobody saw this coming,” said the minister.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "the minister" },
      content: { exact: "“Nobody saw this coming,”" },
      origin: origin(CLAIM_RULES.contentCueSource),
    });
  });

  it("includes a closing appositive in the mention and names the person", () => {
    const claim = claimsIn("Prices will keep rising, warned Ada Lorne, an economist at Varn Bank.")
      .claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Ada Lorne, an economist at Varn Bank" },
      sourceName: "Ada Lorne",
      sourceKindGuess: "named_person",
      content: { exact: "Prices will keep rising" },
    });
  });
});

describe("suggestClaims: according to", () => {
  it("reads `According to S, C`", () => {
    const claim = claimsIn("According to the report, the river fell by a third.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "the report" },
      cue: { exact: "According to" },
      cueLemma: "according to",
      sourceKindGuess: "document",
      content: { exact: "the river fell by a third" },
      origin: origin(CLAIM_RULES.accordingToLead),
    });
  });

  it("reads `C, according to S` and a mid-sentence `C, according to S, C2`", () => {
    const tail = claimsIn("The river fell by a third, according to the report.").claims[0];
    expect(tail).toMatchObject({
      sourceMention: { exact: "the report" },
      content: { exact: "The river fell by a third" },
      origin: origin(CLAIM_RULES.accordingToTail),
    });
    const mid = claimsIn(
      "The attack killed 12 people, according to local officials, including three children.",
    ).claims[0];
    expect(mid).toMatchObject({
      sourceMention: { exact: "local officials" },
      content: { exact: "The attack killed 12 people" },
    });
  });
});

describe("suggestClaims: parenthetical `, he said,`", () => {
  it("takes the clause before the parenthetical and resolves the pronoun", () => {
    const { claims } = claimsIn(
      "Mayor Lena Ortiz said the budget was balanced. The deficit is gone for good, she said, at least for now.",
    );
    const claim = claims[1];
    expect(claim).toMatchObject({
      sourceMention: { exact: "she" },
      sourceName: "Lena Ortiz",
      sourceKindGuess: "named_person",
      content: { exact: "The deficit is gone for good" },
      origin: origin(CLAIM_RULES.parenthetical),
    });
  });

  it("falls back to the whole sentence, with a lower score, when the head is not a clause", () => {
    const claim = claimsIn("Iran, he said, has no control over them.").claims[0];
    expect(claim?.content.exact).toBe("Iran, he said, has no control over them");
    expect(claim?.score).toBeLessThan(0.5);
  });
});

describe("suggestClaims: second cues of the same source", () => {
  it("reads `, adding that C` and `and added that C`", () => {
    const first = claimsIn(
      "Police said two men were arrested, adding that more arrests were expected.",
    );
    expect(
      first.claims.map((c) => [c.sourceMention?.exact, c.cue?.exact, c.content.exact]),
    ).toEqual([
      ["Police", "said", "two men were arrested"],
      ["Police", "adding", "more arrests were expected"],
    ]);
    expect(first.claims[1]?.origin).toBe(origin(CLAIM_RULES.participle));
    const second = claimsIn("The company said it was cooperating and added that no one was hurt.");
    expect(second.claims.map((c) => c.content.exact)).toEqual([
      "it was cooperating",
      "no one was hurt",
    ]);
  });

  it("ends a content before a later attribution of another source", () => {
    const { claims } = claimsIn(
      "Officials said the plant was shut, “and it will stay shut,” he said.",
    );
    expect(claims[0]?.content.exact).toBe("the plant was shut, “and it will stay shut,”");
  });

  it("ends the first content where a new attribution starts", () => {
    const { claims } = claimsIn(
      "Lena Ortiz said the budget was balanced, and Tom Reyes said it was not.",
    );
    expect(claims.map((c) => [c.sourceName, c.content.exact])).toEqual([
      ["Lena Ortiz", "the budget was balanced"],
      ["Tom Reyes", "it was not"],
    ]);
  });
});

describe("suggestClaims: subjects with appositives", () => {
  it("skips a relative clause between subject and cue", () => {
    const { claims } = claimsIn("Iran, which denies any role, said the strike was a provocation.");
    expect(claimWithCue(claims, "said")).toMatchObject({
      sourceMention: { exact: "Iran" },
      content: { exact: "the strike was a provocation" },
    });
    // Fourth pass: the non-restrictive relative is a claim of its own, ending at its comma.
    expect(claimWithCue(claims, "denies")).toMatchObject({
      sourceMention: { exact: "which" },
      content: { exact: "any role" },
    });
  });

  it("keeps an appositive name in the mention", () => {
    const claim = claimsIn("The spokesman, Ali Hassan, said the border would stay closed.")
      .claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "The spokesman, Ali Hassan" },
      sourceName: "Ali Hassan",
      sourceKindGuess: "named_person",
    });
  });
});

describe("suggestClaims: nesting and source resolution", () => {
  it("nests a claim inside the content of another", () => {
    const { claims } = claimsIn("Reuters reported that officials said the plant was shut.");
    expect(claims.map((c) => [c.cue?.exact, c.parentIndex])).toEqual([
      ["reported", null],
      ["said", 0],
    ]);
  });

  it("links “the minister” to the named minister, and a bare surname to the full name", () => {
    const { claims } = claimsIn(
      "Foreign Minister Ana Bex said the border was open. The minister said trade would resume. Bex warned that tariffs would rise.",
    );
    expect(claims.map((c) => c.sourceName)).toEqual(["Ana Bex", "Ana Bex", "Ana Bex"]);
  });

  it("leaves a pronoun unresolved, with a lower score, when two people are candidates", () => {
    const { claims } = claimsIn(
      "Lena Ortiz said the budget was balanced, and Tom Reyes said it was not. It will pass, he said.",
    );
    const he = claimWithCue(claims.slice(2), "said");
    expect(he.sourceName).toBeNull(); // no registry source named "he"
    expect(he.sourceMention?.exact).toBe("he");
    expect(he.sourceKindGuess).toBeNull();
    expect(he.score).toBeLessThan(claims[0]?.score ?? 0);
  });

  it("does not reach back past two sentences", () => {
    const { claims } = claimsIn(
      "Lena Ortiz said the budget was balanced. Rain fell. Wind blew. Snow came. It is fine, she said.",
    );
    expect(claims[1]?.sourceName).toBeNull();
    expect(claims[1]?.sourceMention?.exact).toBe("she");
  });
});

describe("quoteTypeOf", () => {
  it("tells direct, mixed and indirect apart", () => {
    expect(quoteTypeOf("“We will win,”")).toBe("direct");
    expect(quoteTypeOf('"We will win."')).toBe("direct");
    expect(quoteTypeOf("Iran controls its “proxies” in the region")).toBe("mixed");
    expect(quoteTypeOf("Iran’s allies decide on their own")).toBe("indirect");
  });
});

describe("suggestClaims: scale", () => {
  it("skips run-on 'sentences' longer than MAX_SENTENCE_CHARS and stays fast on long texts", () => {
    const unit =
      "Officials said the plant was shut, “and it will stay shut,” he said, adding that Iran denied it ";
    const runOn = unit.repeat(Math.ceil(MAX_SENTENCE_CHARS / unit.length) + 1);
    expect(claimsIn(runOn).claims).toEqual([]);
    const long = `${unit.trim()}.\n`.repeat(3000);
    const started = performance.now();
    const { claims } = claimsIn(long);
    expect(claims.length).toBe(4 * 3000);
    // Generous bound: quadratic behaviour would take tens of seconds here.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
