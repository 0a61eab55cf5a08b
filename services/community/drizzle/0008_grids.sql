CREATE TABLE "care_flags" (
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"community_id" text NOT NULL,
	"visit_every_days" integer NOT NULL,
	"flagged_by" text NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "care_flags_pkey" PRIMARY KEY("household_id","kind"),
	CONSTRAINT "care_flags_interval" CHECK ("care_flags"."visit_every_days" BETWEEN 1 AND 90)
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"grid_worker_id" uuid NOT NULL,
	"note" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "care_visits_worker_key" UNIQUE("grid_worker_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "grid_buildings" (
	"building_id" uuid PRIMARY KEY NOT NULL,
	"grid_id" uuid NOT NULL,
	"community_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grid_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"duty" text NOT NULL,
	"slot" text,
	"party_member_id" uuid,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grid_workers_grid_slot_key" UNIQUE("grid_id","slot")
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"party_group_leader_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grids_community_name_key" UNIQUE("community_id","name"),
	CONSTRAINT "grids_root_has_no_parent" CHECK (("grids"."level" = 'COMMUNITY') = ("grids"."parent_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "care_flags" ADD CONSTRAINT "care_flags_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_grid_worker_id_grid_workers_id_fk" FOREIGN KEY ("grid_worker_id") REFERENCES "public"."grid_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_buildings" ADD CONSTRAINT "grid_buildings_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_buildings" ADD CONSTRAINT "grid_buildings_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_workers" ADD CONSTRAINT "grid_workers_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_workers" ADD CONSTRAINT "grid_workers_party_member_id_party_members_id_fk" FOREIGN KEY ("party_member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_party_group_leader_id_party_members_id_fk" FOREIGN KEY ("party_group_leader_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_flags_community_id_idx" ON "care_flags" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "care_visits_household_visited_idx" ON "care_visits" USING btree ("household_id","visited_at");--> statement-breakpoint
CREATE INDEX "care_visits_community_id_idx" ON "care_visits" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "grid_buildings_grid_id_idx" ON "grid_buildings" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "grid_buildings_community_id_idx" ON "grid_buildings" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "grid_workers_grid_id_idx" ON "grid_workers" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "grid_workers_community_id_idx" ON "grid_workers" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "grid_workers_party_member_id_idx" ON "grid_workers" USING btree ("party_member_id") WHERE "grid_workers"."party_member_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "grids_community_id_idx" ON "grids" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "grids_parent_id_idx" ON "grids" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_one_community_grid_key" ON "grids" USING btree ("community_id") WHERE "grids"."level" = 'COMMUNITY';