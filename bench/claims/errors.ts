/**
 * Error analysis on the TRAIN compartment only (never tune on dev): missed gold cues and false
 * positive cues by word, and samples of near-miss spans per role.
 * Usage: tsx bench/claims/errors.ts [role] [samples]
 */
import { suggest } from "./evaluate";
import { loadPolnear } from "./polnear";
import { goldSpan, type Role, trimRange } from "./score";

const role = (process.argv[2] ?? "content") as Role;
const samples = Number(process.argv[3] ?? 25);

function top(m: Map<string, number>, n: number): string {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v}\t${k}`)
    .join("\n");
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

async function main(): Promise<void> {
  const articles = (await loadPolnear()).filter((a) => a.compartment === "train");
  const missedCue = new Map<string, number>();
  const falseCue = new Map<string, number>();
  const near: string[] = [];
  for (const a of articles) {
    const claims = suggest(a.text);
    const cueOf = new Map<number, (typeof claims)[number]>();
    for (const c of claims) if (c.cue) cueOf.set(c.cue.start, c);
    const goldCueStarts = new Set<number>();
    for (const g of a.attributions) {
      const cue = g.cue?.[0];
      if (!cue) continue;
      goldCueStarts.add(cue.start);
      const hit = claims.find((c) => c.cue && c.cue.start < cue.end && c.cue.end > cue.start);
      if (!hit) {
        bump(missedCue, cue.text.toLowerCase());
        continue;
      }
      const parts = g[role];
      const pred = role === "source" ? hit.sourceMention : role === "cue" ? hit.cue : hit.content;
      if (!parts?.length || !pred) continue;
      const gs = trimRange(
        a.text,
        { start: parts[0]?.start ?? 0, end: parts.at(-1)?.end ?? 0 },
        role,
      );
      const ps = trimRange(a.text, pred, role);
      // A multi-part gold span is matched exactly by one of its parts too (as the scorer does).
      const exact = goldSpan(a.text, parts, role).exactKeys.includes(`${ps.start}:${ps.end}`);
      if (!exact && near.length < samples * 20)
        near.push(
          `[${hit.origin}] cue=${hit.cue?.exact}\n  GOLD: ${a.text.slice(gs.start, gs.end)}\n  PRED: ${a.text.slice(ps.start, ps.end)}`,
        );
    }
    for (const c of claims) {
      if (!c.cue) continue;
      const cs = c.cue.start;
      const ce = c.cue.end;
      const ok = a.attributions.some((g) => (g.cue ?? []).some((p) => p.start < ce && p.end > cs));
      if (!ok) bump(falseCue, `${c.cue.exact.toLowerCase()} [${c.origin}]`);
    }
  }
  console.log(`== missed gold cues (train)\n${top(missedCue, 60)}`);
  console.log(`\n== false-positive cues (train)\n${top(falseCue, 30)}`);
  const step = Math.max(1, Math.floor(near.length / samples));
  console.log(`\n== ${role} mismatches on matched cues (${near.length} shown 1 in ${step})`);
  for (let i = 0; i < near.length; i += step) console.log(near[i]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
