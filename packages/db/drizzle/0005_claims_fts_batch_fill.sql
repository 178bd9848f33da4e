-- The bulk importer indexes its claims in claims_fts once per batch (one INSERT … SELECT over the
-- batch's new claim ids, in writeProcessedArticles) instead of row by row from the insert trigger,
-- which cost it more than the rest of a claim's insert. While a row is in claims_fts_deferred the
-- insert trigger stands aside. The importer adds that row and removes it again inside its own
-- write transaction, so no other connection ever sees it: every other insert (the web's claims, a
-- canonical re-import) still indexes its row at once, and the update and delete triggers are
-- unchanged. A table created here, like claims_fts: drizzle-kit does not model triggers.
CREATE TABLE `claims_fts_deferred` (`id` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
DROP TRIGGER `claims_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ai` AFTER INSERT ON `claims`
WHEN NOT EXISTS (SELECT 1 FROM `claims_fts_deferred`) BEGIN
  INSERT INTO claims_fts(rowid, content_text, source_text, cue_text)
  VALUES (new.id, new.content_text, new.source_text, new.cue_text);
END;
