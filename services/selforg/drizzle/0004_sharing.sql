CREATE TABLE "household_verifications" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"verified_by" text NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "household_verifications_community_code" CHECK ("household_verifications"."community_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"compound_id" uuid NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"available_from" timestamp with time zone NOT NULL,
	"available_to" timestamp with time zone NOT NULL,
	"verified_only" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"state" text DEFAULT 'OPEN' NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"posted_by" text NOT NULL,
	"posted_by_role" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"first_accepted_at" timestamp with time zone,
	CONSTRAINT "listings_idempotency_key" UNIQUE("posted_by","idempotency_key"),
	CONSTRAINT "listings_community_code" CHECK ("listings"."community_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "listings_window" CHECK ("listings"."available_from" < "listings"."available_to" AND "listings"."expires_at" <= "listings"."available_to")
);
--> statement-breakpoint
CREATE TABLE "match_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"status" text NOT NULL,
	"household_id" uuid NOT NULL,
	"actor_sub" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"need_household_id" uuid NOT NULL,
	"offer_household_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'PROPOSED' NOT NULL,
	"proposed_for" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"minutes" integer,
	CONSTRAINT "matches_minutes" CHECK ("matches"."minutes" IS NULL OR "matches"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "sharing_figures" (
	"community_id" text PRIMARY KEY NOT NULL,
	"needs_posted" integer DEFAULT 0 NOT NULL,
	"needs_matched_within_48h" integer DEFAULT 0 NOT NULL,
	"completed_matches" integer DEFAULT 0 NOT NULL,
	"active_households" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sharing_households" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"first_posted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_credit_balances" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "time_credit_balances_floor" CHECK ("time_credit_balances"."minutes" >= -720)
);
--> statement-breakpoint
CREATE TABLE "time_credit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"minutes" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "time_credit_entries_match_household" UNIQUE("match_id","household_id"),
	CONSTRAINT "time_credit_entries_not_zero" CHECK ("time_credit_entries"."minutes" <> 0)
);
--> statement-breakpoint
ALTER TABLE "match_actions" ADD CONSTRAINT "match_actions_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_need_id_listings_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_offer_id_listings_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_credit_entries" ADD CONSTRAINT "time_credit_entries_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listings_open_idx" ON "listings" USING btree ("community_id","type","kind","state","expires_at");--> statement-breakpoint
CREATE INDEX "listings_household_idx" ON "listings" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "match_actions_match_idx" ON "match_actions" USING btree ("match_id","at");--> statement-breakpoint
CREATE INDEX "matches_need_idx" ON "matches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "matches_offer_idx" ON "matches" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "sharing_figures_community_idx" ON "sharing_figures" USING btree ("community_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "time_credit_entries_household_idx" ON "time_credit_entries" USING btree ("household_id","at");