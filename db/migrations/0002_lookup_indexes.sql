CREATE INDEX "email_outbox_provider_message_idx" ON "email_outbox" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "recommendation_links_email_idx" ON "recommendation_links" USING btree ("email_id");--> statement-breakpoint
CREATE INDEX "recommendation_requests_status_expiry_idx" ON "recommendation_requests" USING btree ("status","expires_at");