DROP INDEX "application_agency_due_idx";--> statement-breakpoint
CREATE INDEX "application_agency_due_idx" ON "application" USING btree ("agency_id","state","due_date","id");