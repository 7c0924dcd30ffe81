CREATE TABLE `live_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`question_id` text NOT NULL,
	`round` integer NOT NULL,
	`try` integer NOT NULL,
	`answer` text NOT NULL,
	`cites` text NOT NULL,
	`fraction` real,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `live_participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_answers_try` ON `live_answers` (`participant_id`,`question_id`,`round`,`try`);--> statement-breakpoint
CREATE INDEX `live_answers_session` ON `live_answers` (`session_id`,`question_id`,`round`);--> statement-breakpoint
CREATE TABLE `live_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`display_name` text NOT NULL,
	`display_name_key` text NOT NULL,
	`seed` text NOT NULL,
	`removed_at` integer,
	`joined_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`learner_id`) REFERENCES `learners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_participants_learner` ON `live_participants` (`session_id`,`learner_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `live_participants_name` ON `live_participants` (`session_id`,`display_name_key`);--> statement-breakpoint
CREATE TABLE `live_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`teacher_id` text NOT NULL,
	`class_id` text,
	`lesson_slug` text NOT NULL,
	`lesson_version` text NOT NULL,
	`code` text,
	`join_open_until` integer,
	`locked` integer DEFAULT false NOT NULL,
	`current_question_id` text,
	`round` integer DEFAULT 1 NOT NULL,
	`phase` text DEFAULT 'answering' NOT NULL,
	`question_states` text NOT NULL,
	`show_results` integer DEFAULT false NOT NULL,
	`timer_ends_at` integer,
	`state_version` integer DEFAULT 0 NOT NULL,
	`answers_version` integer DEFAULT 0 NOT NULL,
	`started_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lesson_version`) REFERENCES `lesson_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_sessions_code_unique` ON `live_sessions` (`code`);--> statement-breakpoint
CREATE INDEX `live_sessions_teacher` ON `live_sessions` (`teacher_id`,`started_at`);--> statement-breakpoint
ALTER TABLE `classes` ADD `join_open_until` integer;