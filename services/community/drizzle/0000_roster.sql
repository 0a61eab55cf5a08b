CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"floors" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_compound_name_key" UNIQUE("compound_id","name"),
	CONSTRAINT "buildings_id_compound_community_key" UNIQUE("id","compound_id","community_id"),
	CONSTRAINT "buildings_floors_range" CHECK ("buildings"."floors" BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "compounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compounds_community_name_key" UNIQUE("community_id","name"),
	CONSTRAINT "compounds_id_community_key" UNIQUE("id","community_id"),
	CONSTRAINT "compounds_community_code" CHECK ("compounds"."community_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"compound_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"floor" integer NOT NULL,
	"room" text NOT NULL,
	"head_of_household" text NOT NULL,
	"phone" text,
	"needs_door_to_door" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_building_room_key" UNIQUE("building_id","room"),
	CONSTRAINT "households_floor_positive" CHECK ("households"."floor" >= 1)
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_compound_fk" FOREIGN KEY ("compound_id","community_id") REFERENCES "public"."compounds"("id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_building_fk" FOREIGN KEY ("building_id","compound_id","community_id") REFERENCES "public"."buildings"("id","compound_id","community_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buildings_compound_id_idx" ON "buildings" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "buildings_community_id_idx" ON "buildings" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "compounds_community_id_idx" ON "compounds" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "households_building_floor_idx" ON "households" USING btree ("building_id","floor");--> statement-breakpoint
CREATE INDEX "households_compound_id_idx" ON "households" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "households_community_id_idx" ON "households" USING btree ("community_id");