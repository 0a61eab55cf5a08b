CREATE TABLE "community_readiness" (
	"community_id" text PRIMARY KEY NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"epidemic_plan_reviewed_on" date,
	"spaces" integer DEFAULT 0 NOT NULL,
	"space_capacity" integer DEFAULT 0 NOT NULL,
	"observation_points" integer DEFAULT 0 NOT NULL,
	"supply_depots" integer DEFAULT 0 NOT NULL,
	"delivery_points" integer DEFAULT 0 NOT NULL,
	"supplies_below_minimum" integer DEFAULT 0 NOT NULL,
	"expiry_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"volunteers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"hazard" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"steps" jsonb NOT NULL,
	"reviewed_on" date NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emergency_plans_version_key" UNIQUE("community_id","hazard","version"),
	CONSTRAINT "emergency_plans_version_positive" CHECK ("emergency_plans"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "emergency_spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"normal_use" text NOT NULL,
	"emergency_use" text NOT NULL,
	"capacity" integer NOT NULL,
	"conversion_hours" integer NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emergency_spaces_community_name_key" UNIQUE("community_id","name"),
	CONSTRAINT "emergency_spaces_capacity" CHECK ("emergency_spaces"."capacity" >= 1),
	CONSTRAINT "emergency_spaces_conversion" CHECK ("emergency_spaces"."conversion_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"item" text NOT NULL,
	"change" integer NOT NULL,
	"reason" text NOT NULL,
	"expires_on" date,
	"minimum" integer,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "supply_changes_key" UNIQUE("community_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "supply_items" (
	"community_id" text NOT NULL,
	"item" text NOT NULL,
	"unit" text NOT NULL,
	"on_hand" integer NOT NULL,
	"minimum" integer,
	"expires_on" date,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supply_items_pkey" PRIMARY KEY("community_id","item"),
	CONSTRAINT "supply_items_on_hand" CHECK ("supply_items"."on_hand" >= 0),
	CONSTRAINT "supply_items_minimum" CHECK ("supply_items"."minimum" IS NULL OR "supply_items"."minimum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "volunteer_teams_community_kind_key" UNIQUE("community_id","kind")
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"team_id" uuid NOT NULL,
	"household_id" uuid,
	"party_member_id" uuid,
	"skills" jsonb NOT NULL,
	"status" text NOT NULL,
	"enrolled_by" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"accepted_by" text,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "volunteers_one_person" CHECK (("volunteers"."household_id" IS NULL) <> ("volunteers"."party_member_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_team_id_volunteer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_party_member_id_party_members_id_fk" FOREIGN KEY ("party_member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_readiness_region_idx" ON "community_readiness" USING btree ("community_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "supply_changes_item_idx" ON "supply_changes" USING btree ("community_id","item","recorded_at");--> statement-breakpoint
CREATE INDEX "volunteers_community_id_idx" ON "volunteers" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_team_household_key" ON "volunteers" USING btree ("team_id","household_id") WHERE "volunteers"."household_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_team_party_member_key" ON "volunteers" USING btree ("team_id","party_member_id") WHERE "volunteers"."party_member_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "community_readiness" ("community_id", "households")
SELECT c."community_id", (SELECT count(*) FROM "households" h WHERE h."community_id" = c."community_id")::int
FROM (SELECT DISTINCT "community_id" FROM "compounds") c
ON CONFLICT ("community_id") DO NOTHING;
