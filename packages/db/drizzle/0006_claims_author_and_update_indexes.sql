CREATE INDEX `claims_created_by_idx` ON `claims` (`created_by`);--> statement-breakpoint
CREATE INDEX `claims_updated_at_idx` ON `claims` (`updated_at`);