CREATE TABLE "owner_committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "owner_committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compound_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_committees_compound_key" UNIQUE("compound_id"),
	CONSTRAINT "owner_committees_community_code" CHECK ("owner_committees"."community_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "owner_committee_members" ADD CONSTRAINT "owner_committee_members_committee_id_owner_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."owner_committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owner_committee_members_committee_id_idx" ON "owner_committee_members" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "owner_committees_community_id_idx" ON "owner_committees" USING btree ("community_id");