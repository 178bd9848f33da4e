DROP INDEX `articles_external_id_idx`;--> statement-breakpoint
ALTER TABLE `articles` ADD `collection` text;--> statement-breakpoint
CREATE INDEX `articles_collection_external_id_idx` ON `articles` (`collection`,`external_id`);