import { MAX_ARTICLE_CHARS } from "@claimdesk/types";
import { describe, expect, it } from "vitest";
import { HTML_EXTRACTOR, processArticleFields, processHtml, TEXT_EXTRACTOR } from "./process-text";

const PARAGRAPHS = [
  "Officials in Baghdad said on Tuesday that the talks on the withdrawal of foreign forces would resume next week after a pause of several months.",
  "“We are ready to continue the dialogue,” the foreign minister told reporters at a news conference, adding that a technical committee had met twice.",
  "The United States has about 2,500 troops in Iraq, and its embassy declined to comment on the timing of the next round of talks.",
  "Analysts said the government faced pressure from armed groups, some of which have attacked bases hosting American forces in recent weeks.",
];

const page = (extra = "") => `<!doctype html><html lang="en"><head>
<title>Iraq talks to resume - Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/iraq-talks">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Iraq talks to resume</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
${extra}
</article></body></html>`;

describe("processHtml", () => {
  it("runs the article text of a page through the pipeline, with the page's metadata", () => {
    const article = processHtml(page());
    expect(article.extractor).toBe(HTML_EXTRACTOR);
    expect(article.title).toBe("Iraq talks to resume");
    expect(article.publisher).toBe("Example News");
    expect(article.url).toBe("https://news.example.com/iraq-talks");
    expect(article.language).toBe("en");
    expect(article.text).toBe(PARAGRAPHS.join("\n\n"));
    expect(article.sentences.length).toBeGreaterThanOrEqual(4);
    expect(article.claims.some((c) => c.cueLemma === "say")).toBe(true);
  });

  it("cleans boilerplate left inside the article and lets given metadata win", () => {
    const article = processHtml(
      page("<p>Advertisement</p><p>Continue reading the main story</p>"),
      {
        publisher: "Given Publisher",
      },
    );
    expect(article.text).toBe(PARAGRAPHS.join("\n\n"));
    expect(article.publisher).toBe("Given Publisher");
  });

  it("throws a clear error for a page without text", () => {
    expect(() => processHtml("<html><body><script>x()</script></body></html>")).toThrow(
      /empty input/,
    );
  });
});

describe("processArticleFields", () => {
  it("processes a structured record's plain-text body with its metadata", () => {
    const article = processArticleFields({
      externalId: "42",
      title: "BAHIA COCOA REVIEW",
      body: "Showers continued throughout the week in the Bahia cocoa zone, Comissaria Smith said in its weekly review.\n\n Reuter",
      url: null,
      publisher: "Reuters",
      publishedAt: "1987-02-26T15:01:01.790",
      byline: null,
    });
    expect(article.extractor).toBe(TEXT_EXTRACTOR);
    expect(article).toMatchObject({
      externalId: "42",
      title: "BAHIA COCOA REVIEW",
      publisher: "Reuters",
      publishedAt: "1987-02-26T15:01:01.790",
      url: null,
      byline: null,
    });
    // The wire sign-off is boilerplate.
    expect(article.text).toBe(
      "Showers continued throughout the week in the Bahia cocoa zone, Comissaria Smith said in its weekly review.",
    );
  });

  it("drops a first line repeating the title", () => {
    const article = processArticleFields({
      title: "Ad sales boost Time Warner profit",
      body: "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.",
    });
    expect(article.text).toBe("Quarterly profits at US media giant TimeWarner jumped 76%.");
  });

  it("refuses an empty or an enormous body with the reason", () => {
    expect(() => processArticleFields({ body: "  \n " })).toThrow(/empty input/);
    expect(() => processArticleFields({ body: "a".repeat(MAX_ARTICLE_CHARS + 1) })).toThrow(
      /too large: 2\.0 M characters/,
    );
  });
});
