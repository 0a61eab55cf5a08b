CREATE TABLE "group_buy_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_buy_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_price" bigint NOT NULL,
	"stock" integer,
	"sold" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "group_buy_items_price" CHECK ("group_buy_items"."unit_price" > 0),
	CONSTRAINT "group_buy_items_never_oversold" CHECK ("group_buy_items"."sold" >= 0 AND ("group_buy_items"."stock" IS NULL OR "group_buy_items"."sold" <= "group_buy_items"."stock"))
);
--> statement-breakpoint
CREATE TABLE "group_buys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"compound_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"organizer" text NOT NULL,
	"min_participants" integer NOT NULL,
	"per_household_limit" integer,
	"deadline" timestamp with time zone NOT NULL,
	"pickup_at" timestamp with time zone NOT NULL,
	"pickup_point" text NOT NULL,
	"volunteers" jsonb NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "group_buys_min_participants" CHECK ("group_buys"."min_participants" >= 1),
	CONSTRAINT "group_buys_per_household_limit" CHECK ("group_buys"."per_household_limit" IS NULL OR "group_buys"."per_household_limit" >= 1),
	CONSTRAINT "group_buys_pickup_after_deadline" CHECK ("group_buys"."pickup_at" >= "group_buys"."deadline")
);
--> statement-breakpoint
CREATE TABLE "participation_lines" (
	"participation_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	CONSTRAINT "participation_lines_item_key" UNIQUE("participation_id","item_id"),
	CONSTRAINT "participation_lines_quantity" CHECK ("participation_lines"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_buy_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"household_label" text NOT NULL,
	"submitted_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"amount" bigint NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"picked_up_at" timestamp with time zone,
	"picked_up_by" text,
	CONSTRAINT "participations_submitter_key" UNIQUE("submitted_by","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "group_buy_items" ADD CONSTRAINT "group_buy_items_group_buy_id_group_buys_id_fk" FOREIGN KEY ("group_buy_id") REFERENCES "public"."group_buys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_buys" ADD CONSTRAINT "group_buys_committee_id_owner_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."owner_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_lines" ADD CONSTRAINT "participation_lines_participation_id_participations_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_lines" ADD CONSTRAINT "participation_lines_item_id_group_buy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."group_buy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_group_buy_id_group_buys_id_fk" FOREIGN KEY ("group_buy_id") REFERENCES "public"."group_buys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_buy_items_group_buy_id_idx" ON "group_buy_items" USING btree ("group_buy_id");--> statement-breakpoint
CREATE INDEX "group_buys_compound_id_idx" ON "group_buys" USING btree ("compound_id");--> statement-breakpoint
CREATE INDEX "group_buys_community_status_idx" ON "group_buys" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "group_buys_open_deadline_idx" ON "group_buys" USING btree ("deadline") WHERE "group_buys"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "participation_lines_participation_id_idx" ON "participation_lines" USING btree ("participation_id");--> statement-breakpoint
CREATE INDEX "participations_group_buy_household_idx" ON "participations" USING btree ("group_buy_id","household_id");--> statement-breakpoint
CREATE INDEX "participations_household_id_idx" ON "participations" USING btree ("household_id");