/** The claim's sentence as text, with its source underlined, its cue dotted and its content tinted. */
import type { RouterOutputs } from "~/trpc/types";

type Sentence = RouterOutputs["adjudication"]["queue"]["items"][number]["sentence"];
type Role = "content" | "source" | "cue";

/** Cuts the sentence at every span boundary; each piece knows which spans cover it. */
function pieces(sentence: Sentence): { text: string; start: number; roles: Set<Role> }[] {
  const spans: [Role, { start: number; end: number } | null][] = [
    ["content", sentence.content],
    ["source", sentence.sourceMention],
    ["cue", sentence.cue],
  ];
  const length = sentence.text.length;
  const cuts = new Set([0, length]);
  for (const [, s] of spans) {
    if (!s) continue;
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: { text: string; start: number; roles: Set<Role> }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    const roles = new Set<Role>();
    for (const [role, s] of spans) if (s && s.start <= start && end <= s.end) roles.add(role);
    out.push({ text: sentence.text.slice(start, end), start, roles });
  }
  return out;
}

function pieceClass(roles: Set<Role>): string | undefined {
  const classes: string[] = [];
  if (roles.has("content")) classes.push("rounded-[2px] bg-amber-100");
  if (roles.has("source"))
    classes.push(
      "font-semibold text-indigo-800 underline decoration-indigo-500 decoration-2 underline-offset-[3px]",
    );
  if (roles.has("cue"))
    classes.push(
      "font-medium text-rose-700 underline decoration-rose-400 decoration-dotted decoration-2 underline-offset-[3px]",
    );
  return classes.length > 0 ? classes.join(" ") : undefined;
}

export function AdjudicationSentence({ sentence }: { sentence: Sentence }) {
  return (
    <blockquote
      data-testid="adjudication-sentence"
      className="whitespace-pre-wrap border-l-4 border-slate-200 pl-3 font-serif text-[1.0625rem] leading-relaxed text-slate-800"
    >
      {pieces(sentence).map((p) =>
        p.roles.has("content") ? (
          <mark key={p.start} className={pieceClass(p.roles)}>
            {p.text}
          </mark>
        ) : (
          <span key={p.start} className={pieceClass(p.roles)}>
            {p.text}
          </span>
        ),
      )}
    </blockquote>
  );
}
