CREATE TYPE "public"."establishment_notice_kind" AS ENUM('accessibility', 'legal', 'privacy');--> statement-breakpoint
ALTER TYPE "public"."email_outbox_status" ADD VALUE 'failed';--> statement-breakpoint
CREATE TABLE "establishment_notices" (
	"establishment_id" uuid NOT NULL,
	"kind" "establishment_notice_kind" NOT NULL,
	"body" text NOT NULL,
	"updated_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "establishment_notices_establishment_id_kind_pk" PRIMARY KEY("establishment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "active_establishment_id" uuid;--> statement-breakpoint
ALTER TABLE "establishment_notices" ADD CONSTRAINT "establishment_notices_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_notices" ADD CONSTRAINT "establishment_notices_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limit_events_bucket_key_idx" ON "rate_limit_events" USING btree ("bucket","key","created_at");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_active_establishment_id_establishments_id_fk" FOREIGN KEY ("active_establishment_id") REFERENCES "public"."establishments"("id") ON DELETE set null ON UPDATE no action;