/**
 * Two analysts' layers on a fifth of the claims (the team-layers model at scale): the bench analyst
 * and a second analyst each accept or reject, and sometimes re-source, every fifth claim in their
 * own layer, and annotate it (stance, likelihood, tags). Plain SQL: a million-claim corpus seeds in
 * seconds.
 */
import type { Db } from "../../packages/db/src/index";

const LIKELIHOOD = `case (id + :analyst) % 7 when 0 then 'almost_no_chance' when 1 then 'very_unlikely'
  when 2 then 'unlikely' when 3 then 'roughly_even_chance' when 4 then 'likely'
  when 5 then 'very_likely' else 'almost_certain' end`;
const STANCE = `case (id + :analyst) % 4 when 0 then 'support' when 1 then 'deny' when 2 then 'query'
  else 'comment' end`;

/** Seeds each analyst's layer and annotations unless they have one already (a database made
 * before layers gets the bench analyst's from migration 0008: their annotations). */
export function seedLayers(db: Db, analystIds: readonly [number, number]): void {
  const sqlite = db.$client;
  const sources = sqlite.prepare("select max(id) from sources").pluck().get() as number | null;
  const has = sqlite.prepare("select 1 from claim_layers where analyst_id = ? limit 1").pluck();
  analystIds.forEach((analyst, i) => {
    if (has.get(analyst) !== undefined) return;
    const rejectEvery = i === 0 ? 7 : 11;
    const sql = (s: string) => s.replaceAll(":analyst", String(analyst));
    sqlite.exec(
      sql(`
      insert into claim_layers (claim_id, article_id, kind, analyst_id, status, content_start,
        content_end, content_text, source_start, source_end, source_text, cue_start, cue_end,
        cue_text, cue_lemma, source_id, quote_type, parent_claim_id, proposition_id, version)
      select id, article_id, 'analyst', :analyst,
        case when id % ${rejectEvery} = 0 then 'rejected' else 'accepted' end,
        content_start, content_end, content_text, source_start, source_end, source_text,
        cue_start, cue_end, cue_text, cue_lemma,
        case when id % 13 = 0 and ${sources ?? 0} > 0 then (id * 31) % ${Math.max(1, sources ?? 1)} + 1
          else source_id end,
        quote_type, parent_claim_id, proposition_id, 1
      from claims where id % 5 = 0 and origin <> 'analyst';
      insert or ignore into annotations (claim_id, analyst_id, source_stance, reporting_stance,
        likelihood, analytic_confidence, tags)
      select id, :analyst, ${STANCE}, 'neutral', ${LIKELIHOOD}, 'moderate',
        case when id % 50 = 0 then '["reviewed"]' else '[]' end
      from claims where id % 5 = 0 and origin <> 'analyst';
      insert or ignore into annotation_tags (annotation_id, claim_id, tag)
      select id, claim_id, 'reviewed' from annotations
      where analyst_id = :analyst and claim_id % 50 = 0;
    `),
    );
  });
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
}
