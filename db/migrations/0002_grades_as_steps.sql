PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_grades` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` text NOT NULL,
	`teacher_id` text NOT NULL,
	`points` real NOT NULL,
	`levels` text,
	`comment` text,
	`graded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_grades`("response_id", "teacher_id", "points", "levels", "comment", "graded_at") SELECT "response_id", "teacher_id", "points", "levels", "comment", "graded_at" FROM `grades` ORDER BY "graded_at", "response_id";--> statement-breakpoint
-- Grades no longer write into responses: give graded (open) answers back the null automatic
-- grade they were stored with; their score now comes from the grade, read by lessons/scoring.ts.
UPDATE `responses` SET `fraction` = NULL WHERE `id` IN (SELECT `response_id` FROM `__new_grades`);--> statement-breakpoint
DROP TABLE `grades`;--> statement-breakpoint
ALTER TABLE `__new_grades` RENAME TO `grades`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `grades_response` ON `grades` (`response_id`,`id`);