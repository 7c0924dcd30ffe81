ALTER TABLE `assignments` ADD `title` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `grade_norm` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `discussion` text;