CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"household_id" uuid
);
--> statement-breakpoint
CREATE TABLE "micro_project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"percent_done" smallint NOT NULL,
	"note" text NOT NULL,
	"spent" bigint NOT NULL,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_project_support_keys" (
	"submitted_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"project_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "micro_project_support_keys_pkey" PRIMARY KEY("submitted_by","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "micro_project_supports" (
	"project_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"submitted_by" text NOT NULL,
	"supported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "micro_project_supports_pkey" PRIMARY KEY("project_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "micro_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"estimated_cost" bigint NOT NULL,
	"household_id" uuid,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'PROPOSED' NOT NULL,
	"supports" integer DEFAULT 0 NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"recused" jsonb,
	"funded" boolean DEFAULT false NOT NULL,
	"percent_done" smallint DEFAULT 0 NOT NULL,
	"spent" bigint DEFAULT 0 NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "micro_projects_cost" CHECK ("micro_projects"."estimated_cost" > 0),
	CONSTRAINT "micro_projects_supports" CHECK ("micro_projects"."supports" >= 0),
	CONSTRAINT "micro_projects_percent" CHECK ("micro_projects"."percent_done" BETWEEN 0 AND 100),
	CONSTRAINT "micro_projects_spent_within_estimate" CHECK ("micro_projects"."spent" >= 0 AND "micro_projects"."spent" <= "micro_projects"."estimated_cost")
);
--> statement-breakpoint
CREATE TABLE "project_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"budget" bigint NOT NULL,
	"proposals_until" timestamp with time zone NOT NULL,
	"supports_until" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"allocated" bigint DEFAULT 0 NOT NULL,
	"spent" bigint DEFAULT 0 NOT NULL,
	"project_count" integer DEFAULT 0 NOT NULL,
	"funded_count" integer DEFAULT 0 NOT NULL,
	"accepted_count" integer DEFAULT 0 NOT NULL,
	"members_present" jsonb,
	"member_count" integer,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "project_rounds_budget" CHECK ("project_rounds"."budget" > 0),
	CONSTRAINT "project_rounds_windows" CHECK ("project_rounds"."proposals_until" < "project_rounds"."supports_until"),
	CONSTRAINT "project_rounds_adds_up" CHECK ("project_rounds"."allocated" >= 0 AND "project_rounds"."allocated" <= "project_rounds"."budget" AND "project_rounds"."spent" >= 0 AND "project_rounds"."spent" <= "project_rounds"."allocated")
);
--> statement-breakpoint
CREATE TABLE "residents_councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "residents_councils_community_key" UNIQUE("community_id"),
	CONSTRAINT "residents_councils_community_code" CHECK ("residents_councils"."community_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_id_residents_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."residents_councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_project_reports" ADD CONSTRAINT "micro_project_reports_project_id_micro_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."micro_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_project_support_keys" ADD CONSTRAINT "micro_project_support_keys_project_id_micro_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."micro_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_project_supports" ADD CONSTRAINT "micro_project_supports_project_id_micro_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."micro_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_projects" ADD CONSTRAINT "micro_projects_round_id_project_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."project_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_rounds" ADD CONSTRAINT "project_rounds_council_id_residents_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."residents_councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_members_council_id_idx" ON "council_members" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "micro_project_reports_project_id_idx" ON "micro_project_reports" USING btree ("project_id","reported_at");--> statement-breakpoint
CREATE INDEX "micro_project_supports_round_household_idx" ON "micro_project_supports" USING btree ("round_id","household_id");--> statement-breakpoint
CREATE INDEX "micro_projects_round_id_idx" ON "micro_projects" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "project_rounds_community_idx" ON "project_rounds" USING btree ("community_id" text_pattern_ops,"year");