CREATE TYPE "public"."document_status" AS ENUM('pending', 'valid', 'refused');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('admitted', 'waitlisted', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'incomplete';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'complete';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'under_review';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'admitted';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'waitlisted';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'rejected';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'confirmed';--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'auto_withdrawn';--> statement-breakpoint
CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"campaign_document_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"status" "document_status" DEFAULT 'pending' NOT NULL,
	"refusal_reason" text,
	"reviewed_by_user_id" text,
	"reviewed_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_documents_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "application_documents_one_per_requirement" UNIQUE("application_id","campaign_document_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"help_text" text,
	"formats" text[] DEFAULT array['pdf','jpeg','png']::text[] NOT NULL,
	"max_bytes" integer DEFAULT 5242880 NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_documents_max_bytes" CHECK ("campaign_documents"."max_bytes" between 1024 and 52428800)
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_user_id" text NOT NULL,
	"assigned_by_user_id" text,
	"comment" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignments_application_reviewer" UNIQUE("application_id","reviewer_user_id")
);
--> statement-breakpoint
CREATE TABLE "review_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"scale_max" integer DEFAULT 20 NOT NULL,
	"weight" numeric(5, 2) DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_criteria_scale" CHECK ("review_criteria"."scale_max" between 1 and 100),
	CONSTRAINT "review_criteria_weight" CHECK ("review_criteria"."weight" > 0 and "review_criteria"."weight" <= 100)
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"assignment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_scores_assignment_criterion" UNIQUE("assignment_id","criterion_id"),
	CONSTRAINT "review_scores_non_negative" CHECK ("review_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "decision_motivations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"waitlist_rank" integer,
	"motivation_id" uuid,
	"motivation_text" text,
	"entered_by_user_id" text,
	"published_by_user_id" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "establishments" ADD COLUMN "max_applications_per_candidate" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "response_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "response_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "decision_email_subject" text;--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD COLUMN "decision_email_body" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "waitlist_rank" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "response_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_campaign_document_id_campaign_documents_id_fk" FOREIGN KEY ("campaign_document_id") REFERENCES "public"."campaign_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_documents" ADD CONSTRAINT "campaign_documents_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_criteria" ADD CONSTRAINT "review_criteria_campaign_id_admission_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."admission_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_criterion_id_review_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."review_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_motivations" ADD CONSTRAINT "decision_motivations_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_motivation_id_decision_motivations_id_fk" FOREIGN KEY ("motivation_id") REFERENCES "public"."decision_motivations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_documents_campaign_idx" ON "campaign_documents" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "review_assignments_reviewer_idx" ON "review_assignments" USING btree ("reviewer_user_id");--> statement-breakpoint
CREATE INDEX "review_criteria_campaign_idx" ON "review_criteria" USING btree ("campaign_id","position");--> statement-breakpoint
CREATE INDEX "decision_motivations_establishment_idx" ON "decision_motivations" USING btree ("establishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_one_pending_per_application" ON "decisions" USING btree ("application_id") WHERE "decisions"."published_at" is null;--> statement-breakpoint
CREATE INDEX "decisions_application_idx" ON "decisions" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_candidate_idx" ON "applications" USING btree ("candidate_user_id");--> statement-breakpoint
CREATE INDEX "applications_campaign_status_idx" ON "applications" USING btree ("campaign_id","status","waitlist_rank");--> statement-breakpoint
ALTER TABLE "admission_campaigns" ADD CONSTRAINT "admission_campaigns_response_days" CHECK ("admission_campaigns"."response_days" between 1 and 60);