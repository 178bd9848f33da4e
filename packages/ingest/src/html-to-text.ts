/** A DOM subtree → plain text with paragraph breaks: block elements become "\n\n", <br> "\n". */

/** The slice of the DOM this walk needs; linkedom's nodes satisfy it. */
export interface TextNodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<TextNodeLike>;
}

const ELEMENT = 1;
const TEXT = 3;

const BLOCKS = new Set(
  (
    "ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER " +
    "FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL"
  ).split(" "),
);
const CELLS = new Set(["TD", "TH"]);
// Never text, whatever the extractor left in.
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "BUTTON",
  "SELECT",
]);
const PARAGRAPH = "\u0000P";
const LINE = "\u0000L";

function walk(node: TextNodeLike, out: string[], inPre: boolean): void {
  if (node.nodeType === TEXT) {
    const value = node.nodeValue ?? "";
    out.push(inPre ? value.replace(/\n/g, LINE) : value.replace(/\s+/g, " "));
    return;
  }
  if (node.nodeType !== ELEMENT) {
    // Documents and fragments: walk their children; comments and the like carry no text.
    if (node.nodeType !== 9 && node.nodeType !== 11) return;
  }
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  if (name === "BR") {
    out.push(LINE);
    return;
  }
  const block = BLOCKS.has(name);
  if (block) out.push(PARAGRAPH);
  else if (CELLS.has(name)) out.push(" ");
  const pre = inPre || name === "PRE";
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child !== undefined) walk(child, out, pre);
  }
  if (block) out.push(PARAGRAPH);
}

/** Text of `root` with paragraphs separated by one blank line and lines trimmed. */
export function htmlToText(root: TextNodeLike): string {
  const out: string[] = [];
  walk(root, out, false);
  return out
    .join("")
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split(LINE)
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join("\n"),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}
