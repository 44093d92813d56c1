CREATE TABLE "annual_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"scope" text DEFAULT 'own' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"frozen" jsonb,
	"acknowledged" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"correction_of" integer,
	"correction_note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_deadline" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"level" text NOT NULL,
	"due_month" integer NOT NULL,
	"due_day" integer NOT NULL,
	"note" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_figure" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"table_id" text DEFAULT 'table2' NOT NULL,
	"row_key" text NOT NULL,
	"column_key" text NOT NULL,
	"value_number" numeric,
	"value_text" text,
	"scope" text DEFAULT 'own' NOT NULL,
	"source" text DEFAULT 'entered' NOT NULL,
	"source_note" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_import" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"file_id" integer,
	"tables" jsonb NOT NULL,
	"violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"violations_accepted" boolean DEFAULT false NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_correction_of_annual_report_id_fk" FOREIGN KEY ("correction_of") REFERENCES "public"."annual_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_report" ADD CONSTRAINT "annual_report_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deadline" ADD CONSTRAINT "report_deadline_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deadline" ADD CONSTRAINT "report_deadline_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figure" ADD CONSTRAINT "report_figure_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_figure" ADD CONSTRAINT "report_figure_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_import" ADD CONSTRAINT "report_import_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_import" ADD CONSTRAINT "report_import_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_import" ADD CONSTRAINT "report_import_imported_by_app_user_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_version_uq" ON "annual_report" USING btree ("agency_id","year","scope","version");--> statement-breakpoint
CREATE INDEX "annual_report_state_idx" ON "annual_report" USING btree ("state","year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_deadline_uq" ON "report_deadline" USING btree ("agency_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "report_figure_cell_uq" ON "report_figure" USING btree ("agency_id","year","scope","table_id","row_key","column_key");--> statement-breakpoint
CREATE UNIQUE INDEX "report_import_current_uq" ON "report_import" USING btree ("agency_id","year") WHERE "report_import"."current";--> statement-breakpoint
CREATE INDEX "report_import_agency_idx" ON "report_import" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "application_event_fee_paid_idx" ON "application_event" USING btree ("on") WHERE "application_event"."type" = 'feePaid';