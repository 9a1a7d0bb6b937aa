CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."recommendation_question_kind" AS ENUM('text', 'scale');--> statement-breakpoint
CREATE TYPE "public"."recommendation_request_status" AS ENUM('invited', 'opened', 'received', 'declined', 'bounced', 'revoked');--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"candidate_user_id" text NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"email" text NOT NULL,
	"civility" text,
	"first_name" text,
	"last_name" text,
	"birth_date" date,
	"phone" text,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"country" text,
	"diploma" text,
	"current_establishment" text,
	"specialty" text,
	"graduation_year" integer,
	"motivation" text,
	"draft_recommenders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_campaign_candidate" UNIQUE("campaign_id","candidate_user_id")
);
--> statement-breakpoint
CREATE TABLE "phone_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"email_id" uuid,
	"first_opened_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "recommendation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" "recommendation_question_kind" NOT NULL,
	"label" text NOT NULL,
	"help" text,
	"position" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"slot" integer NOT NULL,
	"recommender_name" text NOT NULL,
	"recommender_position" text NOT NULL,
	"recommender_email" text NOT NULL,
	"status" "recommendation_request_status" DEFAULT 'invited' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invitation_email_id" uuid,
	"opened_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"revoked_at" timestamp with time zone,
	"bounced_at" timestamp with time zone,
	"resend_count" integer DEFAULT 0 NOT NULL,
	"last_resent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_answers" jsonb,
	"opinion" text,
	"phone" text,
	"phone_confirmed" boolean DEFAULT false NOT NULL,
	"certified" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"content_hash" text,
	"verification_code" text,
	"ip" text,
	"user_agent" text,
	"link_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_verification_code_unique" UNIQUE("verification_code"),
	CONSTRAINT "recommendations_request" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_verifications" ADD CONSTRAINT "phone_verifications_request_id_recommendation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."recommendation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_request_id_recommendation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."recommendation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_links" ADD CONSTRAINT "recommendation_links_email_id_email_outbox_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."email_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_questions" ADD CONSTRAINT "recommendation_questions_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_requests" ADD CONSTRAINT "recommendation_requests_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_requests" ADD CONSTRAINT "recommendation_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_requests" ADD CONSTRAINT "recommendation_requests_invitation_email_id_email_outbox_id_fk" FOREIGN KEY ("invitation_email_id") REFERENCES "public"."email_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_request_id_recommendation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."recommendation_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_link_id_recommendation_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."recommendation_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_establishment_status_idx" ON "applications" USING btree ("establishment_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "phone_verifications_request_idx" ON "phone_verifications" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendation_links_request_idx" ON "recommendation_links" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "recommendation_questions_campaign_idx" ON "recommendation_questions" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_requests_live_slot" ON "recommendation_requests" USING btree ("application_id","slot") WHERE status <> 'revoked';--> statement-breakpoint
CREATE INDEX "recommendation_requests_application_idx" ON "recommendation_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "recommendation_requests_email_idx" ON "recommendation_requests" USING btree ("invitation_email_id");