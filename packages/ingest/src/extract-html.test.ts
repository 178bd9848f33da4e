import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { decodeHtml } from "./decode-html";
import { extractHtml } from "./extract-html";
import { htmlToText, type TextNodeLike } from "./html-to-text";
import { repoRoot } from "./test-support/fixtures";

const PARAGRAPHS = [
  "Officials in Baghdad said on Tuesday that the talks on the withdrawal of foreign forces would resume next week after a pause of several months.",
  "“We are ready to continue the dialogue,” the foreign minister told reporters at a news conference, adding that a technical committee had met twice.",
  "The United States has about 2,500 troops in Iraq, and its embassy declined to comment on the timing of the next round of talks between the two governments.",
  "Analysts said the government faced pressure from armed groups, some of which have attacked bases hosting American forces in recent weeks.",
  "A senior Iraqi security source, speaking on condition of anonymity, said the committee would present its recommendations before the end of the year.",
];

const PAGE = `<!doctype html>
<html lang="en-GB"><head>
<title>Iraq talks to resume | Example News</title>
<link rel="canonical" href="https://news.example.com/world/iraq-talks">
<meta property="og:url" content="https://news.example.com/og-url">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/login">Sign in</a></nav></header>
<main><article>
<h1>Iraq talks to resume</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li><li><a href="/b">Storm warning for the weekend</a></li></ul></aside>
</main>
<footer><p>© 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

describe("extractHtml", () => {
  it("keeps the article's paragraphs, separated by blank lines, without nav, sidebar or footer", () => {
    const page = extractHtml(PAGE);
    for (const p of PARAGRAPHS) expect(page.text).toContain(p);
    expect(page.text).toContain(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
    for (const furniture of ["Sign in", "Celebrity chef", "Privacy policy", "Storm warning"]) {
      expect(page.text).not.toContain(furniture);
    }
  });

  it("keeps the page's metadata", () => {
    const page = extractHtml(PAGE);
    expect(page).toMatchObject({
      title: "Iraq talks to resume",
      byline: "Jane Reporter",
      publisher: "Example News",
      publishedAt: "2024-03-05T10:00:00Z",
      language: "en-GB",
      url: "https://news.example.com/world/iraq-talks",
    });
  });

  it("takes og:url when there is no canonical link", () => {
    expect(extractHtml(PAGE.replace(/<link rel="canonical"[^>]*>/, "")).url).toBe(
      "https://news.example.com/og-url",
    );
  });

  it("still extracts a short page, with its <title> when there is no better one", () => {
    const page = extractHtml(
      "<html><head><title>Note</title></head><body><p>One short note.</p></body></html>",
    );
    expect(page.text).toBe("One short note.");
    expect(page.title).toBe("Note");
  });

  it("returns empty text for a page without any", () => {
    expect(extractHtml("<html><body><script>x()</script></body></html>").text).toBe("");
  });
});

// Real pages from ../shared/corpora, read in place.
const corpora = join(repoRoot(), "..", "shared", "corpora");

function readabilityCase(name: string): { source: string; expected: string } {
  const dir = join(corpora, "readability-test-pages", "pages", name);
  const expectedDoc = parseHTML(
    `<html><body>${readFileSync(join(dir, "expected.html"), "utf8")}</body></html>`,
  ).document;
  return {
    source: decodeHtml(readFileSync(join(dir, "source.html"))).text,
    expected: htmlToText(expectedDoc.body as unknown as TextNodeLike),
  };
}

describe("extractHtml on real pages", () => {
  it("bbc-1: the article of Readability's own fixture, no navigation or share bar", () => {
    const { source, expected } = readabilityCase("bbc-1");
    const page = extractHtml(source);
    expect(page.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(page.publisher).toBe("BBC News");
    expect(page.url).toBe("http://www.bbc.com/news/world-us-canada-33646704");
    const firstParagraph = expected.split("\n\n")[0] ?? "";
    expect(firstParagraph.length).toBeGreaterThan(50);
    expect(page.text).toContain(firstParagraph);
    expect(page.text.split("\n\n").length).toBeGreaterThan(10);
    for (const furniture of [
      "Skip to content",
      "Share this story",
      "Top Stories",
      "More on this story",
    ]) {
      expect(page.text).not.toContain(furniture);
    }
  });

  it("wapo-1: byline, publisher and the first paragraph", () => {
    const { source, expected } = readabilityCase("wapo-1");
    const page = extractHtml(source);
    expect(page.publisher).toBe("Washington Post");
    expect(page.text.startsWith("CAIRO — Gunmen opened fire")).toBe(true);
    expect(page.text).toContain(expected.split("\n\n")[1] ?? "missing");
  });

  it("an article-extraction-benchmark page (WSJ): metadata and no page furniture", () => {
    const id = "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856";
    const bytes = gunzipSync(
      readFileSync(join(corpora, "article-extraction-benchmark", "html", `${id}.html.gz`)),
    );
    const page = extractHtml(decodeHtml(bytes).text);
    expect(page.title).toContain("Google Stadia");
    expect(page.byline).toBe("Sarah E. Needleman");
    expect(page.language).toBe("en-US");
    expect(page.text.startsWith("Gaming used to be so simple.")).toBe(true);
    expect(page.text).not.toMatch(/Subscribe Now|Sign In|Customer Center/);
  });
});
