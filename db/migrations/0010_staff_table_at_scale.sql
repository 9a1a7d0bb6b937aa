-- Trigram search of names and emails (a contrib extension on PostgreSQL; loaded by db/embedded.ts on PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "received_recommendations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "requested_recommendations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "required_recommendations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "applications" a SET "required_recommendations" = c.required_recommendations
  FROM "admission_campaigns" c WHERE c.id = a.campaign_id;--> statement-breakpoint
UPDATE "applications" a SET "received_recommendations" = c.received, "requested_recommendations" = c.requested
  FROM (
    SELECT application_id,
           count(*) FILTER (WHERE status = 'received')::int AS received,
           count(*) FILTER (WHERE status <> 'revoked')::int AS requested
      FROM "recommendation_requests" GROUP BY application_id
  ) c
 WHERE a.id = c.application_id;--> statement-breakpoint
-- Keeps applications.received_recommendations / requested_recommendations equal to the counts
-- of the file's requests, whatever code or SQL writes them. Per statement, from the transition
-- tables: a bulk insert or a withdrawal that revokes every request is one update. Increments
-- (not a recount) so that concurrent transactions on the same file add up: each waits for the
-- other's row lock and adds to the committed value.
CREATE FUNCTION "applications_count_recommendations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE applications a
       SET received_recommendations = a.received_recommendations + d.received,
           requested_recommendations = a.requested_recommendations + d.requested
      FROM (SELECT application_id,
                   count(*) FILTER (WHERE status = 'received')::int AS received,
                   count(*) FILTER (WHERE status <> 'revoked')::int AS requested
              FROM new_requests GROUP BY application_id) d
     WHERE a.id = d.application_id AND (d.received <> 0 OR d.requested <> 0);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE applications a
       SET received_recommendations = a.received_recommendations - d.received,
           requested_recommendations = a.requested_recommendations - d.requested
      FROM (SELECT application_id,
                   count(*) FILTER (WHERE status = 'received')::int AS received,
                   count(*) FILTER (WHERE status <> 'revoked')::int AS requested
              FROM old_requests GROUP BY application_id) d
     WHERE a.id = d.application_id AND (d.received <> 0 OR d.requested <> 0);
  ELSE
    UPDATE applications a
       SET received_recommendations = a.received_recommendations + d.received,
           requested_recommendations = a.requested_recommendations + d.requested
      FROM (SELECT application_id, sum(received)::int AS received, sum(requested)::int AS requested
              FROM (SELECT application_id, (status = 'received')::int AS received, (status <> 'revoked')::int AS requested FROM new_requests
                    UNION ALL
                    SELECT application_id, -(status = 'received')::int, -(status <> 'revoked')::int FROM old_requests) changes
             GROUP BY application_id) d
     WHERE a.id = d.application_id AND (d.received <> 0 OR d.requested <> 0);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "recommendation_requests_count_inserted" AFTER INSERT ON "recommendation_requests"
  REFERENCING NEW TABLE AS new_requests FOR EACH STATEMENT EXECUTE FUNCTION "applications_count_recommendations"();--> statement-breakpoint
CREATE TRIGGER "recommendation_requests_count_updated" AFTER UPDATE ON "recommendation_requests"
  REFERENCING OLD TABLE AS old_requests NEW TABLE AS new_requests FOR EACH STATEMENT EXECUTE FUNCTION "applications_count_recommendations"();--> statement-breakpoint
CREATE TRIGGER "recommendation_requests_count_deleted" AFTER DELETE ON "recommendation_requests"
  REFERENCING OLD TABLE AS old_requests FOR EACH STATEMENT EXECUTE FUNCTION "applications_count_recommendations"();--> statement-breakpoint
-- Keeps applications.required_recommendations equal to its campaign's requirement: set when a
-- file is created (or moved to another campaign), and again when the campaign's settings change it.
CREATE FUNCTION "applications_copy_required_recommendations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.required_recommendations := (SELECT required_recommendations FROM admission_campaigns WHERE id = NEW.campaign_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "applications_copy_required_recommendations" BEFORE INSERT OR UPDATE OF "campaign_id", "required_recommendations" ON "applications"
  FOR EACH ROW EXECUTE FUNCTION "applications_copy_required_recommendations"();--> statement-breakpoint
CREATE FUNCTION "admission_campaigns_spread_required_recommendations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE applications SET required_recommendations = NEW.required_recommendations
   WHERE campaign_id = NEW.id AND required_recommendations <> NEW.required_recommendations;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "admission_campaigns_spread_required_recommendations" AFTER UPDATE OF "required_recommendations" ON "admission_campaigns"
  FOR EACH ROW WHEN (OLD.required_recommendations IS DISTINCT FROM NEW.required_recommendations)
  EXECUTE FUNCTION "admission_campaigns_spread_required_recommendations"();--> statement-breakpoint
CREATE INDEX "applications_staff_submitted_idx" ON "applications" USING btree ("establishment_id","submitted_at","id","status","campaign_id");--> statement-breakpoint
CREATE INDEX "applications_staff_name_idx" ON "applications" USING btree ("establishment_id",lower("last_name"),"id","last_name","status","campaign_id");--> statement-breakpoint
CREATE INDEX "applications_staff_status_idx" ON "applications" USING btree ("establishment_id","status","id","campaign_id");--> statement-breakpoint
CREATE INDEX "applications_staff_received_idx" ON "applications" USING btree ("establishment_id","received_recommendations","id","status","campaign_id");--> statement-breakpoint
CREATE INDEX "applications_staff_count_idx" ON "applications" USING btree ("establishment_id","status","campaign_id");--> statement-breakpoint
CREATE INDEX "applications_staff_complete_idx" ON "applications" USING btree ("establishment_id","status","campaign_id") WHERE "applications"."received_recommendations" >= "applications"."required_recommendations";--> statement-breakpoint
CREATE INDEX "applications_staff_incomplete_idx" ON "applications" USING btree ("establishment_id","status","campaign_id") WHERE "applications"."received_recommendations" < "applications"."required_recommendations";--> statement-breakpoint
CREATE INDEX "applications_search_text_trgm_idx" ON "applications" USING gin ("search_text" gin_trgm_ops);
