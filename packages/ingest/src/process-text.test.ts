import type { TProcessedArticle, TSuggestedClaim } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { matchBoilerplateLine } from "./clean-boilerplate";
import { processPlainText, TEXT_EXTRACTOR } from "./process-text";
import { expectValidArticle } from "./test-support/expect-valid";
import { demoArticles, readSample } from "./test-support/fixtures";

const SAMPLE = "iran-iraq-militias-pause.txt";
const BOILERPLATE_LINES = ["- Advertisement -", "Must Read", "Advertisement", "spot_imgspot_img"];

const sentencesOf = (a: TProcessedArticle) => a.sentences.map((s) => a.text.slice(s.start, s.end));
const bySource = (claims: readonly TSuggestedClaim[], mention: string) =>
  claims.filter((c) => c.sourceMention?.exact === mention);

describe("processPlainText on the real sample", () => {
  const raw = readSample(SAMPLE);
  const article = processPlainText(raw, { filename: SAMPLE });

  it("produces a valid processed article", () => {
    expectValidArticle(article);
    expect(article.extractor).toBe(TEXT_EXTRACTOR);
    expect(article.textSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("strips the scraped boilerplate and the crumb", () => {
    const lines = article.text.split("\n");
    for (const junk of BOILERPLATE_LINES) expect(lines).not.toContain(junk);
    expect(article.text).not.toContain("spot_img");
    expect(article.text).not.toContain("HomeWorld");
    expect(article.text).not.toMatch(/^Advertisement$/m);
  });

  it("takes the headline repeated by the crumb as the title, out of the body", () => {
    expect(article.title).toBe(
      "Iran commander requests Iraqi armed groups to reduce attacks on U.S.; groups comply.",
    );
    expect(
      article.text.startsWith("Iran Urges Iraqi Militias to Halt Attacks on U.S. Troops"),
    ).toBe(true);
  });

  it("keeps every real paragraph, verbatim and in order", () => {
    const paragraphs = raw
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !BOILERPLATE_LINES.includes(l) && !l.startsWith("HomeWorld"))
      .filter((l) => l !== article.title);
    expect(article.text.split("\n").filter((l) => l.length > 0)).toEqual(paragraphs);
    expect(paragraphs).toHaveLength(17);
  });

  it("segments sentences without splitting at abbreviations or across paragraphs", () => {
    const sentences = sentencesOf(article);
    expect(sentences).toContain(
      "Following the subsequent lull in hostilities, on Feb. 6 talks resumed with the United States about ending the U.S. presence in Iraq.",
    );
    expect(sentences).toContain("Impact on Iraqi-U.S. Relations");
    expect(sentences).toHaveLength(20);
    const paragraph = (start: string) => {
      const line = article.text.split("\n").find((l) => l.startsWith(start)) ?? "";
      return sentences.filter((s) => line.includes(s));
    };
    expect(paragraph("While one faction")).toEqual([
      "While one faction did not initially agree to Qaani’s request, most others did.",
      "The next day, elite Iran-backed group Kataib Hezbollah announced it was suspending attacks.",
    ]);
    expect(paragraph("At a funeral service")).toHaveLength(2);
    expect(paragraph("With Iran bracing")).toHaveLength(1);
  });

  it("suggests Tehran's indirect claim", () => {
    const [claim] = bySource(article.claims, "Tehran");
    expect(claim).toMatchObject({
      cue: { exact: "says" },
      cueLemma: "say",
      content: {
        exact: "it has funded, advised and trained allies but they decide operations on their own",
      },
      sourceName: "Tehran",
      sourceKindGuess: "named_organization",
      quoteType: "indirect",
      reportingStanceGuess: "neutral",
      origin: "rule:source-cue-content@1",
    });
  });

  it("suggests the senior Iraqi security source's mixed claim, content before the attribution", () => {
    const [claim] = bySource(article.claims, "the senior Iraqi security source");
    expect(claim).toMatchObject({
      cue: { exact: "said" },
      sourceName: "the senior Iraqi security source",
      sourceKindGuess: "unnamed_official",
      quoteType: "mixed",
      origin: "rule:content-source-cue@1",
    });
    expect(claim?.content.exact).toBe(
      "With Iran bracing for a U.S. response to the Jordan attack, Qaani made the visit quick and did not leave the airport, “for strict security reasons and fearing for his safety,”",
    );
  });

  it("suggests al-Mohammedawi's vow and links the later “he said” to him", () => {
    const mention =
      "senior Kataib Hezbollah official and PMF military chief Abdul Aziz al-Mohammedawi";
    const [vow] = bySource(article.claims, mention);
    expect(vow).toMatchObject({
      cue: { exact: "vowed" },
      cueLemma: "vow",
      content: { exact: "a response for the latest killing" },
      sourceName: "Abdul Aziz al-Mohammedawi",
      sourceKindGuess: "named_person",
    });
    const [he] = bySource(article.claims, "he");
    expect(he).toMatchObject({
      cue: { exact: "said" },
      content: { exact: "The response would be based on consensus" },
      sourceName: "Abdul Aziz al-Mohammedawi",
      sourceKindGuess: "named_person",
      origin: "rule:parenthetical-cue@1",
    });
  });

  it("suggests the sources' claims told to Reuters and the other attributions", () => {
    const sources = bySource(article.claims, "multiple Iranian and Iraqi sources");
    expect(sources.map((c) => [c.cue?.exact, c.content.exact])).toEqual([
      [
        "told",
        "A visit by the commander of Iran’s elite Quds Force to Baghdad has led to a pause in attacks on U.S. troops by Iran-aligned groups in Iraq",
      ],
      ["saying", "it was a sign Tehran wants to prevent a broader conflict"],
    ]);
    expect(bySource(article.claims, "The United States")[0]).toMatchObject({
      cue: { exact: "asserts" },
      sourceName: "United States",
      quoteType: "mixed",
    });
    expect(bySource(article.claims, "elite Iran-backed group Kataib Hezbollah")[0]).toMatchObject({
      cue: { exact: "announced" },
      sourceName: "Kataib Hezbollah",
      content: { exact: "it was suspending attacks" },
    });
    // The title-case headline is an attribution too.
    expect(bySource(article.claims, "Iran")[0]).toMatchObject({
      cue: { exact: "Urges" },
      cueLemma: "urge",
      content: { exact: "Iraqi Militias to Halt Attacks on U.S. Troops" },
      origin: "rule:headline-cue@1",
    });
    expect(article.claims).toHaveLength(9);
  });

  it("gives the same text and hash whatever the line endings, spacing and ads around it", () => {
    const noisy = `\uFEFF${raw.replace(/\n/g, "\r\n").replace(/ {2}/g, " \t ")}\r\n\r\n- Advertisement -\r\nShare this\r\n`;
    const again = processPlainText(noisy);
    expect(again.text).toBe(article.text);
    expect(again.textSha256).toBe(article.textSha256);
  });
});

describe("processPlainText on the demo articles", () => {
  const demos = demoArticles();

  it("has three demo articles", () => {
    expect(demos.map((d) => d.name)).toHaveLength(3);
  });

  for (const demo of demos) {
    it(`${demo.name}: strips boilerplate and suggests at least 5 valid claims`, () => {
      const article = expectValidArticle(processPlainText(demo.text, { filename: demo.name }));
      for (const line of article.text.split("\n"))
        expect(matchBoilerplateLine(line), line).toBeNull();
      expect(article.text).not.toContain("spot_img");
      expect(article.text).not.toMatch(/^Home[A-Z]/m);
      expect(article.title).not.toBeNull();
      expect(article.text).not.toContain(article.title ?? "∅");
      expect(article.claims.length).toBeGreaterThanOrEqual(5);
      const words = demo.text.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(200);
      expect(words).toBeLessThanOrEqual(400);
    });
  }

  it("amsel-river-dispute: resolves the minister across mentions", () => {
    const demo = demos.find((d) => d.name === "amsel-river-dispute.txt");
    const article = processPlainText(demo?.text ?? "");
    const names = article.claims.map((c) => c.sourceName);
    expect(names.filter((n) => n === "Teodor Halvik")).toHaveLength(2);
    expect(article.claims.find((c) => c.sourceMention?.exact === "she")?.sourceName).toBe(
      "Mirela Sant",
    );
  });

  it("halcyon-corvanil-recall: keeps a real sentence about an advertisement", () => {
    const demo = demos.find((d) => d.name === "halcyon-corvanil-recall.txt");
    const article = processPlainText(demo?.text ?? "");
    expect(article.text).toContain(
      "The company also pulled a television advertisement for Corvanil",
    );
  });
});

describe("processPlainText: titles and metadata", () => {
  it("takes a short first paragraph without a final period as the title", () => {
    const article = processPlainText(
      "Council Approves Fare-Free Buses\n\nThe vote was close, officials said.",
    );
    expect(article.title).toBe("Council Approves Fare-Free Buses");
    expect(article.text).toBe("The vote was close, officials said.");
  });

  it("keeps a first paragraph that reads like a sentence in the body", () => {
    const article = processPlainText(
      "The vote was close, officials said.\n\nIt passed seven to five.",
    );
    expect(article.title).toBeNull();
    expect(article.text).toBe("The vote was close, officials said.\n\nIt passed seven to five.");
  });

  it("prefers a given title, removing its repetition from the body, and passes metadata through", () => {
    const meta = {
      title: "Council Approves Buses",
      url: "https://example.test/a",
      publisher: "Example News",
      publishedAt: "2024-02-06",
      byline: "A. Reporter",
    };
    const article = expectValidArticle(
      processPlainText("Council Approves Buses\n\nThe vote was close, officials said.", meta),
    );
    expect(article).toMatchObject({
      ...meta,
      text: "The vote was close, officials said.",
      language: null, // too short to tell, and none declared
    });
  });
});

describe("processPlainText: bad input", () => {
  it("rejects empty and whitespace-only text", () => {
    expect(() => processPlainText("")).toThrow(/empty input/);
    expect(() => processPlainText(" \r\n\t\u200B ", { filename: "blank.txt" })).toThrow(
      /^blank\.txt: empty input/,
    );
  });

  it("rejects text that is only boilerplate", () => {
    expect(() => processPlainText("- Advertisement -\n\nMust Read\n\nspot_imgspot_img")).toThrow(
      /empty after cleaning/,
    );
  });
});
