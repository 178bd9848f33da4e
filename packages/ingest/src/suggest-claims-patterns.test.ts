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
    // "report" is the noun heading the subject of "shows", never a cue of its own.
    expect(triple("A new fundraising report shows gains.")).toEqual([
      ["A new fundraising report", "shows", "gains"],
    ]);
  });

  it("takes beliefs with a that-clause", () => {
    expect(triple("Some veteran strategists think that the race will tighten.")).toEqual([
      ["Some veteran strategists", "think", "the race will tighten"],
    ]);
  });

  it("takes “called X Y” and “what it calls X”", () => {
    expect(triple("Mayor Dunn called the budget a disaster.")).toEqual([
      ["Mayor Dunn", "called", "the budget a disaster"],
    ]);
    expect(triple("The ministry rejected what it calls foreign pressure.")).toEqual([
      ["it", "calls", "foreign pressure"],
    ]);
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
    ).toEqual([["Mara Lind, a company spokeswoman", "said in a statement", "“We will appeal,”"]]);
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

  it("treats a bare time word after the cue as an adverbial, part of the cue (PolNeAR)", () => {
    expect(triple("The deal is dead, officials said Tuesday.")).toEqual([
      ["officials", "said Tuesday", "The deal is dead"],
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

describe("suggestClaims: more sources (PolNeAR, second pass)", () => {
  it("keeps a party label in the source and leaves it out of the name", () => {
    const claim = claimsIn("Sen. Tom Varga (R-Ohio) said the levy was a mistake.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Sen. Tom Varga (R-Ohio)" },
      sourceName: "Tom Varga",
      content: { exact: "the levy was a mistake" },
    });
  });

  it("takes quantifiers and poll shares as speakers", () => {
    expect(triple("Several said they would stay home.")).toEqual([
      ["Several", "said", "they would stay home"],
    ]);
    expect(triple("About three in 10 said they were undecided.")).toEqual([
      ["About three in 10", "said", "they were undecided"],
    ]);
    expect(triple("Two in three said the roads had worsened.")).toEqual([
      ["Two in three", "said", "the roads had worsened"],
    ]);
  });

  it("keeps an aside between dashes and an age in the source", () => {
    expect(
      claimWithCue(
        claimsIn("Reyes — a former mayor of Tarnby — told the council that the bridge was safe.")
          .claims,
        "told",
      ).sourceMention?.exact,
    ).toBe("Reyes — a former mayor of Tarnby");
    expect(triple("Carla Weiss, 55, said she would vote.")).toEqual([
      ["Carla Weiss, 55", "said", "she would vote"],
    ]);
  });

  it("takes a restrictive “that” as the source and reads “is now saying” as active", () => {
    expect(triple("The banner was replaced by a message that said the shop was closed.")).toEqual([
      ["that", "said", "the shop was closed"],
    ]);
    expect(triple("Lind is now saying that the levy was a mistake.")).toEqual([
      ["Lind", "is now saying", "the levy was a mistake"],
    ]);
  });

  it("skips a time phrase opened by its own adverb", () => {
    expect(triple("Gowdy earlier Thursday said the panel had met.")).toEqual([
      ["Gowdy", "said", "the panel had met"],
    ]);
  });

  it("gives “by saying” the main clause's subject", () => {
    expect(triple("Dunn won the seat by saying that the levy would go.")).toEqual([
      ["Dunn", "saying", "the levy would go"],
    ]);
  });

  it("leaves the source open for an -ing cue right after a noun", () => {
    const claim = claimsIn("The mayor gave a speech attacking the council.").claims[0];
    expect(claim).toMatchObject({ sourceMention: null, cue: { exact: "attacking" } });
    expect(claim?.content.exact).toBe("the council");
  });
});

describe("suggestClaims: cue spans (PolNeAR conventions)", () => {
  it("takes auxiliaries, adverbs, a colon and the channel into the cue", () => {
    expect(triple("Officials have also said the bridge is safe.")).toEqual([
      ["Officials", "have also said", "the bridge is safe"],
    ]);
    expect(triple("The union said in a statement that the strike would go on.")).toEqual([
      ["The union", "said in a statement", "the strike would go on"],
    ]);
    expect(triple("Dunn added: “We will not back down.”")).toEqual([
      ["Dunn", "added:", "“We will not back down.”"],
    ]);
  });

  it("takes particles and object prepositions into the cue", () => {
    expect(triple("Reyes pointed out that the bridge was closed.")).toEqual([
      ["Reyes", "pointed out", "the bridge was closed"],
    ]);
    expect(triple("The council called for a new vote.")).toEqual([
      ["The council", "called for", "a new vote"],
    ]);
    expect(triple("Dunn talked about the bridge.")).toEqual([
      ["Dunn", "talked about", "the bridge"],
    ]);
    expect(triple("Reyes expressed confidence that the bill would pass.")).toEqual([
      ["Reyes", "expressed confidence", "the bill would pass"],
    ]);
  });

  it("reads multi-word cues", () => {
    expect(triple("The mayor made it clear that he would not resign.")).toEqual([
      ["The mayor", "made it clear", "he would not resign"],
    ]);
    expect(triple("Dunn went on to say that the levy would stay.")).toEqual([
      ["Dunn", "went on to say", "the levy would stay"],
    ]);
  });
});

describe("suggestClaims: more cue classes (PolNeAR, second pass)", () => {
  it("takes refusals with their infinitive and evaluation verbs with their object", () => {
    expect(triple("Dunn declined to comment.")).toEqual([["Dunn", "declined", "to comment"]]);
    expect(triple("Reyes mocked the proposal.")).toEqual([["Reyes", "mocked", "the proposal"]]);
  });

  it("keeps a reported condition after a speech verb", () => {
    expect(triple("Dunn says if elected he will cut the levy.")).toEqual([
      ["Dunn", "says", "if elected he will cut the levy"],
    ]);
  });

  it("takes a capitalised cue in a title-case headline only", () => {
    const claim = claimsIn("Mayor Dunn Says the Budget Is a Disaster").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Mayor Dunn" },
      cue: { exact: "Says" },
      content: { exact: "the Budget Is a Disaster" },
      origin: origin(CLAIM_RULES.headlineCue),
    });
    expect(claimsIn("The Urges of a Young Town were strong and lasting.").claims).toEqual([]);
  });

  it("takes `As S V, C` and `As S put it, C`", () => {
    expect(
      claimsIn("As the mayor noted, the bridge has been closed for a year.").claims[0],
    ).toMatchObject({
      sourceMention: { exact: "the mayor" },
      cue: { exact: "noted" },
      content: { exact: "the bridge has been closed for a year" },
      origin: origin(CLAIM_RULES.asSourceCue),
    });
    expect(triple("As Reyes put it, the bridge is a symbol.")).toEqual([
      ["Reyes", "put it", "the bridge is a symbol"],
    ]);
    expect(claimsIn("She put it on the table.").claims).toEqual([]);
  });

  it("takes `X seems / is expected to V` without a source", () => {
    expect(claimsIn("The deal appears to be dead.").claims[0]).toMatchObject({
      sourceMention: null,
      cue: { exact: "appears" },
      content: { exact: "The deal appears to be dead" },
      origin: origin(CLAIM_RULES.raising),
    });
    expect(claimsIn("The vote is widely expected to be close.").claims[0]).toMatchObject({
      cue: { exact: "is widely expected" },
      cueLemma: "expect",
    });
  });

  it("takes the question in `Asked whether Q, S V` and `… when asked about Q`", () => {
    expect(
      claimsIn("Asked on Monday whether the bridge would reopen, the mayor shrugged.").claims[0],
    ).toMatchObject({
      sourceMention: null,
      cue: { exact: "Asked" },
      content: { exact: "whether the bridge would reopen" },
      origin: origin(CLAIM_RULES.askedQuestion),
    });
    expect(
      claimWithCue(claimsIn("“I hope not,” Dunn said when asked about the levy.").claims, "asked")
        .content.exact,
    ).toBe("about the levy");
  });

  it("takes “reportedly” and a passive “was asked about” without a source", () => {
    expect(
      claimsIn("Both Acme and Tarnby Mills have reportedly looked at the site and passed.")
        .claims[0],
    ).toMatchObject({
      sourceMention: null,
      cue: { exact: "reportedly" },
      content: {
        exact: "Both Acme and Tarnby Mills have reportedly looked at the site and passed",
      },
      origin: origin(CLAIM_RULES.reportedly),
    });
    expect(triple("Dunn was asked about the levy at a forum.")).toEqual([
      [null, "asked", "about the levy at a forum"],
    ]);
  });

  it("does not take phrasal verbs or a noun form before its clause's verb", () => {
    expect(claimsIn("Reyes showed up at the hearing.").claims).toEqual([]);
    expect(claimsIn("How the attack should be described is unclear.").claims).toEqual([]);
  });

  it("does not take naming, compounds or cues inside quotations", () => {
    expect(claimsIn("She founded a group called Citizens for Tarnby.").claims).toEqual([]);
    expect(claimsIn("Reyes works at a liberal think tank.").claims).toEqual([]);
    expect(triple("“I think we will win,” Dunn said.")).toEqual([
      ["Dunn", "said", "“I think we will win,”"],
    ]);
  });
});

describe("suggestClaims: content boundaries (PolNeAR, second pass)", () => {
  it("runs a quotation on to its closing mark across sentences", () => {
    expect(triple("Dunn said: “We will win. The time is ours.”")).toEqual([
      ["Dunn", "said:", "“We will win. The time is ours.”"],
    ]);
  });

  it("starts `“Q,” S V` at a quotation introduced by a colon, and after a dateline", () => {
    expect(triple("But he added a caveat: “The count is not final,” the clerk said.")).toEqual([
      ["the clerk", "said", "“The count is not final,”"],
    ]);
    expect(triple("WASHINGTON - The bridge will reopen in May, officials said.")).toEqual([
      ["officials", "said", "The bridge will reopen in May"],
    ]);
  });

  it("skips a bare time phrase after the cue", () => {
    expect(
      claimWithCue(
        claimsIn("Dunn said Wednesday he agrees with the ruling.").claims,
        "said Wednesday",
      ).content.exact,
    ).toBe("he agrees with the ruling");
  });
});

describe("suggestClaims: PolNeAR, third pass", () => {
  it("takes negated speech, but not negated beliefs or unanswered requests", () => {
    expect(triple("Mayor Dunn did not mention the budget cuts.")).toEqual([
      ["Mayor Dunn", "did not mention", "the budget cuts"],
    ]);
    expect(claimsIn("Mayor Dunn did not respond to requests for comment.").claims).toEqual([]);
    expect(claimsIn("Officials don’t think that the dam will hold.").claims).toEqual([]);
  });

  it("reads “calls” as a verb after a name, and stances and wishes as cues", () => {
    expect(triple("Senator Reyes calls the plan a disaster.")).toEqual([
      ["Senator Reyes", "calls", "the plan a disaster"],
    ]);
    expect(claimsIn("The phone calls stopped in May.").claims).toEqual([]);
    expect(triple("Dunn wants a recount in every county.")).toEqual([
      ["Dunn", "wants", "a recount in every county"],
    ]);
    expect(triple("Ms. Varga quipped that the bridge was older than the city.")).toEqual([
      ["Ms. Varga", "quipped", "the bridge was older than the city"],
    ]);
  });

  it("lets a poll or study report its finding without “that”", () => {
    expect(triple("A Quinnipiac poll found Mr. Dunn about even with Ms. Reyes.")).toEqual([
      ["A Quinnipiac poll", "found", "Mr. Dunn about even with Ms. Reyes"],
    ]);
    expect(claimsIn("The team found a wallet.").claims).toEqual([]);
  });

  it("keeps a participle and time phrase after the subject in the source", () => {
    expect(
      triple("A court filing published Wednesday said the mayor used a private account."),
    ).toEqual([["A court filing published Wednesday", "said", "the mayor used a private account"]]);
    expect(triple("Exit polls taken in South Carolina found that turnout rose.")).toEqual([
      ["Exit polls taken in South Carolina", "found", "turnout rose"],
    ]);
  });

  it("takes a coordinated cue with auxiliaries and the main clause's subject", () => {
    expect(triple("Dunn praised the plan and has pledged to fund it.")).toEqual([
      ["Dunn", "praised", "the plan"],
      ["Dunn", "has pledged", "to fund it"],
    ]);
  });

  it("takes a named poll at the end of the sentence as the source", () => {
    expect(
      triple("Reyes fell to 10 percent in the latest CNN/ORC poll released Wednesday."),
    ).toEqual([["the latest CNN/ORC poll released Wednesday", "in", "Reyes fell to 10 percent"]]);
    expect(claimsIn("Reyes has trailed Dunn in the polls for months.").claims).toEqual([]);
  });

  it("takes a seeming without an infinitive, and “it appears that C”", () => {
    expect(triple("Dunn’s supporters seemed equally unperturbed.")).toEqual([
      [null, "seemed", "Dunn’s supporters seemed equally unperturbed"],
    ]);
    expect(triple("It appears that the deal is dead.")).toEqual([
      [null, "appears", "the deal is dead"],
    ]);
    expect(claimsIn("The mayor appeared in court on Monday.").claims).toEqual([]);
  });

  it("keeps a wh-question after “asked” and its hearer", () => {
    expect(triple("A student asked Dunn what he thought of the race.")).toEqual([
      ["A student", "asked", "what he thought of the race"],
    ]);
  });

  it("takes “As reported by S, C” and a study with its author as the finder", () => {
    expect(triple("As reported by the Lindmark Courier, the city raised its wage.")).toEqual([
      ["the Lindmark Courier", "As reported", "the city raised its wage"],
    ]);
    expect(
      triple("A study by the watchdog group Media Matters found Dunn got more airtime."),
    ).toEqual([["A study by the watchdog group Media Matters", "found", "Dunn got more airtime"]]);
  });

  it("drops headline labels before a colon", () => {
    expect(claimsIn("FIX IS IN: Moderators Ignore the Bridge Scandal").claims).toEqual([]);
    expect(claimsIn("Editor’s Note: The following is an excerpt from a new book.").claims).toEqual(
      [],
    );
  });

  it("takes a possessed communication noun as the cue", () => {
    expect(triple("Reyes renewed her criticism of the budget.")).toEqual([
      ["her", "criticism of", "the budget"],
    ]);
    const promise = claimWithCue(
      claimsIn("Dunn’s promise to rebuild the bridge won.").claims,
      "promise",
    );
    expect(promise.origin).toBe(origin(CLAIM_RULES.possessedNoun));
    expect(promise.sourceMention?.exact).toBe("Dunn’s");
    // Nouns that PolNeAR rarely marks ("decision", "support") stay out.
    expect(claimsIn("Reyes regretted her decision to run.").claims).toEqual([]);
  });

  it("takes a leading poll as the source of the sentence", () => {
    const claim = claimWithCue(
      claimsIn("In a CBS News poll released Monday, Reyes led Dunn by 12 points.").claims,
      "In",
    );
    expect(claim).toMatchObject({
      origin: origin(CLAIM_RULES.inPoll),
      sourceMention: { exact: "a CBS News poll released Monday" },
      content: { exact: "Reyes led Dunn by 12 points" },
    });
    expect(claimsIn("In a speech on Monday, the bridge was not mentioned.").claims).toEqual([]);
  });

  it("ends a content before a “, which” aside", () => {
    expect(triple("Dunn said the plan would cut costs, which critics dispute.")).toEqual([
      ["Dunn", "said", "the plan would cut costs"],
    ]);
  });

  it("finds “that” after a hearer phrase or a short aside", () => {
    expect(triple("Reyes complained to the Lindmark Courier that the count was rigged.")).toEqual([
      ["Reyes", "complained", "the count was rigged"],
    ]);
    expect(triple("He said, however, that the bridge would reopen.")).toEqual([
      ["He", "said", "the bridge would reopen"],
    ]);
  });

  it("takes an infinitive cue with the main clause's subject", () => {
    const claim = claimWithCue(
      claimsIn("The union held a rally to urge members to vote for Dunn.").claims,
      "to urge",
    );
    expect(claim).toMatchObject({
      origin: origin(CLAIM_RULES.infinitive),
      sourceMention: { exact: "The union" },
      content: { exact: "members to vote for Dunn" },
    });
    // "declined to say": the refusal keeps its own rule, with no second claim for "to say".
    expect(claimsIn("Dunn declined to say whether he would run.").claims).toHaveLength(1);
  });

  it("takes a passive cue with its “by” agent as the source", () => {
    expect(triple("The allegations were highlighted by rival campaigns.")).toEqual([
      ["rival campaigns", "were highlighted", "The allegations"],
    ]);
    // Fourth pass: an agentless passive is a claim without a source (PolNeAR marks them).
    expect(triple("It was reported that the talks failed.")).toEqual([
      [null, "was reported", "the talks failed"],
    ]);
  });

  it("keeps a relative clause and a noun-like channel in an inverted source", () => {
    expect(triple("“We will win,” said one organiser who asked not to be named.")).toEqual([
      ["one organiser who asked not to be named", "said", "“We will win,”"],
    ]);
    expect(triple("“We will win,” said council spokesman Piet Varga in a Friday tweet.")).toEqual([
      ["council spokesman Piet Varga in a Friday tweet", "said", "“We will win,”"],
    ]);
  });

  it("takes a poll share as the source", () => {
    expect(triple("On trade, 42% say the deal hurt them.")).toEqual([
      ["42%", "say", "the deal hurt them"],
    ]);
  });

  it("takes the infinitive as content when “is expected” has no plain subject", () => {
    expect(triple("The plant, which employs 300 people, is expected to close in May.")).toEqual([
      [null, "is expected", "to close in May"],
    ]);
  });

  it("takes “known as” as an unsourced naming", () => {
    const claim = claimWithCue(
      claimsIn("The group, also known as Hizmet, denies the charge.").claims,
      "also known as",
    );
    expect(claim).toMatchObject({ origin: origin(CLAIM_RULES.knownAs), sourceMention: null });
    expect(claim.content.exact).toBe("Hizmet");
  });

  it("drops beliefs and stances nested in reported speech, keeps nested speech", () => {
    expect(triple("Reyes said she believes the count was rigged.")).toEqual([
      ["Reyes", "said", "she believes the count was rigged"],
    ]);
    expect(triple("Reyes said she supports the bill.")).toEqual([
      ["Reyes", "said", "she supports the bill"],
    ]);
    const { claims } = claimsIn("Reyes said the mayor argued that the count was rigged.");
    expect(claims.map((c) => [c.cue?.exact, c.parentIndex])).toEqual([
      ["said", null],
      ["argued", 0],
    ]);
  });
});

describe("suggestClaims: fourth PolNeAR pass", () => {
  it("takes a perception with an “as” complement as a stance", () => {
    const { claims } = claimsIn("Many Republicans see Senator Hale as a liability in November.");
    expect(claims.map((c) => [c.sourceMention?.exact, c.cue?.exact, c.content.exact])).toEqual([
      ["Many Republicans", "see", "Senator Hale as a liability in November"],
    ]);
    expect(claims[0]?.origin).toBe(origin(CLAIM_RULES.seesAs));
    expect(claimsIn("Many Republicans see the risk.").claims).toEqual([]);
  });

  it("takes the next paragraph after a cue that ends on a colon", () => {
    const text =
      "The paper repeated the charge, and Breitbart News responded:\n\n“There is no basis for it.”";
    const claim = claimWithCue(claimsIn(text).claims, "responded:");
    expect(claim).toMatchObject({ origin: origin(CLAIM_RULES.colonParagraph) });
    expect(claim.sourceMention?.exact).toBe("Breitbart News");
    expect(claim.content.exact).toBe("“There is no basis for it.”");
  });

  it("takes an agentless passive without a source", () => {
    expect(triple("Mr. Sanders has been criticized for offering vague answers.")).toEqual([
      [null, "has been criticized", "Mr. Sanders has been criticized for offering vague answers"],
    ]);
    expect(triple("It was revealed in March that she had used a private server.")).toEqual([
      [null, "was revealed", "she had used a private server"],
    ]);
    expect(claimsIn("The plan was considered too costly.").claims).toEqual([]);
    expect(
      claimWithCue(
        claimsIn("Mr. Sanders has been criticized for it.").claims,
        "has been criticized",
      ).origin,
    ).toBe(origin(CLAIM_RULES.passiveNoAgent));
  });

  it("takes a leading participle clause with the main clause's subject", () => {
    const claim = claimWithCue(
      claimsIn("After thanking the crowd in Burlington, he touted how far his campaign had come.")
        .claims,
      "thanking",
    );
    expect(claim).toMatchObject({ origin: origin(CLAIM_RULES.leadingParticiple) });
    expect(claim.sourceMention?.exact).toBe("he");
    expect(claim.content.exact).toBe("the crowd in Burlington");
  });

  it("takes a wh-clause as the content of any cue", () => {
    expect(triple("He explained how he expanded his father’s business into Manhattan.")).toEqual([
      ["He", "explained", "how he expanded his father’s business into Manhattan"],
    ]);
  });

  it("finds the subject before an appositive and the cue's auxiliaries", () => {
    expect(triple("Sanders, a Vermont senator, has supported stem cell research.")).toEqual([
      ["Sanders, a Vermont senator", "has supported", "stem cell research"],
    ]);
  });

  it("ends a content at a quotation closed on a comma, and takes the participle after it", () => {
    expect(
      triple(
        "Trump hailed the vote as “fantastic,” telling reporters on Friday that the result was “a great thing.”",
      ),
    ).toEqual([
      ["Trump", "hailed", "the vote as “fantastic,”"],
      ["Trump", "telling", "the result was “a great thing.”"],
    ]);
  });

  it("takes a seeming after a modal, across an aside, and with a pronoun subject", () => {
    expect(triple("Superdelegates might seem profoundly undemocratic to new voters.")).toEqual([
      [null, "seem", "Superdelegates might seem profoundly undemocratic to new voters"],
    ]);
    expect(triple("The economy, until recently, seemed immune to global shocks.")).toEqual([
      [null, "seemed", "The economy, until recently, seemed immune to global shocks"],
    ]);
    expect(triple("He seemed rattled by the attacks from Christie.")).toEqual([
      [null, "seemed", "He seemed rattled by the attacks from Christie"],
    ]);
  });

  it("starts the content after a “that” behind adverbs", () => {
    expect(triple("Cruz said long ago that he would never back the nominee.")).toEqual([
      ["Cruz", "said", "he would never back the nominee"],
    ]);
  });

  it("takes “which” after a comma as the source", () => {
    expect(
      claimWithCue(
        claimsIn("The union, which endorsed Clinton in November, is one of the largest.").claims,
        "endorsed",
      ).sourceMention?.exact,
    ).toBe("which");
  });

  it("takes the main clause's subject after a dateline for a coordinated cue", () => {
    expect(
      claimWithCue(
        claimsIn(
          "ORLANDO (Reuters) - President Barack Obama met survivors on Thursday and said the country must act.",
        ).claims,
        "said",
      ).sourceMention?.exact,
    ).toBe("President Barack Obama");
  });

  it("keeps a prepositional phrase and lower-case coordination in a sentence-initial source", () => {
    expect(triple("John Kerry’s negotiating partners in Tehran said the deal would hold.")).toEqual(
      [["John Kerry’s negotiating partners in Tehran", "said", "the deal would hold"]],
    );
    expect(triple("RNC members and officials said the rules would not change.")).toEqual([
      ["RNC members and officials", "said", "the rules would not change"],
    ]);
    // Mid-sentence the subject still ends at the preposition (wider subjects there cost
    // precision on train).
    expect(
      claimsIn("The report said partners in Tehran said the deal would hold.").claims.map(
        (c) => c.sourceMention?.exact,
      ),
    ).toEqual(["The report", "Tehran"]);
  });

  it("takes “Poll:” as a speaker and the fourth-pass verbs", () => {
    expect(triple("Poll: Sanders Leads Clinton Nationally for the First Time")).toEqual([
      ["Poll", ":", "Sanders Leads Clinton Nationally for the First Time"],
    ]);
    expect(triple("The senator voiced concern about the cost of the plan.")).toEqual([
      ["The senator", "voiced", "concern about the cost of the plan"],
    ]);
    expect(triple("Trump compared the senator to a child.")).toEqual([
      ["Trump", "compared", "the senator to a child"],
    ]);
    expect(triple("Most voters want a candidate who will fight for them.")).toEqual([
      ["Most voters", "want", "a candidate who will fight for them"],
    ]);
    expect(triple("The sign read: “Hispanics for Trump.”")).toEqual([
      ["The sign", "read:", "“Hispanics for Trump.”"],
    ]);
  });
});

describe("suggestClaims: fifth PolNeAR pass", () => {
  it("skips “however” between the subject and its cue", () => {
    expect(triple("Carter however said he would welcome China’s participation.")).toEqual([
      ["Carter", "said", "he would welcome China’s participation"],
    ]);
  });

  it("takes the noun phrase after “with” as the speaker of a participle", () => {
    const { claims } = claimsIn(
      "Immigration divides the parties, with Trump calling for a ban on non-citizen Muslims.",
    );
    expect(claims.map((c) => [c.sourceMention?.exact, c.cue?.exact, c.content.exact])).toEqual([
      ["Trump", "calling for", "a ban on non-citizen Muslims"],
    ]);
    expect(claims[0]?.origin).toBe(origin(CLAIM_RULES.withParticiple));
    expect(
      triple("Clinton leads, with 47 percent of Cuban Americans saying they will support her."),
    ).toEqual([["47 percent of Cuban Americans", "saying", "they will support her"]]);
  });

  it("runs the cue of “issued a statement saying” to the participle", () => {
    expect(
      triple(
        "The Trump campaign issued a statement saying his comment “has absolutely no place in American democracy.”",
      ),
    ).toEqual([
      [
        "The Trump campaign",
        "issued a statement saying",
        "his comment “has absolutely no place in American democracy.”",
      ],
    ]);
    expect(
      triple(
        "Trump's campaign released a statement Wednesday evening, saying the rally was postponed.",
      ),
    ).toEqual([
      [
        "Trump's campaign",
        "released a statement Wednesday evening, saying",
        "the rally was postponed",
      ],
    ]);
  });

  it("finds the subject before an aside between hyphens", () => {
    expect(
      triple(
        "The Supreme Court justice -- who has been involved in a scuffle with the nominee -- said she regretted her remarks.",
      ),
    ).toEqual([["The Supreme Court justice", "said", "she regretted her remarks"]]);
    expect(
      triple(
        "The three constitutional scholars - Mr. Tribe, Ms. Epstein and Mr. Amar - agreed there are qualified candidates.",
      ),
    ).toEqual([
      [
        "The three constitutional scholars - Mr. Tribe, Ms. Epstein and Mr. Amar",
        "agreed",
        "there are qualified candidates",
      ],
    ]);
  });

  it("takes a participle after a hyphen as a cue of the main clause's subject", () => {
    expect(
      triple(
        "Investors see a chance that the Fed will return to zero within two years - implying that they expect higher rates to undermine growth.",
      ),
    ).toEqual([["Investors", "implying", "they expect higher rates to undermine growth"]]);
  });

  it("keeps an age and a second appositive in the source", () => {
    expect(
      triple("Carlos Guerrero, 55, a retired farmer, said the wall would never be built."),
    ).toEqual([["Carlos Guerrero, 55, a retired farmer", "said", "the wall would never be built"]]);
  });

  it("takes “complaints that C” without a speaker", () => {
    const { claims } = claimsIn(
      "Developers faced complaints that interlopers on motorcycles were racing around the greens.",
    );
    expect(
      claims.map((c) => [c.sourceMention?.exact ?? null, c.cue?.exact, c.content.exact]),
    ).toEqual([[null, "complaints", "interlopers on motorcycles were racing around the greens"]]);
    expect(claims[0]?.origin).toBe(origin(CLAIM_RULES.nounThat));
    // A relative "that" is no content.
    expect(claimsIn("The agency faced the claims that were filed last year.").claims).toEqual([]);
  });

  it("ends a content inside an aside at the comma before the main clause's speech verb", () => {
    const { claims } = claimsIn(
      "Priebus, in the wake of a new poll showing Trump’s standing with Latinos down to 14 percent, told Fox News on Sunday that Trump appreciates the need to do better.",
    );
    expect(claimWithCue(claims, "showing").content.exact).toBe(
      "Trump’s standing with Latinos down to 14 percent",
    );
    const told = claimWithCue(claims, "told");
    expect([told.sourceMention?.exact, told.content.exact]).toEqual([
      "Priebus",
      "Trump appreciates the need to do better",
    ]);
  });

  it("splits a pronoun from its contracted auxiliary", () => {
    expect(triple("And he’s predicting that the competition will become so fierce.")).toEqual([
      ["he", "’s predicting", "the competition will become so fierce"],
    ]);
    expect(triple("They’ve argued that the deal is unfair.")).toEqual([
      ["They", "’ve argued", "the deal is unfair"],
    ]);
  });

  it("takes the fifth-pass verbs", () => {
    expect(triple("I know the system is rigged.")).toEqual([["I", "know", "the system is rigged"]]);
    expect(triple("The campaign requested a recount in two counties.")).toEqual([
      ["The campaign", "requested", "a recount in two counties"],
    ]);
    expect(triple("A federal judge ruled that the law was unconstitutional.")).toEqual([
      ["A federal judge", "ruled", "the law was unconstitutional"],
    ]);
    // "ruled" is strict: no plain object.
    expect(claimsIn("The judge ruled the roost.").claims).toEqual([]);
  });
});

describe("suggestClaims: sixth PolNeAR pass", () => {
  it("reads a noun-like cue form before a verb, after a year or in a place's attacks as a noun", () => {
    expect(triple("Hackers compromised 12 workstations, the congressional report said.")).toEqual([
      ["the congressional report", "said", "Hackers compromised 12 workstations"],
    ]);
    expect(triple("A 2015 report found that the program failed.")).toEqual([
      ["A 2015 report", "found", "the program failed"],
    ]);
    expect(claimsIn("The Paris attacks test Clinton's strategy.").claims).toEqual([]);
  });

  it("takes 'another' and 'one' as speakers", () => {
    expect(triple("Another says there are about 1,800 billionaires in the world.")).toEqual([
      ["Another", "says", "there are about 1,800 billionaires in the world"],
    ]);
    expect(triple("One says China has the most billionaires.")).toEqual([
      ["One", "says", "China has the most billionaires"],
    ]);
  });

  it("takes the sixth-pass verbs", () => {
    expect(triple("Mr. Ryan outlined a plan to cut taxes for the middle class.")).toEqual([
      ["Mr. Ryan", "outlined", "a plan to cut taxes for the middle class"],
    ]);
    expect(triple("The senator sounded a note of caution about the deal.")).toEqual([
      ["The senator", "sounded", "a note of caution about the deal"],
    ]);
  });

  it("ends a content before a closing appositive", () => {
    expect(
      triple(
        "Officials said the company had suspended 125,000 accounts, the first time it has publicized the number.",
      ),
    ).toEqual([["Officials", "said", "the company had suspended 125,000 accounts"]]);
  });

  it("puts a floating quantifier and an aspect verb into the cue", () => {
    expect(triple("Clinton and Sanders both denounced the ruling.")).toEqual([
      ["Clinton and Sanders", "both denounced", "the ruling"],
    ]);
    expect(triple("Then he began dismissing the notion that experience mattered.")).toEqual([
      ["he", "began dismissing", "the notion that experience mattered"],
    ]);
  });

  it("finds the subject of an infinitive cue after a control verb or a subordinator", () => {
    expect(
      triple("Ramos used his acceptance speech to call for the resignation of the president."),
    ).toEqual([["Ramos", "to call", "the resignation of the president"]]);
    expect(triple("Progressives tend to favor spending projects.")).toEqual([
      ["Progressives", "to favor", "spending projects"],
    ]);
    const { claims } = claimsIn(
      "Though Mr. Ryan was reluctant to endorse Mr. Trump, the speaker appeared with him.",
    );
    const endorse = claimWithCue(claims, "to endorse");
    expect([endorse.sourceMention?.exact, endorse.content.exact]).toEqual([
      "Mr. Ryan",
      "Mr. Trump",
    ]);
  });

  it("takes a quotation labelled with its author and a speaker before a hearer", () => {
    const labelled = claimsIn(
      "Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”",
    ).claims[0];
    expect(labelled).toMatchObject({
      sourceMention: { exact: "Carl Bialik" },
      cue: { exact: ":" },
      content: { exact: "“Keep on contacting voters as late as possible.”" },
      origin: origin(CLAIM_RULES.labelledQuote),
    });
    expect(triple("Clinton to Planned Parenthood: Trump will reverse the ruling.")).toEqual([
      ["Clinton", ":", "Trump will reverse the ruling"],
    ]);
  });

  it("takes a question ended by its mark as the content of the attribution after it", () => {
    const claim = claimsIn(
      "“What kind of people do I have here?” Trump asked, looking far from displeased.",
    ).claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "Trump" },
      cue: { exact: "asked" },
      content: { exact: "“What kind of people do I have here?”" },
      origin: origin(CLAIM_RULES.quoteThenCue),
    });
  });

  it("takes a relative pronoun as the content of the cue it is the object of", () => {
    const claim = claimsIn("He faced allegations of assault, which he has denied.").claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "he" },
      cue: { exact: "has denied" },
      content: { exact: "which" },
      origin: origin(CLAIM_RULES.relativeObject),
    });
    expect(claimsIn("It was a policy about which he was speaking.").claims).toEqual([]);
  });

  it("takes the agent of a stance participle as the source of the noun phrase before it", () => {
    const claim = claimsIn("The immigration bill, opposed by House Republicans, never became law.")
      .claims[0];
    expect(claim).toMatchObject({
      sourceMention: { exact: "House Republicans" },
      cue: { exact: "opposed" },
      content: { exact: "The immigration bill" },
      origin: origin(CLAIM_RULES.reducedPassive),
    });
    expect(claimsIn("He read the emails released by the State Department.").claims).toEqual([]);
  });

  it("finds the subject before a quoted aside and after a sentence adverb", () => {
    expect(
      triple(
        "Mr. Manafort, citing “the unique magic of Trump,” said the candidate could compete in Pennsylvania.",
      ),
    ).toEqual([["Mr. Manafort", "said", "the candidate could compete in Pennsylvania"]]);
    expect(
      triple(
        "Even Rendell, a stalwart Clinton supporter, said it would be easier to raise the gas tax.",
      ),
    ).toEqual([
      ["Rendell, a stalwart Clinton supporter", "said", "it would be easier to raise the gas tax"],
    ]);
  });

  it("keeps a party label and an appositive before a participle in an inverted source", () => {
    expect(triple("“We will win,” said Rep. Bobby Scott (D-Va.).")).toEqual([
      ["Rep. Bobby Scott (D-Va.)", "said", "“We will win,”"],
    ]);
    const { claims } = claimsIn(
      "“It is fine,” said Josh Earnest, the White House press secretary, echoing comments by the president.",
    );
    expect(claimWithCue(claims, "said").sourceMention?.exact).toBe(
      "Josh Earnest, the White House press secretary",
    );
  });
});
