CREATE TABLE "document" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'document' NOT NULL,
	"agency_id" integer NOT NULL,
	"index_number" text,
	"title" text NOT NULL,
	"doc_number" text,
	"doc_number_norm" text,
	"genre" text,
	"effect_level" text DEFAULT 'other' NOT NULL,
	"unified_number" text,
	"written_on" date,
	"published_on" date,
	"effective_on" date,
	"expires_on" date,
	"formed_on" date,
	"validity" text DEFAULT 'effective' NOT NULL,
	"validity_since" date,
	"disclosure_method" text DEFAULT 'proactive' NOT NULL,
	"category" text,
	"interpretation_form" text,
	"media_url" text,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title_tokens" text DEFAULT '' NOT NULL,
	"body_tokens" text DEFAULT '' NOT NULL,
	"tokenizer_version" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'B')) STORED,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_file" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_issuer" (
	"document_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "document_issuer_document_id_agency_id_pk" PRIMARY KEY("document_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "document_relation" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_revision" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text,
	"changed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_theme" (
	"document_id" integer NOT NULL,
	"theme_code" text NOT NULL,
	CONSTRAINT "document_theme_document_id_theme_code_pk" PRIMARY KEY("document_id","theme_code")
);
--> statement-breakpoint
CREATE TABLE "gazette_issue" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"total_number" integer,
	"published_on" date NOT NULL,
	"file_id" integer,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gazette_item" (
	"issue_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "gazette_item_issue_id_document_id_pk" PRIMARY KEY("issue_id","document_id")
);
--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_issuer" ADD CONSTRAINT "document_issuer_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_issuer" ADD CONSTRAINT "document_issuer_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relation" ADD CONSTRAINT "document_relation_from_id_document_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relation" ADD CONSTRAINT "document_relation_to_id_document_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relation" ADD CONSTRAINT "document_relation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_revision" ADD CONSTRAINT "document_revision_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_revision" ADD CONSTRAINT "document_revision_changed_by_app_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_theme" ADD CONSTRAINT "document_theme_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_issue" ADD CONSTRAINT "gazette_issue_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_issue" ADD CONSTRAINT "gazette_issue_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_item" ADD CONSTRAINT "gazette_item_issue_id_gazette_issue_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."gazette_issue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_item" ADD CONSTRAINT "gazette_item_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_index_number_uq" ON "document" USING btree ("index_number");--> statement-breakpoint
CREATE INDEX "document_agency_idx" ON "document" USING btree ("agency_id","state","published_on");--> statement-breakpoint
CREATE INDEX "document_doc_number_idx" ON "document" USING btree ("doc_number_norm");--> statement-breakpoint
CREATE INDEX "document_published_idx" ON "document" USING btree ("state","published_on","id");--> statement-breakpoint
CREATE INDEX "document_search_idx" ON "document" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "document_file_document_idx" ON "document_file" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_issuer_agency_idx" ON "document_issuer" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_relation_uq" ON "document_relation" USING btree ("from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "document_relation_to_idx" ON "document_relation" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_revision_uq" ON "document_revision" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "document_theme_code_idx" ON "document_theme" USING btree ("theme_code");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_issue_uq" ON "gazette_issue" USING btree ("agency_id","year","number");--> statement-breakpoint
CREATE INDEX "gazette_item_document_idx" ON "gazette_item" USING btree ("document_id");