CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"city_id" text NOT NULL,
	"region_id" text NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"subject_id" text,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" text NOT NULL,
	"category" text NOT NULL,
	"version" integer NOT NULL,
	"subsidy_per_unit" bigint NOT NULL,
	"max_list_price" bigint NOT NULL,
	"per_household_daily_limit" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "subsidy_policies_region_category_version_key" UNIQUE("region_id","category","version"),
	CONSTRAINT "subsidy_policies_amounts" CHECK ("subsidy_policies"."subsidy_per_unit" >= 0 AND "subsidy_policies"."subsidy_per_unit" <= "subsidy_policies"."max_list_price"),
	CONSTRAINT "subsidy_policies_daily_limit" CHECK ("subsidy_policies"."per_household_daily_limit" >= 0),
	CONSTRAINT "subsidy_policies_dates" CHECK ("subsidy_policies"."effective_to" IS NULL OR "subsidy_policies"."effective_to" >= "subsidy_policies"."effective_from" OR "subsidy_policies"."revoked_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"designated_by" text NOT NULL,
	"designated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "suppliers_region_name_key" UNIQUE("region_id","name")
);
--> statement-breakpoint
ALTER TABLE "subsidy_policies" ADD CONSTRAINT "subsidy_policies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_city_id_idx" ON "audit_log" USING btree ("city_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_policies_one_open_version" ON "subsidy_policies" USING btree ("region_id","category") WHERE "subsidy_policies"."effective_to" IS NULL;--> statement-breakpoint
CREATE INDEX "subsidy_policies_lookup_idx" ON "subsidy_policies" USING btree ("region_id","category","effective_from");--> statement-breakpoint
CREATE INDEX "suppliers_region_id_idx" ON "suppliers" USING btree ("region_id");