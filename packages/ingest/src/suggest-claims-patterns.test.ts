/** Patterns added while measuring against PolNeAR (train compartment); hand-written sentences. */
import { describe, expect, it } from "vitest";
import { CLAIM_RULES } from "./suggest-claims";
import { claimsIn, claimWithCue } from "./test-support/expect-valid";

const origin = (rule: { name: string; version: number }) => `rule:${rule.name}@${rule.version}`;
const triple = (raw: string) =>
  claimsIn(raw).claims.map((c) => [c.sourceMention?.exact ?? null, c.cue?.exact, c.content.exact]);

describe("suggestClaims: cue lexicon", () => {
  it("reads noun-like forms as nouns unless a name or pronoun precedes them", () => {
    expect(claimsIn("Which swing state is Ms. Varga going to win?").claims).toEqual([]);
    expect(claimsIn("A new fundraising report shows gains.").claims).toEqual([]);
  });

  it("takes beliefs with a that-clause", () => {
    expect(triple("Some veteran strategists think that the race will tighten.")).toEqual([
      ["Some veteran strategists", "think", "the race will tighten"],
    ]);
  });

  it("takes “called X Y” but not “what it calls X”", () => {
    expect(triple("Mayor Dunn called the budget a disaster.")).toEqual([
      ["Mayor Dunn", "called", "the budget a disaster"],
    ]);
    expect(claimsIn("The ministry rejected what it calls foreign pressure.").claims).toEqual([]);
  });

  it("keeps an indirect question after “asked”", () => {
    expect(triple("Reporters asked whether the bridge would reopen.")).toEqual([
      ["Reporters", "asked", "whether the bridge would reopen"],
    ]);
  });

  it("blocks negated contractions without taking them as the source", () => {
    expect(claimsIn("Officials don’t think that the dam will hold.").claims).toEqual([]);
  });
});

describe("suggestClaims: sources", () => {
  it("keeps an appositive with a relative clause, drops a participle aside", () => {
    expect(
      claimWithCue(
        claimsIn(
          "Pete Sorel, a consultant whose firm was hired by the council, said the bid failed.",
        ).claims,
        "said",
      ).sourceMention?.exact,
    ).toBe("Pete Sorel, a consultant whose firm was hired by the council");
    expect(
      claimWithCue(
        claimsIn("Fiorella, speaking to farmers, said the levy would go.").claims,
        "said",
      ).sourceMention?.exact,
    ).toBe("Fiorella");
  });

  it("keeps a whole appositive after an inverted cue", () => {
    const claim = claimWithCue(
      claimsIn("“It is a costly model,” said Wim Dorne, a professor at Tarnby University.").claims,
      "said",
    );
    expect(claim.sourceMention?.exact).toBe("Wim Dorne, a professor at Tarnby University");
    expect(claim.content.exact).toBe("“It is a costly model,”");
  });

  it("does not take an adverbial after the cue for the source", () => {
    expect(
      triple("“We will appeal,” Mara Lind, a company spokeswoman, said in a statement."),
    ).toEqual([["Mara Lind, a company spokeswoman", "said", "“We will appeal,”"]]);
  });

  it("keeps a percentage in the source", () => {
    expect(
      claimWithCue(claimsIn("Some 22 percent of voters said they were undecided.").claims, "said")
        .sourceMention?.exact,
    ).toBe("Some 22 percent of voters");
  });

  it("takes a relative “who” as the source of `who V C`", () => {
    const claim = claimWithCue(
      claimsIn("The tally favoured Reyes over Lind, who said the count was flawed.").claims,
      "said",
    );
    expect(claim.sourceMention?.exact).toBe("who");
    expect(claim.content.exact).toBe("the count was flawed");
  });

  it("gives a participle cue the main clause's subject", () => {
    expect(triple("Mrs. Marlow withdrew her pledge, saying the mayor had failed.")).toEqual([
      ["Mrs. Marlow", "saying", "the mayor had failed"],
    ]);
  });

  it("finds the source after “according to” even when it looks like a cue or a date", () => {
    expect(triple("The senator met the envoy alone, according to a pool report.")).toEqual([
      ["a pool report", "according to", "The senator met the envoy alone"],
    ]);
    expect(
      triple("Dunn leads with 22 percent, according to a Tarnby poll released Sunday."),
    ).toEqual([["a Tarnby poll released Sunday", "according to", "Dunn leads with 22 percent"]]);
    expect(triple("According to the agency: “The vote is final.”")).toEqual([
      ["the agency", "According to", "“The vote is final.”"],
    ]);
  });

  it("takes a speaker before a colon in headlines and transcripts", () => {
    const claim = claimsIn("Warren: Dunn Is a Failure in Business").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Warren" },
      cue: { exact: ":" },
      content: { exact: "Dunn Is a Failure in Business" },
      origin: origin(CLAIM_RULES.speakerColon),
    });
    expect(claimsIn("Related: Dunn Is a Failure in Business").claims).toEqual([]);
  });
});

describe("suggestClaims: contents", () => {
  it("takes the quotation, not an adverbial, after `“Q,” S V`", () => {
    expect(
      triple("“There is energy,” Clinton said in Lasby at a forum hosted by the group."),
    ).toEqual([["Clinton", "said", "“There is energy,”"]]);
  });

  it("treats a bare time word after the cue as an adverbial", () => {
    expect(triple("The deal is dead, officials said Tuesday.")).toEqual([
      ["officials", "said", "The deal is dead"],
    ]);
  });

  it("does not attribute the words before a cue that has its own object", () => {
    expect(claimsIn("After the vote, the senator added a clause.").claims).toEqual([]);
  });

  it("skips an unknown hearer before “that”", () => {
    expect(triple("Dunn told backers Saturday night that the race was close.")).toEqual([
      ["Dunn", "told", "the race was close"],
    ]);
  });

  it("ends the content before a non-restrictive “who” clause", () => {
    expect(triple("He said he backed Ryan, who faces a primary.")).toEqual([
      ["He", "said", "he backed Ryan"],
    ]);
  });

  it("takes the quotation of the previous sentence for a bare `S V.`", () => {
    const claim = claimsIn("“We need help. What can I do?” Weaver said.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Weaver" },
      content: { exact: "“We need help. What can I do?”" },
      quoteType: "direct",
      origin: origin(CLAIM_RULES.precedingQuote),
    });
  });
});
