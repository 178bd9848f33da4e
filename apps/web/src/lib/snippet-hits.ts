/** Parses the FTS5 snippet markup `[hit]` into plain-text parts, so hits render as <mark> safely. */

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Splits `snippet` at `[`…`]` markers; an unmatched bracket stays literal text. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  let rest = snippet;
  for (let open = rest.indexOf("["); open !== -1; open = rest.indexOf("[")) {
    const close = rest.indexOf("]", open + 1);
    if (close === -1) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  push(rest, false);
  return parts;
}
