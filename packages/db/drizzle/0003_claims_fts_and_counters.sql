-- Full-text search over claims (content, source mention, cue) for the claims table, and the
-- per-source claim counter. drizzle-kit does not model virtual tables or triggers, so they live in
-- this drizzle-kit generated custom migration.
CREATE VIRTUAL TABLE `claims_fts` USING fts5(
  content_text,
  source_text,
  cue_text,
  content='claims',
  content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ai` AFTER INSERT ON `claims` BEGIN
  INSERT INTO claims_fts(rowid, content_text, source_text, cue_text)
  VALUES (new.id, new.content_text, new.source_text, new.cue_text);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ad` AFTER DELETE ON `claims` BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, content_text, source_text, cue_text)
  VALUES ('delete', old.id, old.content_text, old.source_text, old.cue_text);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_au` AFTER UPDATE OF content_text, source_text, cue_text ON `claims` BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, content_text, source_text, cue_text)
  VALUES ('delete', old.id, old.content_text, old.source_text, old.cue_text);
  INSERT INTO claims_fts(rowid, content_text, source_text, cue_text)
  VALUES (new.id, new.content_text, new.source_text, new.cue_text);
END;
--> statement-breakpoint
UPDATE `sources` SET `claim_count` = (SELECT count(*) FROM `claims` WHERE `claims`.`source_id` = `sources`.`id`);
--> statement-breakpoint
CREATE TRIGGER `sources_claim_count_ai` AFTER INSERT ON `claims` WHEN new.source_id IS NOT NULL BEGIN
  UPDATE sources SET claim_count = claim_count + 1 WHERE id = new.source_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_claim_count_ad` AFTER DELETE ON `claims` WHEN old.source_id IS NOT NULL BEGIN
  UPDATE sources SET claim_count = claim_count - 1 WHERE id = old.source_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_claim_count_au` AFTER UPDATE OF source_id ON `claims`
WHEN old.source_id IS NOT new.source_id BEGIN
  UPDATE sources SET claim_count = claim_count - 1 WHERE id = old.source_id;
  UPDATE sources SET claim_count = claim_count + 1 WHERE id = new.source_id;
END;
