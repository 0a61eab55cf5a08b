CREATE TABLE "party_member_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"party_member_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"floor_from" integer NOT NULL,
	"floor_to" integer NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assignments_floor_range" CHECK ("party_member_assignments"."floor_from" >= 1 AND "party_member_assignments"."floor_from" <= "party_member_assignments"."floor_to")
);
--> statement-breakpoint
CREATE TABLE "order_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submitted_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_batches_submitter_key" UNIQUE("submitted_by","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"household_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"compound_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"date" date NOT NULL,
	"category" text NOT NULL,
	"quantity" integer NOT NULL,
	"subsidized_quantity" integer NOT NULL,
	"list_price" bigint NOT NULL,
	"subsidy" bigint NOT NULL,
	"payable" bigint NOT NULL,
	"status" text DEFAULT 'PLACED' NOT NULL,
	"channel" text NOT NULL,
	"submitted_by" text NOT NULL,
	"collected_by" uuid,
	"delivered_by" uuid,
	"placed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_quantities" CHECK ("orders"."quantity" > 0 AND "orders"."subsidized_quantity" BETWEEN 0 AND "orders"."quantity"),
	CONSTRAINT "orders_payable" CHECK ("orders"."payable" = "orders"."quantity" * "orders"."list_price" - "orders"."subsidized_quantity" * "orders"."subsidy")
);
--> statement-breakpoint
CREATE TABLE "package_ratings" (
	"package_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "package_ratings_pkey" PRIMARY KEY("package_id","household_id"),
	CONSTRAINT "package_ratings_range" CHECK ("package_ratings"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"date" date NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"list_price" bigint NOT NULL,
	"items" jsonb NOT NULL,
	"supplier_id" uuid NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "packages_community_date_name_key" UNIQUE("community_id","date","name"),
	CONSTRAINT "packages_list_price_positive" CHECK ("packages"."list_price" > 0)
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"work_unit" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"registered_by" text NOT NULL,
	CONSTRAINT "party_members_community_phone_key" UNIQUE("community_id","phone")
);
--> statement-breakpoint
CREATE TABLE "household_subsidy_usage" (
	"household_id" uuid NOT NULL,
	"date" date NOT NULL,
	"category" text NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_subsidy_usage_pkey" PRIMARY KEY("household_id","date","category"),
	CONSTRAINT "household_subsidy_usage_units" CHECK ("household_subsidy_usage"."units" >= 0)
);
--> statement-breakpoint
ALTER TABLE "party_member_assignments" ADD CONSTRAINT "party_member_assignments_party_member_id_party_members_id_fk" FOREIGN KEY ("party_member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member_assignments" ADD CONSTRAINT "party_member_assignments_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_batch_id_order_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."order_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_collected_by_party_members_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_delivered_by_party_members_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_ratings" ADD CONSTRAINT "package_ratings_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_ratings" ADD CONSTRAINT "package_ratings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_subsidy_usage" ADD CONSTRAINT "household_subsidy_usage_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_party_member_id_idx" ON "party_member_assignments" USING btree ("party_member_id");--> statement-breakpoint
CREATE INDEX "assignments_building_id_idx" ON "party_member_assignments" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "assignments_community_id_idx" ON "party_member_assignments" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "orders_date_community_idx" ON "orders" USING btree ("date","community_id");--> statement-breakpoint
CREATE INDEX "orders_compound_date_status_idx" ON "orders" USING btree ("compound_id","date","status");--> statement-breakpoint
CREATE INDEX "orders_household_date_idx" ON "orders" USING btree ("household_id","date");--> statement-breakpoint
CREATE INDEX "orders_package_id_idx" ON "orders" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "orders_batch_id_idx" ON "orders" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "orders_collected_by_idx" ON "orders" USING btree ("collected_by");--> statement-breakpoint
CREATE INDEX "orders_delivered_by_idx" ON "orders" USING btree ("delivered_by");--> statement-breakpoint
CREATE INDEX "packages_community_date_idx" ON "packages" USING btree ("community_id","date");--> statement-breakpoint
CREATE INDEX "party_members_community_id_idx" ON "party_members" USING btree ("community_id");