CREATE TABLE `authored_articles` (
	`id` text PRIMARY KEY NOT NULL,
	`teacher_id` text NOT NULL,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `authored_articles_teacher` ON `authored_articles` (`teacher_id`);--> statement-breakpoint
CREATE TABLE `authored_lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`teacher_id` text NOT NULL,
	`article_id` text NOT NULL,
	`slug` text NOT NULL,
	`draft` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `authored_articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authored_lessons_slug_unique` ON `authored_lessons` (`slug`);--> statement-breakpoint
CREATE INDEX `authored_lessons_teacher` ON `authored_lessons` (`teacher_id`);--> statement-breakpoint
CREATE INDEX `authored_lessons_shared` ON `authored_lessons` (`shared`);--> statement-breakpoint
CREATE TABLE `lesson_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lesson_id` text NOT NULL,
	`slug` text NOT NULL,
	`version` text NOT NULL,
	`lesson_file` text NOT NULL,
	`article_file` text NOT NULL,
	`published_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lesson_id`) REFERENCES `authored_lessons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version`) REFERENCES `lesson_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lesson_publications_lesson` ON `lesson_publications` (`lesson_id`,`id`);--> statement-breakpoint
CREATE INDEX `lesson_publications_slug` ON `lesson_publications` (`slug`,`id`);