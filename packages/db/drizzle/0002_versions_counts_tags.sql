CREATE TABLE `annotation_tags` (
	`annotation_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`tag` text NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annotation_tags_uq` ON `annotation_tags` (`annotation_id`,`tag`);--> statement-breakpoint
CREATE INDEX `annotation_tags_tag_idx` ON `annotation_tags` (`tag`,`claim_id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `previous_version_id` integer REFERENCES articles(id);--> statement-breakpoint
CREATE INDEX `articles_url_idx` ON `articles` (`url`);--> statement-breakpoint
ALTER TABLE `sources` ADD `claim_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `sources_claim_count_idx` ON `sources` (`claim_count`);