CREATE TABLE "calendar_day" (
	"id" serial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"workday" boolean NOT NULL,
	"name" text,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"agency_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_year" (
	"year" integer PRIMARY KEY NOT NULL,
	"official" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_day_national_uq" ON "calendar_day" USING btree ("date") WHERE "calendar_day"."agency_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_day_agency_uq" ON "calendar_day" USING btree ("date","agency_id") WHERE "calendar_day"."agency_id" is not null;--> statement-breakpoint
CREATE INDEX "calendar_day_agency_idx" ON "calendar_day" USING btree ("agency_id");