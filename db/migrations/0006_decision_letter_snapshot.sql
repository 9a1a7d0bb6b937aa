ALTER TABLE "decisions" ADD COLUMN "letter_subject" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "letter_body" text;