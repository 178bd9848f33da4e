CREATE TABLE `article_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`analyst_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`analyst_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_submissions_article_analyst_uq` ON `article_submissions` (`article_id`,`analyst_id`);--> statement-breakpoint
CREATE INDEX `article_submissions_analyst_idx` ON `article_submissions` (`analyst_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `claim_disputes` (
	`claim_id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`fields` text NOT NULL,
	`open` integer NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_disputes_open_idx` ON `claim_disputes` (`open`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_disputes_article_idx` ON `claim_disputes` (`article_id`);--> statement-breakpoint
CREATE TABLE `claim_layers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`analyst_id` integer,
	`status` text NOT NULL,
	`content_start` integer NOT NULL,
	`content_end` integer NOT NULL,
	`content_text` text NOT NULL,
	`source_start` integer,
	`source_end` integer,
	`source_text` text,
	`cue_start` integer,
	`cue_end` integer,
	`cue_text` text,
	`cue_lemma` text,
	`source_id` integer,
	`quote_type` text NOT NULL,
	`parent_claim_id` integer,
	`proposition_id` integer,
	`source_stance` text,
	`reporting_stance` text,
	`likelihood` text,
	`analytic_confidence` text,
	`verdict` text,
	`credibility` text,
	`note` text,
	`basis` text,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`analyst_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proposition_id`) REFERENCES `propositions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claim_layers_claim_analyst_uq` ON `claim_layers` (`claim_id`,`analyst_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `claim_layers_gold_uq` ON `claim_layers` (`claim_id`) WHERE "claim_layers"."kind" = 'gold';--> statement-breakpoint
CREATE INDEX `claim_layers_analyst_article_idx` ON `claim_layers` (`analyst_id`,`article_id`);--> statement-breakpoint
CREATE INDEX `claim_layers_analyst_status_idx` ON `claim_layers` (`analyst_id`,`status`,`claim_id`);--> statement-breakpoint
CREATE INDEX `claim_layers_article_idx` ON `claim_layers` (`article_id`,`kind`);--> statement-breakpoint
CREATE INDEX `claim_layers_source_idx` ON `claim_layers` (`source_id`);--> statement-breakpoint
CREATE INDEX `claim_layers_proposition_idx` ON `claim_layers` (`proposition_id`);--> statement-breakpoint
ALTER TABLE `adjudications` ADD `status` text;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `content_start` integer;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `content_end` integer;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `content_text` text;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `source_start` integer;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `source_end` integer;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `source_text` text;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `cue_start` integer;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `cue_end` integer;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `cue_text` text;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `source_id` integer REFERENCES sources(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `quote_type` text;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `proposition_id` integer REFERENCES propositions(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `adjudications` ADD `decided_fields` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Carry today's shared decisions into layers (hand-written; drizzle-kit generated the DDL above).
-- Who decided a rule suggestion: the actor of its latest audited update. That analyst, and every
-- analyst who annotated the claim (they reviewed the shared state), get a layer row holding the
-- claim as it stands; a hand-made claim goes to its author's layer. A decision whose maker is not
-- known (no audit event, e.g. a canonical re-import) stays on the suggestion itself.
CREATE TEMP TABLE `_layer_owners` AS
SELECT c.id AS claim_id, c.created_by AS analyst_id FROM claims c
  WHERE c.origin = 'analyst' AND c.created_by IS NOT NULL
UNION
SELECT e.entity_id, (SELECT e2.actor_id FROM audit_events e2
    WHERE e2.entity = 'claim' AND e2.entity_id = e.entity_id AND e2.action = 'update' AND e2.actor_id IS NOT NULL
    ORDER BY e2.id DESC LIMIT 1)
  FROM audit_events e JOIN claims c ON c.id = e.entity_id
  WHERE e.entity = 'claim' AND e.action = 'update' AND e.actor_id IS NOT NULL AND c.origin <> 'analyst'
UNION
SELECT a.claim_id, a.analyst_id FROM annotations a;
--> statement-breakpoint
INSERT INTO `claim_layers` (claim_id, article_id, kind, analyst_id, status, content_start, content_end,
  content_text, source_start, source_end, source_text, cue_start, cue_end, cue_text, cue_lemma,
  source_id, quote_type, parent_claim_id, proposition_id, version, created_at, updated_at)
SELECT DISTINCT c.id, c.article_id, 'analyst', o.analyst_id, c.status, c.content_start, c.content_end,
  c.content_text, c.source_start, c.source_end, c.source_text, c.cue_start, c.cue_end, c.cue_text,
  c.cue_lemma, c.source_id, c.quote_type, c.parent_claim_id, c.proposition_id, c.version,
  c.created_at, c.updated_at
FROM `_layer_owners` o JOIN claims c ON c.id = o.claim_id
WHERE o.analyst_id IS NOT NULL AND o.analyst_id IN (SELECT id FROM users);
--> statement-breakpoint
-- A rule suggestion that now lives in layers goes back to what the rule proposed: the values
-- before its first audited update (toClaim's JSON; a field the record lacks stays), undecided.
UPDATE claims SET
  content_start = iif(json_type(f.before, '$.contentStart') IS NULL, content_start, json_extract(f.before, '$.contentStart')),
  content_end = iif(json_type(f.before, '$.contentEnd') IS NULL, content_end, json_extract(f.before, '$.contentEnd')),
  content_text = iif(json_type(f.before, '$.contentText') IS NULL, content_text, json_extract(f.before, '$.contentText')),
  source_start = iif(json_type(f.before, '$.sourceStart') IS NULL, source_start, json_extract(f.before, '$.sourceStart')),
  source_end = iif(json_type(f.before, '$.sourceEnd') IS NULL, source_end, json_extract(f.before, '$.sourceEnd')),
  source_text = iif(json_type(f.before, '$.sourceText') IS NULL, source_text, json_extract(f.before, '$.sourceText')),
  cue_start = iif(json_type(f.before, '$.cueStart') IS NULL, cue_start, json_extract(f.before, '$.cueStart')),
  cue_end = iif(json_type(f.before, '$.cueEnd') IS NULL, cue_end, json_extract(f.before, '$.cueEnd')),
  cue_text = iif(json_type(f.before, '$.cueText') IS NULL, cue_text, json_extract(f.before, '$.cueText')),
  cue_lemma = iif(json_type(f.before, '$.cueLemma') IS NULL, cue_lemma, json_extract(f.before, '$.cueLemma')),
  source_id = iif(json_type(f.before, '$.sourceId') IS NULL, source_id, (SELECT x.id FROM sources x WHERE x.id = json_extract(f.before, '$.sourceId'))),
  quote_type = iif(json_type(f.before, '$.quoteType') IS NULL, quote_type, json_extract(f.before, '$.quoteType')),
  parent_claim_id = iif(json_type(f.before, '$.parentClaimId') IS NULL, parent_claim_id, (SELECT x.id FROM claims x WHERE x.id = json_extract(f.before, '$.parentClaimId'))),
  proposition_id = iif(json_type(f.before, '$.propositionId') IS NULL, proposition_id, (SELECT x.id FROM propositions x WHERE x.id = json_extract(f.before, '$.propositionId')))
FROM (SELECT entity_id AS claim_id, before FROM audit_events WHERE id IN (
    SELECT min(id) FROM audit_events WHERE entity = 'claim' AND action = 'update' GROUP BY entity_id)) f
WHERE claims.id = f.claim_id AND claims.origin <> 'analyst' AND claims.id IN (SELECT claim_id FROM claim_layers)
  AND json_extract(f.before, '$.contentText') IS NOT NULL;
--> statement-breakpoint
UPDATE claims SET status = 'suggested'
WHERE origin <> 'analyst' AND id IN (SELECT claim_id FROM claim_layers);
--> statement-breakpoint
DROP TABLE `_layer_owners`;
--> statement-breakpoint
-- An analyst whose every annotation in an article was submitted has submitted that article.
INSERT INTO `article_submissions` (article_id, analyst_id, created_at)
SELECT c.article_id, a.analyst_id, max(a.submitted_at) FROM annotations a JOIN claims c ON c.id = a.claim_id
GROUP BY c.article_id, a.analyst_id HAVING count(*) = count(a.submitted_at);
--> statement-breakpoint
-- Existing adjudications decided every judgement field.
UPDATE `adjudications` SET decided_fields = '["sourceStance","reportingStance","likelihood","analyticConfidence","credibility","verdict"]';
