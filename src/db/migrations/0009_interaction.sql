CREATE TABLE "consultation" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"document_id" integer,
	"decision_type" text NOT NULL,
	"concerns_market" boolean DEFAULT false NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"email" text,
	"postal_address" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"feedback_summary" text,
	"feedback_published_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_opinion" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"channel" text NOT NULL,
	"author_name" text,
	"author_name_masked" text,
	"contact_enc" text,
	"clause" text,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"adoption" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"entered_by" integer,
	"decided_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"guests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"answer_within_days" integer DEFAULT 5 NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"transcript" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transcript_published_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_question" (
	"id" serial PRIMARY KEY NOT NULL,
	"interview_id" integer NOT NULL,
	"asker_name" text,
	"asker_name_masked" text,
	"content" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"phase" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter" (
	"id" serial PRIMARY KEY NOT NULL,
	"mailbox_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"tracking_number" text NOT NULL,
	"query_code_hash" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"writer_name" text,
	"writer_name_masked" text,
	"phone_enc" text,
	"phone_masked" text,
	"email_enc" text,
	"address_enc" text,
	"phone_hash" text,
	"public_consent" boolean DEFAULT false NOT NULL,
	"channel" text DEFAULT 'web' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"spam_score" integer DEFAULT 0 NOT NULL,
	"handling_agency_id" integer,
	"assigned_to" integer,
	"triage" text DEFAULT 'pending' NOT NULL,
	"triage_reason" text,
	"duplicate_of" integer,
	"state" text DEFAULT 'submitted' NOT NULL,
	"accepted_on" date,
	"due_date" date,
	"warning_level" text,
	"supervised" boolean DEFAULT false NOT NULL,
	"reply_text" text,
	"replied_on" date,
	"reply_agency_id" integer,
	"publication" text DEFAULT 'pending' NOT NULL,
	"public_title" text,
	"public_content" text,
	"public_reply" text,
	"published_at" timestamp with time zone,
	"satisfaction" text,
	"satisfaction_comment" text,
	"rated_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"view_computed_on" date NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"letter_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"on" date NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"actor_id" integer,
	"actor_agency_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_file" (
	"letter_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"kind" text NOT NULL,
	"added_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_file_letter_id_file_id_pk" PRIMARY KEY("letter_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "mailbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"agency_id" integer NOT NULL,
	"leader_name" text,
	"leader_title" text,
	"intro" text DEFAULT '' NOT NULL,
	"time_limits" jsonb NOT NULL,
	"warn_days_before" integer DEFAULT 2 NOT NULL,
	"yellow_days_after" integer DEFAULT 0 NOT NULL,
	"red_days_after" integer DEFAULT 5 NOT NULL,
	"max_extension_days" integer DEFAULT 10 NOT NULL,
	"review_required" boolean DEFAULT true NOT NULL,
	"query_code_length" integer DEFAULT 6 NOT NULL,
	"name_required" boolean DEFAULT true NOT NULL,
	"phone_required" boolean DEFAULT true NOT NULL,
	"email_required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_document" (
	"qa_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	CONSTRAINT "qa_document_qa_id_document_id_pk" PRIMARY KEY("qa_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "qa_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"qa_id" integer NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"question" text NOT NULL,
	"alt_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" text NOT NULL,
	"category" text DEFAULT '其他' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"review_by" date,
	"published_at" timestamp with time zone,
	"helpful_yes" integer DEFAULT 0 NOT NULL,
	"helpful_no" integer DEFAULT 0 NOT NULL,
	"reuse_count" integer DEFAULT 0 NOT NULL,
	"title_tokens" text DEFAULT '' NOT NULL,
	"body_tokens" text DEFAULT '' NOT NULL,
	"tokenizer_version" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'B')) STORED,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"result_summary" text,
	"results_published_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "letter_id" integer;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinion" ADD CONSTRAINT "consultation_opinion_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinion" ADD CONSTRAINT "consultation_opinion_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinion" ADD CONSTRAINT "consultation_opinion_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_question" ADD CONSTRAINT "interview_question_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_mailbox_id_mailbox_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_handling_agency_id_agency_id_fk" FOREIGN KEY ("handling_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_assigned_to_app_user_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_duplicate_of_letter_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."letter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_reply_agency_id_agency_id_fk" FOREIGN KEY ("reply_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_event" ADD CONSTRAINT "letter_event_letter_id_letter_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_event" ADD CONSTRAINT "letter_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_event" ADD CONSTRAINT "letter_event_actor_agency_id_agency_id_fk" FOREIGN KEY ("actor_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_file" ADD CONSTRAINT "letter_file_letter_id_letter_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_file" ADD CONSTRAINT "letter_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_file" ADD CONSTRAINT "letter_file_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox" ADD CONSTRAINT "mailbox_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_document" ADD CONSTRAINT "qa_document_qa_id_qa_item_id_fk" FOREIGN KEY ("qa_id") REFERENCES "public"."qa_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_document" ADD CONSTRAINT "qa_document_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_feedback" ADD CONSTRAINT "qa_feedback_qa_id_qa_item_id_fk" FOREIGN KEY ("qa_id") REFERENCES "public"."qa_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_item" ADD CONSTRAINT "qa_item_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_item" ADD CONSTRAINT "qa_item_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_agency_idx" ON "consultation" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "consultation_document_idx" ON "consultation" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "consultation_opinion_idx" ON "consultation_opinion" USING btree ("consultation_id","id");--> statement-breakpoint
CREATE INDEX "interview_agency_idx" ON "interview" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "interview_question_idx" ON "interview_question" USING btree ("interview_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_tracking_uq" ON "letter" USING btree ("tracking_number");--> statement-breakpoint
CREATE INDEX "letter_agency_state_idx" ON "letter" USING btree ("agency_id","state","due_date","id");--> statement-breakpoint
CREATE INDEX "letter_mailbox_idx" ON "letter" USING btree ("mailbox_id","received_on");--> statement-breakpoint
CREATE INDEX "letter_published_idx" ON "letter" USING btree ("mailbox_id","replied_on","id") WHERE "letter"."publication" = 'published';--> statement-breakpoint
CREATE INDEX "letter_phone_hash_idx" ON "letter" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "letter_handling_idx" ON "letter" USING btree ("handling_agency_id","replied_on");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_event_seq_uq" ON "letter_event" USING btree ("letter_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "mailbox_code_uq" ON "mailbox" USING btree ("code");--> statement-breakpoint
CREATE INDEX "mailbox_agency_idx" ON "mailbox" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "qa_document_doc_idx" ON "qa_document" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "qa_feedback_idx" ON "qa_feedback" USING btree ("qa_id","created_at");--> statement-breakpoint
CREATE INDEX "qa_item_search_idx" ON "qa_item" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "qa_item_state_idx" ON "qa_item" USING btree ("state","category","id");--> statement-breakpoint
CREATE INDEX "qa_item_agency_idx" ON "qa_item" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "survey_agency_idx" ON "survey" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "survey_response_idx" ON "survey_response" USING btree ("survey_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_letter_id_letter_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letter"("id") ON DELETE no action ON UPDATE no action;