import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { htmlToText, type TextNodeLike } from "./html-to-text";

const body = (html: string) =>
  parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
    .body as unknown as TextNodeLike;

describe("htmlToText", () => {
  it("separates block elements by a blank line and keeps inline elements in the flow", () => {
    const html =
      "<h1>Title</h1><p>First <b>bold</b> and <a href='#'>linked</a>\n   words.</p><div><p>Second.</p></div>";
    expect(htmlToText(body(html))).toBe("Title\n\nFirst bold and linked words.\n\nSecond.");
  });

  it("turns <br> into a line break, not a paragraph", () => {
    expect(htmlToText(body("<p>Line one<br>Line two<br/>  Line three</p>"))).toBe(
      "Line one\nLine two\nLine three",
    );
  });

  it("makes list items and table rows their own paragraphs, cells space-separated", () => {
    const html =
      "<ul><li>One</li><li>Two</li></ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>";
    expect(htmlToText(body(html))).toBe("One\n\nTwo\n\na b\n\nc");
  });

  it("keeps the lines of <pre> and drops scripts and styles", () => {
    const html = "<pre>x = 1\ny = 2</pre><script>alert(1)</script><style>p{}</style><p>End.</p>";
    expect(htmlToText(body(html))).toBe("x = 1\ny = 2\n\nEnd.");
  });
});
